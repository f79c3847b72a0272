import { ErrorCode } from "../ErrorCode.ts";
import { formatErrorMessage } from "../messages.ts";
import { describeIssues } from "./describeIssues.ts";
import { JsonRpcNotification, JsonRpcRequest, RequestId, type JsonRpcErrorResponse } from "./envelope.ts";
import { JsonRpcCode, jsonRpcCodeFor } from "./jsonRpcCode.ts";
import { WireLimits } from "./limits.ts";
import { findPrototypeKey } from "./prototypeKeys.ts";
import {
  clientNotifications,
  isClientNotificationName,
  isMethodName,
  methods,
  type ClientNotificationName,
  type ClientNotificationParams,
  type MethodName,
  type MethodParams,
} from "./registry.ts";

/** A request whose params passed its method's schema; `method` narrows `params`. */
export type IncomingRequest = {
  [M in MethodName]: { kind: "request"; id: RequestId; method: M; params: MethodParams<M> };
}[MethodName];

export type IncomingNotification = {
  [N in ClientNotificationName]: { kind: "notification"; method: N; params: ClientNotificationParams<N> };
}[ClientNotificationName];

/** Something to answer with `response` as it is (`id` is null when it could not be read). */
export interface IncomingError {
  kind: "error";
  response: JsonRpcErrorResponse;
}

/**
 * An unknown or malformed notification. JSON-RPC forbids answering notifications, so the server
 * only logs `reason`.
 */
export interface IncomingDropped {
  kind: "dropped";
  reason: string;
}

export type Incoming = IncomingRequest | IncomingNotification | IncomingError | IncomingDropped;

export interface ParseIncomingOptions {
  /** Largest accepted text, in UTF-16 code units (default WireLimits.messageChars). */
  maxChars?: number;
}

/**
 * Reads one WebSocket text message from a client and validates it against the protocol. Never
 * throws: every failure becomes an error response ready to send, or a dropped notification.
 */
export function parseIncoming(text: string, options: ParseIncomingOptions = {}): Incoming {
  const maxChars = options.maxChars ?? WireLimits.messageChars;
  if (text.length > maxChars) {
    return fail(null, ErrorCode.MESSAGE_TOO_LARGE, { size: text.length, limit: maxChars });
  }

  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return fail(null, ErrorCode.INVALID_REQUEST, { detail: "the message is not JSON" }, JsonRpcCode.PARSE_ERROR);
  }

  if (Array.isArray(message)) {
    return fail(null, ErrorCode.INVALID_REQUEST, { detail: "batches are not supported; send one message at a time" });
  }
  if (message === null || typeof message !== "object") {
    return fail(null, ErrorCode.INVALID_REQUEST, { detail: "a JSON-RPC message is a JSON object" });
  }

  const id = readableId(message);
  if (!("id" in message)) return parseNotification(message);

  const envelope = JsonRpcRequest.safeParse(message);
  if (!envelope.success) {
    const detail = describeIssues(envelope.error.issues, message, "");
    return fail(id, ErrorCode.INVALID_REQUEST, { detail });
  }
  const request = envelope.data;
  if (!isMethodName(request.method)) {
    return fail(request.id, ErrorCode.METHOD_NOT_FOUND, { method: request.method });
  }
  const rawParams = request.params ?? {};
  // The message as JSON.parse gave it: the envelope's copy of params turned an own "__proto__" key
  // into the copy's prototype, where no schema sees it.
  const prototypeKey = findPrototypeKey((message as { params?: unknown }).params, "params");
  if (prototypeKey !== undefined) {
    return fail(request.id, ErrorCode.INVALID_PARAMS, {
      method: request.method,
      detail: `${prototypeKey}: this key is not allowed`,
    });
  }
  const params = methods[request.method].params.safeParse(rawParams);
  if (!params.success) {
    const detail = describeIssues(params.error.issues, rawParams, "params");
    return fail(request.id, ErrorCode.INVALID_PARAMS, { method: request.method, detail });
  }
  return { kind: "request", id: request.id, method: request.method, params: params.data } as IncomingRequest;
}

function parseNotification(message: object): IncomingNotification | IncomingDropped {
  const envelope = JsonRpcNotification.safeParse(message);
  if (!envelope.success) {
    return {
      kind: "dropped",
      reason: `not a JSON-RPC notification: ${describeIssues(envelope.error.issues, message, "")}`,
    };
  }
  const { method } = envelope.data;
  if (!isClientNotificationName(method)) return { kind: "dropped", reason: `unknown notification ${method}` };
  const rawParams = envelope.data.params ?? {};
  const prototypeKey = findPrototypeKey((message as { params?: unknown }).params, "params");
  if (prototypeKey !== undefined)
    return { kind: "dropped", reason: `${method}: ${prototypeKey}: this key is not allowed` };
  const params = clientNotifications[method].safeParse(rawParams);
  if (!params.success) {
    return { kind: "dropped", reason: `${method}: ${describeIssues(params.error.issues, rawParams, "params")}` };
  }
  return { kind: "notification", method, params: params.data };
}

/** The id to answer with when the envelope is broken: only when it is itself a valid id. */
function readableId(message: object): RequestId | null {
  const id = RequestId.safeParse((message as { id?: unknown }).id);
  return id.success ? id.data : null;
}

function fail(
  id: RequestId | null,
  code: ErrorCode,
  params: Record<string, string | number>,
  rpcCode: number = jsonRpcCodeFor(code),
): IncomingError {
  return {
    kind: "error",
    response: {
      jsonrpc: "2.0",
      id,
      error: { code: rpcCode, message: formatErrorMessage(code, params, "en"), data: { code, params } },
    },
  };
}
