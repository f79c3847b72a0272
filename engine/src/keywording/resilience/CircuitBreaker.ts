import { ErrorCode } from "@sichter/shared/errors";
import { isSichterError, SichterError } from "../../core/SichterError.ts";

export type CircuitState = "closed" | "open" | "half-open";

export interface CircuitBreakerOptions {
  /** Consecutive outage failures that open the circuit (default 5). */
  readonly failureThreshold?: number;
  /** How long an open circuit rejects calls before it lets one trial through (default 60 s). */
  readonly cooldownMs?: number;
  /** Milliseconds since the epoch; injectable so tests need not wait a minute. */
  readonly now?: () => number;
  /**
   * Whether an error means "the provider is down". Default: PROVIDER_UNAVAILABLE (what withRetries
   * throws after network errors, timeouts and 5xx). A rejected request, a privacy refusal, a rate
   * limit or a cancellation say nothing about the provider being up or down, so they neither count
   * nor reset the count. A call that resolves (a 400 answer included) proves it is up and resets it.
   */
  readonly isOutage?: (error: unknown) => boolean;
}

export const isProviderDown = (error: unknown): boolean => isSichterError(error, ErrorCode.PROVIDER_UNAVAILABLE);

/**
 * Stops calling a provider that keeps failing, for one provider: closed -> open after N consecutive
 * outages; open rejects at once with PROVIDER_CIRCUIT_OPEN until the cooldown ends; then half-open
 * lets exactly one trial call through (others are still rejected): success closes, outage reopens.
 * A batch of 200 keyframes against a dead endpoint thus fails in seconds, not 200 x retries.
 */
export class CircuitBreaker {
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;
  private readonly isOutage: (error: unknown) => boolean;
  private failures = 0;
  private openUntil: number | undefined;
  private trialInFlight = false;

  constructor(
    readonly provider: string,
    options: CircuitBreakerOptions = {},
  ) {
    this.threshold = options.failureThreshold ?? 5;
    this.cooldownMs = options.cooldownMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.isOutage = options.isOutage ?? isProviderDown;
  }

  get state(): CircuitState {
    if (this.openUntil === undefined) return "closed";
    return this.now() < this.openUntil ? "open" : "half-open";
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const trial = this.admit();
    try {
      const value = await fn();
      this.failures = 0;
      this.openUntil = undefined;
      return value;
    } catch (error) {
      if (this.isOutage(error)) this.recordOutage(trial);
      throw error;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  /** Throws while open; returns whether this call is the half-open trial. */
  private admit(): boolean {
    const state = this.state;
    if (state === "closed") return false;
    if (state === "half-open" && !this.trialInFlight) {
      this.trialInFlight = true;
      return true;
    }
    // While a trial is out, the circuit reopens for a full cooldown at worst: say that.
    const until = state === "open" ? this.openUntil! : this.now() + this.cooldownMs;
    throw new SichterError(ErrorCode.PROVIDER_CIRCUIT_OPEN, {
      provider: this.provider,
      until: new Date(until).toISOString(),
    });
  }

  private recordOutage(trial: boolean): void {
    this.failures++;
    // A failed trial reopens at once; closed opens at the threshold. (A call admitted while closed
    // that fails after another call already opened the circuit extends the cooldown: still down.)
    if (trial || this.failures >= this.threshold) this.openUntil = this.now() + this.cooldownMs;
  }
}

/** One breaker per provider id, created on first use with the same options. */
export class CircuitBreakers {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(private readonly options: CircuitBreakerOptions = {}) {}

  for(provider: string): CircuitBreaker {
    let breaker = this.breakers.get(provider);
    if (!breaker) {
      breaker = new CircuitBreaker(provider, this.options);
      this.breakers.set(provider, breaker);
    }
    return breaker;
  }
}
