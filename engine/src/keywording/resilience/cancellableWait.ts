import { ErrorCode } from "@sichter/shared/errors";
import type { CancellationToken } from "../../core/Cancellation.ts";
import { SichterError } from "../../core/SichterError.ts";

/** Waits `ms`; the token ends the wait at once with the engine's CANCELLED error (as throwIfCancelled). */
export type Sleep = (ms: number, token: CancellationToken) => Promise<void>;

export const cancellableSleep: Sleep = (ms, token) =>
  raceCancellation(new Promise<void>((resolve) => setTimeoutWithCleanup(ms, resolve, token)), token);

/**
 * `promise`, unless the token fires first: then CANCELLED at once. The promise itself is not
 * stopped (its owner registers on the token for that); its late result or error is ignored.
 */
export function raceCancellation<T>(promise: Promise<T>, token: CancellationToken): Promise<T> {
  if (token.isCancellationRequested) {
    promise.catch(() => {}); // nobody waits for it any more; keep an eventual rejection unhandled-free
    return Promise.reject(new SichterError(ErrorCode.CANCELLED));
  }
  return new Promise<T>((resolve, reject) => {
    const subscription = token.onCancellationRequested(() => reject(new SichterError(ErrorCode.CANCELLED)));
    promise.then(
      (value) => {
        subscription.dispose();
        resolve(value);
      },
      (error: unknown) => {
        subscription.dispose();
        reject(error);
      },
    );
  });
}

/** A timer that is cleared when the token fires, so a cancelled wait leaves nothing pending. */
function setTimeoutWithCleanup(ms: number, done: () => void, token: CancellationToken): void {
  const timer = setTimeout(() => {
    subscription.dispose();
    done();
  }, ms);
  const subscription = token.onCancellationRequested(() => clearTimeout(timer));
}
