import type { Disposable } from "@sichter/shared/protocol";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";

export interface SelectionPollerOptions {
  /** Pause between the end of one look and the start of the next; default 1000 ms. */
  readonly intervalMs?: number;
  /** A look that failed (Resolve busy, a project closing); polling goes on. */
  readonly onError?: (error: unknown) => void;
}

export const DEFAULT_POLL_MS = 1000;

/**
 * Resolve tells nobody when the selection or the playhead's clip changes, so the current clip is
 * looked up at a modest pace. The next look is scheduled only after the last one answered: a long
 * apply holding the call queue delays the poll instead of piling looks up behind it. Listeners
 * hear only changes.
 */
export class SelectionPoller implements Disposable {
  private readonly listeners = new Set<(clip: ClipReference | null) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last: string | undefined;
  private latest: ClipReference | null = null;
  private running = false;
  private disposed = false;

  constructor(
    private readonly read: () => Promise<ClipReference | null>,
    private readonly options: SelectionPollerOptions = {},
  ) {}

  get current(): ClipReference | null {
    return this.latest;
  }

  onChange(listener: (clip: ClipReference | null) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  start(): void {
    if (this.running || this.disposed) return;
    this.running = true;
    void this.tick();
  }

  /** Looks now (after a known change, e.g. an apply), then goes on at the usual pace. */
  async pollNow(): Promise<ClipReference | null> {
    try {
      const clip = await this.read();
      const key = JSON.stringify(clip);
      if (key !== this.last) {
        this.last = key;
        this.latest = clip;
        for (const listener of [...this.listeners]) listener(clip);
      }
    } catch (error) {
      this.options.onError?.(error);
    }
    return this.latest;
  }

  dispose(): void {
    this.disposed = true;
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.listeners.clear();
  }

  private async tick(): Promise<void> {
    await this.pollNow();
    if (!this.running || this.disposed) return;
    this.timer = setTimeout(() => void this.tick(), this.options.intervalMs ?? DEFAULT_POLL_MS);
  }
}
