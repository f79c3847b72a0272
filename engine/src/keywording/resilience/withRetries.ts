import { ErrorCode } from "@sichter/shared/errors";
import { throwIfCancelled, type CancellationToken } from "../../core/Cancellation.ts";
import { isSichterError, SichterError } from "../../core/SichterError.ts";
import { cancellableSleep, raceCancellation, type Sleep } from "./cancellableWait.ts";
import { DEFAULT_RETRY_POLICY, nextDelay, retryAfterMs, type RetryPolicy } from "./retryPolicy.ts";

/** The HTTP statuses that mean "try again": rate limit and the provider's (or its gateway's) trouble. */
export const RETRYABLE_STATUSES = [429, 500, 502, 503, 504] as const;
export type RetryableStatus = (typeof RETRYABLE_STATUSES)[number];

export function isRetryableStatus(status: number): status is RetryableStatus {
  return (RETRYABLE_STATUSES as readonly number[]).includes(status);
}

/**
 * What one attempt came to: a value to hand back (any answer the provider should interpret,
 * a 400 included), or a retryable HTTP failure with the provider's Retry-After header, if any.
 * Network trouble is not an Outcome: the attempt throws and `isTransient` classifies the error.
 */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly status: RetryableStatus; readonly retryAfter?: string };

export const succeeded = <T>(value: T): Outcome<T> => ({ ok: true, value });

/**
 * The usual classification of an HTTP answer: 429/500/502/503/504 are retried, everything else is
 * the value (the provider reads 4xx bodies itself). Header names are matched case-insensitively.
 */
export function outcomeOf<R extends { readonly status: number; readonly headers: Readonly<Record<string, string>> }>(
  response: R,
): Outcome<R> {
  if (!isRetryableStatus(response.status)) return succeeded(response);
  const retryAfter = Object.entries(response.headers).find(([name]) => name.toLowerCase() === "retry-after")?.[1];
  return retryAfter === undefined
    ? { ok: false, status: response.status }
    : { ok: false, status: response.status, retryAfter };
}

export interface RetryInfo {
  /** The attempt that just failed (1-based). */
  readonly attempt: number;
  /** How long we wait before the next one. */
  readonly delayMs: number;
  /** "HTTP 503", "timeout", ... (for logs; holds no request content). */
  readonly reason: string;
}

export interface WithRetriesOptions {
  /** Contribution id of the provider, for error messages. */
  readonly provider: string;
  readonly token: CancellationToken;
  /**
   * Whether a thrown error is worth another attempt (network failure, timeout). The outbound layer
   * plugs in its own check (its OutboundError kinds "network" and "timeout"); it is required so a
   * forgotten classifier cannot quietly turn every network hiccup into a failed analysis.
   */
  readonly isTransient: (error: unknown) => boolean;
  readonly policy?: RetryPolicy;
  /** Injectable for tests; cancellation interrupts the wait at once even if `sleep` ignores the token. */
  readonly sleep?: Sleep;
  readonly onRetry?: (info: RetryInfo) => void;
  /** For the jitter; tests make it deterministic. */
  readonly random?: () => number;
  /** For Retry-After dates. */
  readonly now?: () => Date;
}

type Failure = { readonly status: RetryableStatus | undefined; readonly reason: string; readonly retryAfter?: number };

/**
 * Runs `attempt(1)`, `attempt(2)`, ... until one gives a value, a non-retryable error escapes, or the
 * policy's attempts run out. Never retried: SichterErrors (privacy refusals, rejected requests, an
 * open circuit), errors `isTransient` does not accept, and cancellation. When the attempts run out:
 * PROVIDER_RATE_LIMITED if the last failure was a 429, else PROVIDER_UNAVAILABLE.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<Outcome<T>>,
  options: WithRetriesOptions,
): Promise<T> {
  const { provider, token, isTransient } = options;
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? cancellableSleep;
  const now = options.now ?? (() => new Date());
  for (let n = 1; ; n++) {
    throwIfCancelled(token);
    const result = await runAttempt(attempt, n, token, isTransient, now);
    if (result.ok) return result.value;
    const last = result.failure;
    if (n >= policy.maxAttempts) throw exhausted(provider, n, last, "attempts");
    const decision = nextDelay(n, policy, last.retryAfter, options.random);
    if (!decision.retry) throw exhausted(provider, n, last, "retry-after", decision.retryAfterMs, policy.maxDelayMs);
    options.onRetry?.({ attempt: n, delayMs: decision.delayMs, reason: last.reason });
    await raceCancellation(sleep(decision.delayMs, token), token);
  }
}

async function runAttempt<T>(
  attempt: (n: number) => Promise<Outcome<T>>,
  n: number,
  token: CancellationToken,
  isTransient: (error: unknown) => boolean,
  now: () => Date,
): Promise<{ ok: true; value: T } | { ok: false; failure: Failure }> {
  let outcome: Outcome<T>;
  try {
    outcome = await attempt(n);
  } catch (error) {
    // Whatever the attempt threw after the token fired (an aborted request, most likely), the
    // caller asked to stop: that is cancellation, not a provider failure.
    throwIfCancelled(token);
    if (isSichterError(error) || !isTransient(error)) throw error;
    return { ok: false, failure: { status: undefined, reason: reasonOf(error) } };
  }
  if (outcome.ok) return outcome;
  if (!isRetryableStatus(outcome.status)) {
    // The type forbids it; a caller that casts its way past it gets a clear bug report, not a loop.
    throw new SichterError(ErrorCode.INTERNAL, {
      detail: `withRetries got a failure with non-retryable status ${outcome.status}`,
    });
  }
  const retryAfter = retryAfterMs(outcome.retryAfter, now());
  return {
    ok: false,
    failure: {
      status: outcome.status,
      reason: `HTTP ${outcome.status}`,
      ...(retryAfter !== undefined && { retryAfter }),
    },
  };
}

function exhausted(
  provider: string,
  attempts: number,
  last: Failure,
  why: "attempts" | "retry-after",
  retryAfterMs = 0,
  maxDelayMs = 0,
): SichterError {
  const code = last.status === 429 ? ErrorCode.PROVIDER_RATE_LIMITED : ErrorCode.PROVIDER_UNAVAILABLE;
  const tries = `${attempts} attempt${attempts === 1 ? "" : "s"}`;
  const detail =
    why === "attempts"
      ? `gave up after ${tries}; last: ${last.reason}`
      : `gave up after ${tries}; last: ${last.reason}, and the provider asks to wait ${Math.ceil(retryAfterMs / 1000)} s ` +
        `(Retry-After), longer than the ${Math.round(maxDelayMs / 1000)} s Sichter waits`;
  return new SichterError(code, { provider, detail });
}

/** A short reason for logs and the error detail: the error's kind (OutboundError) and message. */
function reasonOf(error: unknown): string {
  const kind =
    typeof error === "object" && error !== null && "kind" in error ? (error as { kind: unknown }).kind : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof kind === "string") return message && message !== kind ? `${kind} (${message})` : kind;
  return message;
}
