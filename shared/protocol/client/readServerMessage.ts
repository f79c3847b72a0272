import { z } from "zod";
import { RequestId } from "../rpc/envelope.ts";

/**
 * What one message from the engine is, before its result or params are checked against the
 * method's schema. Error responses are read leniently: a malformed error is still an error.
 */
export type ServerMessage =
  | { kind: "result"; id: RequestId; result: unknown }
  | { kind: "error"; id: RequestId | null; rpcCode: number; message: string; data: unknown }
  | { kind: "notification"; method: string; params: unknown }
  | { kind: "invalid"; reason: string };

const Success = z.object({ jsonrpc: z.literal("2.0"), id: RequestId, result: z.unknown() });
const Failure = z.object({
  jsonrpc: z.literal("2.0"),
  id: RequestId.nullable(),
  error: z.object({ code: z.number(), message: z.string(), data: z.unknown().optional() }),
});
const Notification = z.object({ jsonrpc: z.literal("2.0"), method: z.string(), params: z.unknown().optional() });

export function readServerMessage(data: unknown): ServerMessage {
  if (typeof data !== "string") return { kind: "invalid", reason: "binary message (the protocol is text)" };
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return { kind: "invalid", reason: "not JSON" };
  }
  if (message === null || typeof message !== "object" || Array.isArray(message)) {
    return { kind: "invalid", reason: "not a JSON object" };
  }
  if ("error" in message) {
    const failure = Failure.safeParse(message);
    if (failure.success) {
      const { id, error } = failure.data;
      return { kind: "error", id, rpcCode: error.code, message: error.message, data: error.data };
    }
  } else if ("result" in message) {
    const success = Success.safeParse(message);
    if (success.success) return { kind: "result", id: success.data.id, result: success.data.result };
  } else if ("method" in message && !("id" in message)) {
    const notification = Notification.safeParse(message);
    if (notification.success) {
      return { kind: "notification", method: notification.data.method, params: notification.data.params ?? {} };
    }
  }
  return { kind: "invalid", reason: `not a JSON-RPC response or notification: ${data.slice(0, 200)}` };
}
