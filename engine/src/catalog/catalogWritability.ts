import fs from "node:fs";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";

/** A file (or the folder) of the catalog that cannot be written, and what the user can do about it. */
export interface WriteProblem {
  readonly file: string;
  readonly problem: string;
  readonly fix: string;
}

/** The files SQLite uses for a catalog in WAL mode. */
export function catalogFiles(file: string): { main: string; wal: string; shm: string; folder: string } {
  return { main: file, wal: `${file}-wal`, shm: `${file}-shm`, folder: path.dirname(file) };
}

/**
 * Checks, before SQLite opens the catalog, that every file it writes can be written: the catalog,
 * its -wal and -shm, and the folder when one of them must still be created. Returns the files it
 * repaired; throws CATALOG_READ_ONLY naming every file that is wrong and how to fix each.
 *
 * Checking first matters: opening a read-only catalog makes SQLite create -wal and -shm with the
 * catalog's read-only mode, and that -shm then keeps the catalog unwritable after the user fixed
 * the catalog itself. That is also the one thing repaired here: with the catalog writable, a
 * read-only -wal or -shm of the user's own is given the catalog's mode back (chmod; the file and
 * its content stay, so a -wal holding changes is never lost and another open connection is not
 * disturbed). Anything else is the user's to decide, so it is named, not changed.
 */
export function ensureCatalogWritable(file: string): string[] {
  const files = catalogFiles(file);
  const problems: WriteProblem[] = [];
  const main = statOf(files.main);
  if (main && cannotWrite(files.main)) problems.push(problemOf(files.main, main, "the catalog"));
  const missing = [files.main, files.wal, files.shm].filter((f) => !statOf(f));
  if (missing.length > 0 && statOf(files.folder) && cannotWrite(files.folder)) {
    problems.push({
      file: files.folder,
      problem: `(the catalog's folder) is not writable, and SQLite must create ${missing.map((f) => path.basename(f)).join(", ")} there`,
      fix: `make the folder writable, e.g. chmod u+w "${files.folder}"`,
    });
  }
  const repaired: string[] = [];
  for (const side of [files.wal, files.shm]) {
    const stat = statOf(side);
    if (!stat || !cannotWrite(side)) continue;
    if (main && problems.length === 0 && giveModeOf(main, side)) {
      repaired.push(side);
      continue;
    }
    problems.push(
      problemOf(side, stat, side === files.wal ? "the catalog's write-ahead log" : "the catalog's shared-memory index"),
    );
  }
  if (problems.length > 0) throw catalogReadOnly(file, problems);
  return repaired;
}

/** The refusal, with one line per problem (the message lists them under the catalog's path). */
export function catalogReadOnly(file: string, problems: readonly WriteProblem[]): SichterError {
  const files = problems.map((p) => `\n  - ${p.file} ${p.problem}: ${p.fix}`).join("");
  return new SichterError(ErrorCode.CATALOG_READ_ONLY, { path: file, files });
}

function problemOf(file: string, stat: fs.Stats, what: string): WriteProblem {
  const why = accessError(file);
  const uid = process.getuid?.();
  const mode = (stat.mode & 0o777).toString(8).padStart(4, "0");
  const keep = file.endsWith("-wal")
    ? "; do not delete it: it may hold the catalog's latest changes"
    : file.endsWith("-shm")
      ? "; it holds no data, so it may also be deleted while no Sichter is running (SQLite rebuilds it)"
      : "";
  if (why === "EROFS") {
    return {
      file,
      problem: `(${what}) is on a disk mounted read-only`,
      fix: `move the Sichter home (SICHTER_HOME) to a writable disk${keep}`,
    };
  }
  if (why === "EPERM") {
    return {
      file,
      problem: `(${what}) is locked against changes (immutable)`,
      fix: `lift the lock, e.g. chattr -i "${file}"${keep}`,
    };
  }
  if (uid !== undefined && stat.uid !== uid) {
    return {
      file,
      problem: `(${what}) belongs to another user (uid ${stat.uid}, mode ${mode})`,
      fix: `give it back to your user, e.g. sudo chown "$(id -un)" "${file}"${keep}`,
    };
  }
  if ((stat.mode & 0o200) === 0) {
    return {
      file,
      problem: `(${what}) is read-only (mode ${mode})`,
      fix: `make it writable, e.g. chmod u+w "${file}"${keep}`,
    };
  }
  return {
    file,
    problem: `(${what}) cannot be written (${why ?? "refused"})`,
    fix: `check the access rules on it (ACLs, security policy)${keep}`,
  };
}

/** The catalog's own permission bits for its -wal or -shm, as SQLite gives them when it creates them. */
function giveModeOf(main: fs.Stats, side: string): boolean {
  try {
    fs.chmodSync(side, main.mode & 0o777);
    return !cannotWrite(side);
  } catch {
    return false;
  }
}

function statOf(file: string): fs.Stats | undefined {
  return fs.statSync(file, { throwIfNoEntry: false });
}

function cannotWrite(file: string): boolean {
  return accessError(file) !== undefined;
}

function accessError(file: string): string | undefined {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? "refused";
  }
}
