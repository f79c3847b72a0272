import fs from "node:fs";
import path from "node:path";
import { ExtensionManifest } from "./ExtensionManifest.ts";
import { extensionId } from "./extensionId.ts";
import { fieldIssue, formatFieldPath, type FieldIssue } from "./FieldIssue.ts";
import { locateJsonError } from "./locateJsonError.ts";
import { ManifestError } from "./ManifestError.ts";
import { manifestIssues } from "./manifestIssues.ts";
import { isValidRange, satisfies } from "./satisfies.ts";

export type ManifestReadResult =
  | { readonly ok: true; readonly manifest: ExtensionManifest; readonly id: string }
  | { readonly ok: false; readonly error: ManifestError };

/**
 * Reads and checks `<folder>/package.json`. Never throws: one broken extension must be skipped with
 * a precise reason, never take the engine down. Synchronous because it runs once per extension at
 * start-up, and a scan is simpler to reason about without interleaving.
 */
export function readManifest(folder: string, engineVersion: string): ManifestReadResult {
  try {
    return check(folder, engineVersion);
  } catch (error) {
    // Only a bug in the checks lands here; still report it against the extension, not the engine.
    const detail = error instanceof Error ? error.message : String(error);
    return fail(
      ManifestError.invalid(folder, "invalid", [
        fieldIssue("", "a manifest the engine can check", `an internal error: ${detail}`),
      ]),
    );
  }
}

function check(folder: string, engineVersion: string): ManifestReadResult {
  const file = path.join(folder, "package.json");
  const text = readText(file);
  if (typeof text !== "string") return fail(ManifestError.invalid(folder, text.problem, [text.issue]));

  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const located = locateJsonError(text.replace(/^\uFEFF/, ""));
    if (located === undefined) {
      return fail(ManifestError.invalid(folder, "not-json", [fieldIssue("", "valid JSON", (error as Error).message)]));
    }
    const where = `line ${located.line}, column ${located.column}`;
    const issue = fieldIssue("", `valid JSON: ${located.expected}`, `${located.found} at ${where}`);
    return fail(ManifestError.invalid(folder, "not-json", [issue], located));
  }

  // Checked before the schema: a manifest written for a newer engine may use fields this one does
  // not know, and "needs Sichter 2.x" is then the true reason, not "unknown key".
  const mismatch = engineMismatch(folder, raw, engineVersion);
  if (mismatch !== undefined) return fail(mismatch);

  const parsed = ExtensionManifest.safeParse(raw);
  if (!parsed.success) {
    return fail(ManifestError.invalid(folder, "invalid", manifestIssues(ExtensionManifest, parsed.error.issues, raw)));
  }
  const manifest = parsed.data;
  const missing = missingFiles(folder, manifest);
  if (missing.length > 0) return fail(ManifestError.invalid(folder, "missing-file", missing));
  return { ok: true, manifest, id: extensionId(manifest) };
}

function readText(file: string): string | { problem: "no-package-json" | "unreadable"; issue: FieldIssue } {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      return {
        problem: "no-package-json",
        issue: fieldIssue("", "a package.json in the extension folder", "no such file"),
      };
    }
    const found = code === "EISDIR" ? "a directory" : `an unreadable file (${code ?? (error as Error).message})`;
    return { problem: "unreadable", issue: fieldIssue("", "a readable package.json file", found) };
  }
}

function engineMismatch(folder: string, raw: unknown, engineVersion: string): ManifestError | undefined {
  const record = (value: unknown): Record<string, unknown> =>
    value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const top = record(raw);
  const range = record(record(top.sichter).engines).sichter;
  if (typeof range !== "string" || range.trim() === "" || !isValidRange(range)) return undefined;
  if (satisfies(engineVersion, range)) return undefined;
  const extension =
    typeof top.publisher === "string" && typeof top.name === "string"
      ? extensionId({ publisher: top.publisher, name: top.name })
      : path.basename(folder);
  const issue = fieldIssue(
    "sichter.engines.sichter",
    `a range that includes this engine's version ${engineVersion}`,
    JSON.stringify(range),
  );
  return ManifestError.engineMismatch(folder, extension, range, engineVersion, issue);
}

/** Files the manifest names must be there now; finding out at activation would be too late to skip cleanly. */
function missingFiles(folder: string, manifest: ExtensionManifest): FieldIssue[] {
  const wanted: { path: (string | number)[]; file: string; what: string }[] = [];
  if (manifest.sichter.main !== undefined)
    wanted.push({ path: ["sichter", "main"], file: manifest.sichter.main, what: "the entry module" });
  manifest.sichter.contributes.vocabularies.forEach((vocabulary, i) =>
    wanted.push({
      path: ["sichter", "contributes", "vocabularies", i, "path"],
      file: vocabulary.path,
      what: "the vocabulary file",
    }),
  );
  return wanted.flatMap(({ path: fieldPath, file, what }) => {
    const found = fileState(path.join(folder, file));
    return found === undefined
      ? []
      : [fieldIssue(formatFieldPath(fieldPath), `${what} at "${file}" inside the extension folder`, found)];
  });
}

function fileState(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? undefined : "a directory or other non-file";
  } catch {
    return "no such file";
  }
}

function fail(error: ManifestError): ManifestReadResult {
  return { ok: false, error };
}
