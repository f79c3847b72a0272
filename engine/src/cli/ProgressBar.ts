import type { Progress, ProgressReport } from "../core/Progress.ts";

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal: piped output and logs
 * stay clean. Redraws at most ten times a second.
 */
export class ProgressBar implements Progress {
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly label = "",
  ) {}

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  report({ stage, fraction }: ProgressReport): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && fraction < 1) return;
    this.lastDraw = now;
    const width = 30;
    const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
    const bar = "█".repeat(filled) + "░".repeat(width - filled);
    const percent = `${Math.floor(fraction * 100)}`.padStart(3);
    this.stream.write(`\r${this.label}${bar} ${percent}% ${stage.padEnd(10)}`);
    this.drawn = true;
  }

  /** Clears the line so the result prints on a clean terminal. */
  done(): void {
    if (this.drawn) this.stream.write("\r\x1b[2K");
    this.drawn = false;
  }
}
