import { ErrorCode } from "@sichter/shared/errors";
import { toDisposable, type Disposable } from "./Disposable.ts";
import { SichterError } from "./SichterError.ts";

/**
 * Cooperative cancellation in the shape VS Code uses: long work takes a token, checks it between
 * steps and registers to kill what it started (ffmpeg processes) the moment cancellation arrives.
 */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): Disposable;
}

export const CancellationToken = {
  None: Object.freeze<CancellationToken>({
    isCancellationRequested: false,
    onCancellationRequested: () => toDisposable(() => {}),
  }),
};

class SourceToken implements CancellationToken {
  cancelled = false;
  readonly listeners = new Set<() => void>();

  get isCancellationRequested(): boolean {
    return this.cancelled;
  }

  onCancellationRequested(listener: () => void): Disposable {
    if (this.cancelled) {
      queueMicrotask(listener);
      return toDisposable(() => {});
    }
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  }
}

export class CancellationTokenSource implements Disposable {
  private readonly sourceToken = new SourceToken();
  private readonly parentLink: Disposable | undefined;

  constructor(parent?: CancellationToken) {
    this.parentLink = parent?.onCancellationRequested(() => this.cancel());
  }

  get token(): CancellationToken {
    return this.sourceToken;
  }

  cancel(): void {
    const t = this.sourceToken;
    if (t.cancelled) return;
    t.cancelled = true;
    const listeners = [...t.listeners];
    t.listeners.clear();
    for (const listener of listeners) listener();
  }

  dispose(): void {
    this.parentLink?.dispose();
    this.sourceToken.listeners.clear();
  }
}

export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new SichterError(ErrorCode.CANCELLED);
}

/**
 * The token as an AbortSignal, for APIs that take one (an extension call, an HTTP request).
 * Dispose it when the call ends, so a long-lived token does not keep the listener.
 */
export function abortSignalFor(token: CancellationToken): Disposable & { readonly signal: AbortSignal } {
  const controller = new AbortController();
  const link = token.onCancellationRequested(() => controller.abort());
  return { signal: controller.signal, dispose: () => link.dispose() };
}
