import { SichterRpcError } from "@sichter/shared/protocol";
import { toSichterError } from "../core/SichterError.ts";

/**
 * Any failure as the error a client receives: the engine's own errors keep their code and
 * template params (the panel renders them in its language); anything unexpected is INTERNAL with
 * its message, never a stack trace.
 */
export function toRpcError(error: unknown): SichterRpcError {
  if (error instanceof SichterRpcError) return error;
  const e = toSichterError(error);
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(e.params)) {
    if (typeof value === "string" || typeof value === "number") params[key] = value;
  }
  return SichterRpcError.of(e.code, params);
}
