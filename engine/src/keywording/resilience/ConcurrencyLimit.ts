import { ErrorCode } from "@sichter/shared/errors";
import type { CancellationToken } from "../../core/Cancellation.ts";
import type { Disposable } from "../../core/Disposable.ts";
import { SichterError } from "../../core/SichterError.ts";

interface Waiter {
  readonly start: () => void;
}

/**
 * A semaphore: at most `max` calls run at once (default 2: providers rate-limit per key, and a
 * newsroom shares one key), the rest wait first come, first served. A waiter whose token fires
 * leaves the queue and its function never runs, so cancelling a job frees nothing it did not take.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly queue: Waiter[] = [];

  constructor(readonly max = 2) {
    if (!Number.isInteger(max) || max < 1)
      throw new RangeError(`ConcurrencyLimit needs a whole number >= 1, not ${max}`);
  }

  /** Calls running now. */
  get active(): number {
    return this.running;
  }

  /** Calls waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  async run<T>(fn: () => Promise<T>, token: CancellationToken): Promise<T> {
    await this.acquire(token);
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private acquire(token: CancellationToken): Promise<void> {
    if (token.isCancellationRequested) return Promise.reject(new SichterError(ErrorCode.CANCELLED));
    if (this.running < this.max && this.queue.length === 0) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      // eslint-disable-next-line prefer-const -- the waiter's start() reads it before it is assigned below
      let subscription: Disposable | undefined;
      const waiter: Waiter = {
        start: () => {
          subscription?.dispose();
          resolve();
        },
      };
      this.queue.push(waiter);
      subscription = token.onCancellationRequested(() => {
        const at = this.queue.indexOf(waiter);
        // Already handed a slot (started): the call runs and releases it as usual.
        if (at < 0) return;
        this.queue.splice(at, 1);
        reject(new SichterError(ErrorCode.CANCELLED));
      });
    });
  }

  /** Hands the slot straight to the next waiter, so a newcomer cannot overtake the queue. */
  private release(): void {
    const next = this.queue.shift();
    if (next) next.start();
    else this.running--;
  }
}
