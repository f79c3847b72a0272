import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { es3SyntaxProblems } from "./checkEs3Syntax.ts";

const jsxFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../jsx");

/** The ExtendScript file CSXS/manifest.xml loads, relative to the CEP package. */
export const JSX_FILE = "panel-premiere/cep/jsx/sichter.jsx";

/**
 * Type-checks the JSX sources against the ES3 built-ins (jsx/es3.d.ts) and compiles them, in
 * their project's order, into one script of ES5 syntax without helpers or modules (syntax ES3
 * engines parse once checked for ES3's extra rules; the VM test runs it with ES3 built-ins only).
 * Throws on any type error or ES3 syntax problem.
 */
export function buildJsx(): string {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(jsxFolder, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (problem) => {
        throw new Error(ts.flattenDiagnosticMessageText(problem.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error("cannot read the JSX project");
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: false,
    outFile: "sichter.jsx",
    newLine: ts.NewLineKind.LineFeed,
  };
  const program = ts.createProgram(parsed.fileNames, options);
  const problems = ts.getPreEmitDiagnostics(program);
  if (problems.length > 0) {
    throw new Error(
      ts.formatDiagnostics(problems, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => jsxFolder,
        getNewLine: () => "\n",
      }),
    );
  }
  let output = "";
  program.emit(undefined, (_name, text) => {
    output = text;
  });
  const problems3 = es3SyntaxProblems(output);
  if (problems3.length > 0) throw new Error(`not ECMAScript 3:\n${problems3.join("\n")}`);
  return `// Sichter's ExtendScript for Premiere Pro 25.0-25.5, generated from panel-premiere/cep/jsx/src: do not edit.\n${output}`;
}
