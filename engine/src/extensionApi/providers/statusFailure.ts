import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";
import type { OutboundResponse } from "../KeywordProvider.ts";

/** Longest service message kept in an error; bodies can be whole HTML error pages. */
const MESSAGE_KEEP = 300;

/**
 * The error for a non-2xx answer that `send` passed on. Retries, backoff and the circuit breaker
 * already happened inside `send`, so this only names what the status means:
 * - 4xx (except 408 and 429): the request itself is wrong (key, model, body) → PROVIDER_REJECTED;
 *   asking again cannot help.
 * - 429: rate limit or quota after the engine's retries → PROVIDER_RATE_LIMITED.
 * - anything else (408, 5xx, unexpected codes) → PROVIDER_UNAVAILABLE.
 * The detail is the status and the service's own message, truncated, with `secrets` and anything
 * shaped like an API key removed (OpenAI echoes a masked key in 401 messages). Shared by the built-in cloud providers.
 */
export function statusFailure(provider: string, response: OutboundResponse, secrets: readonly string[]): SichterError {
  const detail = `HTTP ${response.status}: ${serviceMessage(response.body, secrets)}`;
  const { status } = response;
  if (status === 429) return new SichterError(ErrorCode.PROVIDER_RATE_LIMITED, { provider, detail });
  if (status >= 400 && status < 500 && status !== 408)
    return new SichterError(ErrorCode.PROVIDER_REJECTED, { provider, detail });
  return new SichterError(ErrorCode.PROVIDER_UNAVAILABLE, { provider, detail });
}

/** `error.message` of an OpenAI-style error body, else the start of the body as text. */
export function serviceMessage(body: string, secrets: readonly string[]): string {
  let text = body;
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string };
    const message = typeof parsed.error === "string" ? parsed.error : parsed.error?.message;
    if (typeof message === "string") text = message;
  } catch {
    // Not JSON (a proxy's HTML page): the raw text, flattened below.
  }
  return redact(text.replace(/\s+/g, " ").trim(), secrets).slice(0, MESSAGE_KEEP) || "(no message)";
}

/** Removes the key itself and key-shaped tokens (OpenAI "sk-…", Google "AIza…"), masked or not. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret.length > 0) result = result.split(secret).join("[key]");
  return result.replace(/\bsk-[A-Za-z0-9_*-]{4,}/g, "[key]").replace(/\bAIza[A-Za-z0-9_*-]{8,}/g, "[key]");
}
