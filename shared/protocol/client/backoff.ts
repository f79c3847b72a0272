export interface BackoffOptions {
  /** Delay before the first reconnect attempt (default 250 ms). */
  initialDelayMs?: number;
  /** Longest delay between attempts (default 10 s). */
  maxDelayMs?: number;
}

export const DEFAULT_BACKOFF = { initialDelayMs: 250, maxDelayMs: 10_000 } as const;

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential, capped, with "equal jitter"
 * (half fixed, half random) so panels that lost the engine together do not all return at once,
 * yet none retries sooner than half the nominal delay.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const initial = options.initialDelayMs ?? DEFAULT_BACKOFF.initialDelayMs;
  const max = options.maxDelayMs ?? DEFAULT_BACKOFF.maxDelayMs;
  const nominal = Math.min(max, initial * 2 ** Math.min(attempt, 30));
  return nominal / 2 + random() * (nominal / 2);
}
