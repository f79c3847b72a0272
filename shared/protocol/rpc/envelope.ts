import { z } from "zod";
import { WireLimits } from "./limits.ts";
import { WireErrorCode, WireText } from "./wireTypes.ts";

/**
 * JSON-RPC 2.0 envelopes. Params are always by name (an object): positional params would make
 * every method's schema depend on argument order, which hosts in three languages get wrong.
 */

/** Request ids: a string or a safe integer. `null` is allowed only on error responses to garbage. */
export const RequestId = z.union([z.string().min(1).max(WireLimits.id), z.int()]);
export type RequestId = z.infer<typeof RequestId>;

const MethodName = z.string().min(1).max(WireLimits.name);
const Params = z.record(z.string(), z.unknown());

export const JsonRpcRequest = z.strictObject({
  jsonrpc: z.literal("2.0"),
  id: RequestId,
  method: MethodName,
  params: Params.optional(),
});
export type JsonRpcRequest = z.infer<typeof JsonRpcRequest>;

export const JsonRpcNotification = z.strictObject({
  jsonrpc: z.literal("2.0"),
  method: MethodName,
  params: Params.optional(),
});
export type JsonRpcNotification = z.infer<typeof JsonRpcNotification>;

export const JsonRpcSuccessResponse = z.object({
  jsonrpc: z.literal("2.0"),
  id: RequestId,
  result: z.unknown(),
});
export type JsonRpcSuccessResponse = z.infer<typeof JsonRpcSuccessResponse>;

/**
 * `error.data` on every Sichter error: the stable code hosts branch on, and the named values its
 * message template needs, so a host can show the message in its own language (see messages.ts).
 */
export const ErrorData = z.object({
  code: WireErrorCode,
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ErrorData = z.infer<typeof ErrorData>;

export const JsonRpcErrorObject = z.object({
  code: z.int(),
  message: WireText,
  data: ErrorData,
});
export type JsonRpcErrorObject = z.infer<typeof JsonRpcErrorObject>;

export const JsonRpcErrorResponse = z.object({
  jsonrpc: z.literal("2.0"),
  /** Null when the failing message's id could not be read (not JSON, no id). */
  id: RequestId.nullable(),
  error: JsonRpcErrorObject,
});
export type JsonRpcErrorResponse = z.infer<typeof JsonRpcErrorResponse>;

export const JsonRpcResponse = z.union([JsonRpcSuccessResponse, JsonRpcErrorResponse]);
export type JsonRpcResponse = z.infer<typeof JsonRpcResponse>;
