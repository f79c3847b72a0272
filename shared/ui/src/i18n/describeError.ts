import { ErrorCode, errorMessages, formatErrorMessage } from "@sichter/shared/errors";
import type { UiLocale } from "../host/HostAdapter.ts";
import type { UiError } from "../state/UiError.ts";
import type { MessageKey } from "./messages.ts";
import { placeholdersOf, translate } from "./translate.ts";

/** An engine error as the panel shows it: what happened, what to do next, and the code to quote. */
export interface ErrorText {
  readonly message: string;
  /** Null when the message itself already says what to do. */
  readonly next: string | null;
  readonly code: string;
}

/**
 * What to do after an error, for codes whose message does not say it already (null). Codes not
 * listed get the general advice: an unknown code from a newer engine still gets a way forward.
 */
const NEXT_STEP: Partial<Record<string, MessageKey | null>> = {
  [ErrorCode.FILE_NOT_FOUND]: "next.checkPath",
  [ErrorCode.NOT_A_FILE]: "next.checkPath",
  [ErrorCode.PERMISSION_DENIED]: "next.writable",
  [ErrorCode.PROBE_EMPTY_FILE]: "next.otherFile",
  [ErrorCode.PROBE_NOT_MEDIA]: "next.otherFile",
  [ErrorCode.PROBE_NOT_VIDEO]: "next.otherFile",
  [ErrorCode.PROBE_CORRUPT]: "next.otherFile",
  [ErrorCode.CANCELLED]: null,
  [ErrorCode.OUTPUT_NOT_WRITABLE]: "next.writable",
  [ErrorCode.XMP_WRITE_FAILED]: "next.retry",
  [ErrorCode.NOT_IN_CATALOG]: "next.analyseFirst",
  [ErrorCode.JOB_NOT_FINISHED]: "next.retry",
  [ErrorCode.QUERY_INVALID]: "next.rephrase",
  [ErrorCode.REQUEST_TIMEOUT]: "next.retry",
  [ErrorCode.CONNECTION_CLOSED]: "next.connection",
  [ErrorCode.SHUTTING_DOWN]: "next.connection",
  [ErrorCode.RATE_LIMITED]: null,
  [ErrorCode.UNAUTHORIZED]: null,
  [ErrorCode.TOOL_MISSING]: null,
  [ErrorCode.CATALOG_TOO_NEW]: null,
  [ErrorCode.XMP_UNSUPPORTED_FORMAT]: null,
  [ErrorCode.MEDIA_NOT_ALLOWED]: null,
  [ErrorCode.XMP_SIDECAR_READ_ONLY]: null,
  [ErrorCode.XMP_MEDIA_READ_ONLY]: null,
  [ErrorCode.PRIVACY_LOCAL_ONLY]: null,
  [ErrorCode.EXTENSION_NOT_FOUND]: null,
  [ErrorCode.PORT_IN_USE]: null,
};

/**
 * The user's-language text of an engine error, from its SICHTER_E_* code and the template params
 * the engine sent (shared/protocol's errorMessages: one text per code for every host). Without the
 * params a template needs (a job's stored error carries only code and text), the engine's own text
 * is shown rather than a sentence with holes; a code this panel does not know yet likewise.
 */
export function describeError(error: UiError, locale: UiLocale): ErrorText {
  const next = NEXT_STEP[error.code];
  return {
    message: messageOf(error, locale),
    next: next === null ? null : translate(locale, next ?? "next.default"),
    code: error.code,
  };
}

function messageOf(error: UiError, locale: UiLocale): string {
  if (!isKnownCode(error.code)) return error.message.trim() || error.code;
  const params = error.params ?? {};
  const complete = placeholdersOf(errorMessages[error.code][locale]).every((name) => name in params);
  if (!complete && error.message.trim() !== "") return error.message;
  return formatErrorMessage(error.code, params, locale);
}

function isKnownCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(errorMessages, code);
}
