import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";

/** What file systems allow per file or folder name (ext4, APFS, NTFS, XFS), in bytes of UTF-8. */
const NAME_MAX = 255;

/** A path no file can have: a NUL ends every path the system is given, so nothing is looked up. */
export function nulInPathError(absolute: string): SichterError | null {
  if (!absolute.includes("\0")) return null;
  return invalid(absolute, {
    problem: "it holds a NUL character (U+0000), which no file name can contain",
    problemDe: "er enthält ein NUL-Zeichen (U+0000), das kein Dateiname enthalten kann",
  });
}

/** The file system refused the path as too long (ENAMETOOLONG): says which part and by how much. */
export function tooLongPathError(absolute: string): SichterError {
  const name = absolute.split(/[\\/]/).find((part) => Buffer.byteLength(part) > NAME_MAX);
  if (name !== undefined) {
    const bytes = Buffer.byteLength(name);
    return invalid(absolute, {
      problem: `the name "${shorten(name, 40)}" is ${bytes} bytes long; file systems allow at most ${NAME_MAX} bytes per file or folder name`,
      problemDe: `der Name "${shorten(name, 40)}" ist ${bytes} Byte lang; Dateisysteme erlauben höchstens ${NAME_MAX} Byte je Datei- oder Ordnername`,
    });
  }
  const bytes = Buffer.byteLength(absolute);
  return invalid(absolute, {
    problem: `it is ${bytes} bytes long, longer than this system allows for a whole path`,
    problemDe: `er ist ${bytes} Byte lang, länger als dieses System für einen ganzen Pfad erlaubt`,
  });
}

/** Symbolic links that lead back to themselves (ELOOP): no file at the end of them. */
export function symlinkLoopError(absolute: string): SichterError {
  return invalid(absolute, {
    problem: "its symbolic links lead in a circle, so it ends at no file",
    problemDe: "seine symbolischen Verknüpfungen führen im Kreis, er endet bei keiner Datei",
  });
}

/**
 * A path that names nothing and holds a line break or another control character: almost always
 * copied along with the end of a line. (A file really named so is opened like any other.)
 */
export function controlCharacterError(absolute: string): SichterError | null {
  const found = /[\u0001-\u001f\u007f]/.exec(absolute)?.[0];
  if (found === undefined) return null;
  const lineBreak = found === "\n" || found === "\r";
  const code = `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return invalid(absolute, {
    problem: lineBreak
      ? "it holds a line break and no file of that name exists (copied along with the end of a line?)"
      : `it holds the control character ${code} and no file of that name exists`,
    problemDe: lineBreak
      ? "er enthält einen Zeilenumbruch, und eine Datei dieses Namens gibt es nicht (beim Kopieren mit dem Zeilenende erfasst?)"
      : `er enthält das Steuerzeichen ${code}, und eine Datei dieses Namens gibt es nicht`,
  });
}

function invalid(absolute: string, problem: { problem: string; problemDe: string }): SichterError {
  return new SichterError(ErrorCode.PATH_INVALID, { path: shownPath(absolute), ...problem });
}

/**
 * The path as one readable line: control characters written as escapes (\n, \u0000), and a path of
 * thousands of characters cut in the middle, keeping where it starts and the file name.
 */
function shownPath(absolute: string): string {
  const escaped = absolute.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === "\n"
      ? "\\n"
      : c === "\r"
        ? "\\r"
        : c === "\t"
          ? "\\t"
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  if (escaped.length <= 300) return escaped;
  const end = Math.max(path.basename(escaped).length, 60);
  return `${escaped.slice(0, 120)}…${escaped.slice(-Math.min(end, 170))}`;
}

function shorten(text: string, keep: number): string {
  return text.length <= keep ? text : `${text.slice(0, keep - 10)}…${text.slice(-9)}`;
}
