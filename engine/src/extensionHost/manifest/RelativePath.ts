import { z } from "zod";
import { reportIssue } from "./reportIssue.ts";

/**
 * A file inside the extension folder. Absolute paths and `..` would let a manifest point at files
 * the user never installed as part of the extension; backslashes would make the manifest work on
 * Windows only.
 */
export function relativePathInside(extensions?: readonly string[]) {
  return (
    z
      .string()
      .min(1)
      .superRefine((value, ctx) => {
        const problem = problemOf(value, extensions);
        if (problem !== undefined) reportIssue(ctx, problem);
      })
      // The same rules as a pattern, so editors flag a bad path while the author types it.
      .meta({ pattern: patternFor(extensions) })
  );
}

function problemOf(value: string, extensions: readonly string[] | undefined): string | undefined {
  const relative = "a relative path inside the extension folder";
  if (value.includes("\\")) return `${relative} with forward slashes`;
  if (value.startsWith("/") || /^[A-Za-z]:/.test(value)) return `${relative}, not an absolute path`;
  if (value.split("/").includes("..")) return `${relative}, without ".."`;
  if (value.includes("\0")) return relative;
  if (extensions !== undefined && !extensions.some((ext) => value.endsWith(ext))) {
    return `${relative} ending in ${extensions.join(", ")}`;
  }
  return undefined;
}

function patternFor(extensions: readonly string[] | undefined): string {
  const ending = extensions === undefined ? "" : `(?:${extensions.map((ext) => ext.replace(".", "\\.")).join("|")})`;
  return `^(?![/\\\\]|[A-Za-z]:)(?!.*\\\\)(?!(?:.*/)?\\.\\.(?:/|$)).+${ending}$`;
}
