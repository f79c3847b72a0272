import type { ErrorCode } from "../ErrorCode.ts";
import { formatErrorMessage } from "../messages.ts";
import type { ErrorData, JsonRpcErrorObject } from "./envelope.ts";
import { jsonRpcCodeFor } from "./jsonRpcCode.ts";

/**
 * An error that crossed (or would cross) the wire. Hosts branch on `code`; `data.params` fills the
 * message template of that code, so a host can render the text in its own language.
 */
export class SichterRpcError extends Error {
  override readonly name = "SichterRpcError";
  readonly code: ErrorCode;
  readonly rpcCode: number;
  readonly data: ErrorData;

  constructor(code: ErrorCode, message: string, options: { rpcCode?: number; data?: ErrorData; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.rpcCode = options.rpcCode ?? jsonRpcCodeFor(code);
    this.data = options.data ?? { code };
  }

  /** Builds the error from a code and its template params, with the English message. */
  static of(code: ErrorCode, params: Readonly<Record<string, string | number>> = {}): SichterRpcError {
    return new SichterRpcError(code, formatErrorMessage(code, params, "en"), { data: { code, params: { ...params } } });
  }

  /** The `error` member of a JSON-RPC error response. */
  toJsonRpcError(): JsonRpcErrorObject {
    return { code: this.rpcCode, message: this.message, data: this.data };
  }
}
