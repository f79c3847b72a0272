import { ErrorCode, formatErrorMessage, type Locale } from "@sichter/shared/errors";

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

/** Wraps anything thrown into a SichterError so callers only ever see stable codes. */
export function toSichterError(error: unknown): SichterError {
  if (error instanceof SichterError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new SichterError(ErrorCode.INTERNAL, { detail }, { cause: error });
}
