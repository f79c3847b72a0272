/**
 * Resilience for keyword-provider calls, applied by the engine's `send` (KeywordProvider.ts), never
 * by a provider. The intended nesting, outermost first:
 *
 *   limit.run(() => breakers.for(id).run(() => withRetries((n) => attempt(n), { ... })), token)
 *
 * The limit holds its slot through the backoff waits (a rate-limited provider gets fewer calls,
 * not more); the breaker sees one outcome per request after its retries, so a request that
 * recovered on its third attempt does not count as an outage; an open circuit is a SichterError,
 * which withRetries never retries.
 */
export { cancellableSleep, raceCancellation, type Sleep } from "./cancellableWait.ts";
export {
  CircuitBreaker,
  CircuitBreakers,
  isProviderDown,
  type CircuitBreakerOptions,
  type CircuitState,
} from "./CircuitBreaker.ts";
export { ConcurrencyLimit } from "./ConcurrencyLimit.ts";
export {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  nextDelay,
  retryAfterMs,
  type RetryDecision,
  type RetryPolicy,
} from "./retryPolicy.ts";
export {
  isRetryableStatus,
  outcomeOf,
  RETRYABLE_STATUSES,
  succeeded,
  withRetries,
  type Outcome,
  type RetryableStatus,
  type RetryInfo,
  type WithRetriesOptions,
} from "./withRetries.ts";
