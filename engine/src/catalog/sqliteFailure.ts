import { ErrorCode } from "@sichter/shared/errors";
import { isDiskFull } from "../core/diskFull.ts";
import { diskFullError, SichterError } from "../core/SichterError.ts";

/**
 * A failure of a SQLite call in the catalog's file as users see it: our own errors pass through, a
 * full disk (SQLITE_FULL) is DISK_FULL naming the file, anything else (locked too long, closed,
 * damaged) is CATALOG_UNAVAILABLE with SQLite's message. The catalog, the job queue, the usage
 * ledger and the transparency log share the file, so they share this.
 */
export function sqliteFailure(error: unknown, file: string): SichterError {
  if (error instanceof SichterError) return error;
  if (isDiskFull(error)) return diskFullError(error, [file]);
  const detail = error instanceof Error ? error.message : String(error);
  return new SichterError(ErrorCode.CATALOG_UNAVAILABLE, { path: file, detail }, { cause: error });
}

/** Runs a synchronous SQLite call, its failure reported as sqliteFailure says. */
export function guardSqlite<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw sqliteFailure(error, file);
  }
}
