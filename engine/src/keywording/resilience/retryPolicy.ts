/**
 * How often and how patiently a provider call is repeated. Delays grow exponentially with full
 * jitter (a random delay between 0 and the exponential cap), so many engines hitting the same
 * provider after an outage spread out instead of returning in lock-step.
 */
export interface RetryPolicy {
  /** Attempts in total, the first one included (1 = never retry). */
  readonly maxAttempts: number;
  /** Cap of the first backoff; each further retry doubles it. */
  readonly baseDelayMs: number;
  /** No single wait is longer than this, whatever the provider's Retry-After asks for. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
});

/**
 * The jittered wait after failed attempt number `attempt` (1-based): uniformly in
 * [0, min(maxDelayMs, baseDelayMs * 2^(attempt-1))). `random` is injectable for tests.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  // 2^exponent overflows to Infinity long before it matters; min() keeps the cap finite.
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.floor(cap * random());
}

/** What to do after a failed attempt. */
export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  /** The provider asked for a longer wait than maxDelayMs. */
  | { readonly retry: false; readonly retryAfterMs: number };

/**
 * The wait before the next attempt: max(Retry-After, jittered backoff), never above maxDelayMs.
 *
 * A Retry-After longer than maxDelayMs means "give up now": a quota that resets in an hour should
 * surface as a rate-limit error the editor can see and act on, not as an analysis job that silently
 * hangs holding a concurrency slot. Capping the wait and retrying early instead would only earn
 * another 429 and count against the quota.
 */
export function nextDelay(
  attempt: number,
  policy: RetryPolicy,
  retryAfter: number | undefined,
  random: () => number = Math.random,
): RetryDecision {
  if (retryAfter !== undefined && retryAfter > policy.maxDelayMs) return { retry: false, retryAfterMs: retryAfter };
  const delayMs = Math.min(policy.maxDelayMs, Math.max(retryAfter ?? 0, backoffDelay(attempt, policy, random)));
  return { retry: true, delayMs };
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

// The three HTTP-date forms a recipient must accept (RFC 9110, section 5.6.7), all in GMT.
const IMF_FIXDATE = /^[A-Za-z]{3}, (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC850_DATE = /^[A-Za-z]{6,9}, (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME_DATE = /^[A-Za-z]{3} ([A-Za-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

/**
 * Retry-After as milliseconds from `now`: delta-seconds ("120") or an HTTP-date. A date in the past
 * means 0. Anything else (negative, fractional, "soon", a local-time date) is undefined, so a
 * malformed header falls back to the normal backoff instead of a wait nobody asked for.
 *
 * Not Date.parse: it accepts "1" as the year 2001 and reads asctime dates in local time.
 */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = parseHttpDate(value, now);
  if (at === undefined) return undefined;
  return Math.max(0, at - now.getTime());
}

function parseHttpDate(value: string, now: Date): number | undefined {
  let m = IMF_FIXDATE.exec(value);
  if (m) return utc(Number(m[3]), m[2]!, Number(m[1]), m[4]!, m[5]!, m[6]!);
  m = RFC850_DATE.exec(value);
  if (m) {
    // Two-digit years (RFC 9110): a year more than 50 years ahead of now is the past century's.
    const thisYear = now.getUTCFullYear();
    let year = thisYear - (thisYear % 100) + Number(m[3]);
    if (year > thisYear + 50) year -= 100;
    return utc(year, m[2]!, Number(m[1]), m[4]!, m[5]!, m[6]!);
  }
  m = ASCTIME_DATE.exec(value);
  if (m) return utc(Number(m[6]), m[1]!, Number(m[2]!.trim()), m[3]!, m[4]!, m[5]!);
  return undefined;
}

function utc(year: number, monthName: string, day: number, hh: string, mm: string, ss: string): number | undefined {
  const month = MONTHS[monthName.toLowerCase()];
  const [h, min, s] = [Number(hh), Number(mm), Number(ss)];
  if (month === undefined || day < 1 || day > 31 || h > 23 || min > 59 || s > 60) return undefined;
  const time = Date.UTC(year, month, day, h, min, s);
  // Date.UTC rolls 31 Feb over into March; a date that does not exist is garbage, not a wait.
  if (new Date(time).getUTCDate() !== day) return undefined;
  return time;
}
