import { ErrorCode, formatErrorMessage, type Locale } from "@sichter/shared/errors";
import { fullestFolder, innermostMessage, isDiskFull, pathsOf } from "./diskFull.ts";
import { sichterDirs } from "./SichterHome.ts";

export type ErrorParams = Readonly<Record<string, string | number>>;

/**
 * The one error type the engine lets escape to users and hosts. `code` is stable and travels over
 * the wire; `message` is English for logs; `localizedMessage` renders the same text for a locale.
 */
export class SichterError extends Error {
  override readonly name = "SichterError";

  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    options?: { cause?: unknown },
  ) {
    super(formatErrorMessage(code, params, "en"), options);
  }

  localizedMessage(locale: Locale): string {
    return formatErrorMessage(this.code, this.params, locale);
  }

  toJSON(): { code: ErrorCode; message: string; params: ErrorParams } {
    return { code: this.code, message: this.message, params: this.params };
  }
}

export function isSichterError(error: unknown, code?: ErrorCode): error is SichterError {
  return error instanceof SichterError && (code === undefined || error.code === code);
}

/**
 * Wraps anything thrown into a SichterError so callers only ever see stable codes. A full disk is
 * DISK_FULL whatever it was wrapped in (a catalog error around SQLITE_FULL, a tool's "No space
 * left on device"): the editor must free space, not look for a damaged file.
 */
export function toSichterError(error: unknown): SichterError {
  if (isDiskFull(error) && !isSichterError(error, ErrorCode.DISK_FULL)) return diskFullError(error);
  if (error instanceof SichterError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new SichterError(ErrorCode.INTERNAL, { detail }, { cause: error });
}

/**
 * DISK_FULL naming the place whose disk is full: of the paths the error names, the folders the
 * caller knows the work wrote to and Sichter's own folders, the one with the least room left.
 */
export function diskFullError(error: unknown, folders: readonly string[] = []): SichterError {
  // Temporary frames first: on one disk, that is where most of a job's bytes go.
  const { temp, data, config } = sichterDirs();
  const where = fullestFolder([...pathsOf(error), ...folders, temp, data, config]) ?? "?";
  return new SichterError(
    ErrorCode.DISK_FULL,
    { path: where, detail: innermostMessage(error).slice(0, 300) },
    { cause: error },
  );
}
