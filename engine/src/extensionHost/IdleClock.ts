import type { Disposable } from "../core/Disposable.ts";

/**
 * Tells when the extension processes have had nothing to do for a while: no call running in any
 * of them and none handed out for `idleMs`. One clock for all of a registry's processes, not one
 * each: a process waiting for its turn in a running analysis (a writer started beside it) is not
 * idle, and is not ended and started again in the middle of the job.
 */
export class IdleClock implements Disposable {
  private running = 0;
  private timer: NodeJS.Timeout | undefined;

  /** `idleMs` undefined or 0: never idle (processes run until the engine stops). */
  constructor(
    private readonly idleMs: number | undefined,
    private readonly onIdle: () => void,
  ) {}

  /** A call into a process starts; the function returned ends it (only its first call counts). */
  begin(): () => void {
    this.running++;
    this.cancel();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.running--;
      this.touch();
    };
  }

  /** A process was handed out for a call: the idle time starts again. */
  touch(): void {
    this.cancel();
    if (this.running > 0 || !this.idleMs) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.running === 0) this.onIdle();
    }, this.idleMs);
    // An idle clock never keeps a command-line run alive.
    this.timer.unref();
  }

  dispose(): void {
    this.cancel();
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
