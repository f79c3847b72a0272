import { ErrorCode } from "../ErrorCode.ts";

/**
 * JSON-RPC numeric error codes. Generic JSON-RPC clients only see these; Sichter hosts branch on
 * `error.data.code` instead, which is finer. The mapping lives here and nowhere else.
 */
export const JsonRpcCode = {
  /** The text is not JSON. Paired with SICHTER_E_INVALID_REQUEST. */
  PARSE_ERROR: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  INTERNAL_ERROR: -32603,
  /** LSP's RequestCancelled. */
  REQUEST_CANCELLED: -32800,
  /** Any failure of the work itself (media, catalog, analysis); `error.data.code` says which. */
  APPLICATION_ERROR: -32001,
  UNAUTHORIZED: -32002,
  ORIGIN_REFUSED: -32003,
  RATE_LIMITED: -32004,
  MESSAGE_TOO_LARGE: -32005,
  JOB_NOT_FOUND: -32006,
  JOB_NOT_FINISHED: -32007,
  REQUEST_TIMEOUT: -32008,
  CONNECTION_CLOSED: -32009,
  SHUTTING_DOWN: -32010,
  RESPONSE_INVALID: -32011,
} as const;
export type JsonRpcCode = (typeof JsonRpcCode)[keyof typeof JsonRpcCode];

const A = JsonRpcCode.APPLICATION_ERROR;

/** A Record over every code, so adding an ErrorCode fails the typecheck until it is mapped here. */
const byErrorCode: Record<ErrorCode, JsonRpcCode> = {
  [ErrorCode.USAGE]: A,
  [ErrorCode.FILE_NOT_FOUND]: A,
  [ErrorCode.PERMISSION_DENIED]: A,
  [ErrorCode.NOT_A_FILE]: A,
  [ErrorCode.PROBE_EMPTY_FILE]: A,
  [ErrorCode.PROBE_NOT_MEDIA]: A,
  [ErrorCode.PROBE_NOT_VIDEO]: A,
  [ErrorCode.PROBE_CORRUPT]: A,
  [ErrorCode.TOOL_MISSING]: A,
  [ErrorCode.TOOL_FAILED]: A,
  [ErrorCode.CANCELLED]: JsonRpcCode.REQUEST_CANCELLED,
  [ErrorCode.TIMECODE_INVALID]: A,
  [ErrorCode.OUTPUT_NOT_WRITABLE]: A,
  [ErrorCode.XMP_UNSUPPORTED_FORMAT]: A,
  [ErrorCode.XMP_WRITE_FAILED]: A,
  [ErrorCode.CATALOG_UNAVAILABLE]: A,
  [ErrorCode.CATALOG_TOO_NEW]: A,
  [ErrorCode.NOT_IN_CATALOG]: A,
  [ErrorCode.QUERY_INVALID]: A,
  [ErrorCode.OCR_MODEL_UNAVAILABLE]: A,
  [ErrorCode.ANALYZER_FAILED]: A,
  [ErrorCode.INTERNAL]: JsonRpcCode.INTERNAL_ERROR,
  [ErrorCode.UNAUTHORIZED]: JsonRpcCode.UNAUTHORIZED,
  [ErrorCode.ORIGIN_REFUSED]: JsonRpcCode.ORIGIN_REFUSED,
  [ErrorCode.INVALID_REQUEST]: JsonRpcCode.INVALID_REQUEST,
  [ErrorCode.INVALID_PARAMS]: JsonRpcCode.INVALID_PARAMS,
  [ErrorCode.METHOD_NOT_FOUND]: JsonRpcCode.METHOD_NOT_FOUND,
  [ErrorCode.MESSAGE_TOO_LARGE]: JsonRpcCode.MESSAGE_TOO_LARGE,
  [ErrorCode.RATE_LIMITED]: JsonRpcCode.RATE_LIMITED,
  [ErrorCode.JOB_NOT_FOUND]: JsonRpcCode.JOB_NOT_FOUND,
  [ErrorCode.JOB_NOT_FINISHED]: JsonRpcCode.JOB_NOT_FINISHED,
  [ErrorCode.REQUEST_TIMEOUT]: JsonRpcCode.REQUEST_TIMEOUT,
  [ErrorCode.CONNECTION_CLOSED]: JsonRpcCode.CONNECTION_CLOSED,
  [ErrorCode.SHUTTING_DOWN]: JsonRpcCode.SHUTTING_DOWN,
  [ErrorCode.RESPONSE_INVALID]: JsonRpcCode.RESPONSE_INVALID,
  [ErrorCode.PORT_IN_USE]: A,
  [ErrorCode.EXTENSION_MANIFEST_INVALID]: A,
  [ErrorCode.EXTENSION_ENGINE_MISMATCH]: A,
  [ErrorCode.EXTENSION_FAILED]: A,
  [ErrorCode.EXTENSION_TIMEOUT]: A,
  [ErrorCode.EXTENSION_OUT_OF_MEMORY]: A,
  [ErrorCode.EXTENSION_CRASHED]: A,
  [ErrorCode.EXTENSION_NOT_FOUND]: A,
  [ErrorCode.CONFIG_INVALID]: A,
  [ErrorCode.PRIVACY_LOCAL_ONLY]: A,
  [ErrorCode.PRIVACY_INSECURE_ENDPOINT]: A,
  [ErrorCode.PRIVACY_REDIRECT_REFUSED]: A,
  [ErrorCode.PRIVACY_CERTIFICATE_INVALID]: A,
  [ErrorCode.PRIVACY_IMAGE_REFUSED]: A,
  [ErrorCode.PROVIDER_NOT_CONFIGURED]: A,
  [ErrorCode.PROVIDER_UNAVAILABLE]: A,
  [ErrorCode.PROVIDER_RATE_LIMITED]: A,
  [ErrorCode.PROVIDER_REJECTED]: A,
  [ErrorCode.PROVIDER_RESPONSE_INVALID]: A,
  [ErrorCode.PROVIDER_CIRCUIT_OPEN]: A,
  [ErrorCode.XMP_SIDECAR_READ_ONLY]: A,
  [ErrorCode.XMP_MEDIA_READ_ONLY]: A,
  [ErrorCode.MEDIA_NOT_ALLOWED]: A,
  [ErrorCode.ENGINE_ALREADY_RUNNING]: A,
  [ErrorCode.TOOL_KILLED]: A,
  [ErrorCode.TOOL_NOT_EXECUTABLE]: A,
  [ErrorCode.CATALOG_READ_ONLY]: A,
  [ErrorCode.PATH_INVALID]: A,
  [ErrorCode.DISK_FULL]: A,
  [ErrorCode.HOST_WRITE_REFUSED]: A,
  [ErrorCode.HOST_WRITE_NOT_KEPT]: A,
  [ErrorCode.MARKER_FRAME_OCCUPIED]: A,
  [ErrorCode.HOST_NOT_AVAILABLE]: A,
  [ErrorCode.FRAME_RATE_TOO_LOW]: A,
  [ErrorCode.MEDIA_TRUNCATED]: A,
  [ErrorCode.WORKER_CANNOT_SEE_FILE]: A,
};

/** The JSON-RPC `error.code` to send for a Sichter error code. */
export function jsonRpcCodeFor(code: ErrorCode): JsonRpcCode {
  return byErrorCode[code];
}

const knownCodes: ReadonlySet<string> = new Set(Object.values(ErrorCode));

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && knownCodes.has(value);
}

/**
 * The Sichter code for an error response: `error.data.code` when this side knows it; otherwise the
 * closest code for the JSON-RPC number (a generic or newer server), else INTERNAL.
 */
export function errorCodeFromResponse(rpcCode: number, dataCode: unknown): ErrorCode {
  if (isErrorCode(dataCode)) return dataCode;
  if (rpcCode === JsonRpcCode.PARSE_ERROR) return ErrorCode.INVALID_REQUEST;
  for (const [code, mapped] of Object.entries(byErrorCode)) {
    if (mapped === rpcCode && mapped !== A) return code as ErrorCode;
  }
  return ErrorCode.INTERNAL;
}
