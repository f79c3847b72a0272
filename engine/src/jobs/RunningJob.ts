import { WireLimits } from "@sichter/shared/protocol";
import { CancellationTokenSource, type CancellationToken } from "../core/Cancellation.ts";
import type { Progress, ProgressReport } from "../core/Progress.ts";
import type { JobRecord } from "./JobRecord.ts";

export interface RunningJobHooks {
  /** Called at every stage boundary; must not throw (the runner's work matters more than a row). */
  persistStage(job: JobRecord): void;
  emitProgress(job: JobRecord): void;
}

/** Why a runner's token was cancelled: a person asked, or the engine is stopping (a checkpoint). */
export type StopReason = "user" | "shutdown";

/**
 * The in-memory side of one running job: its live record, its token and its progress. Analysis
 * reports fractions far more often than a panel can draw or a disk should be written, so only
 * stage changes are persisted and emitted at once; fractions in between are throttled to one
 * event per `intervalMs`, with a trailing event so the last value is never swallowed.
 */
export class RunningJob {
  readonly progress: Progress = { report: (value) => this.report(value) };
  stopReason: StopReason | undefined;
  /** The runner's promise with its row written; what shutdown() waits for. */
  settled: Promise<void> = Promise.resolve();
  private readonly source = new CancellationTokenSource();
  private current: JobRecord;
  private lastEmitAt = 0;
  private trailing: NodeJS.Timeout | undefined;
  private ended = false;

  constructor(
    job: JobRecord,
    private readonly hooks: RunningJobHooks,
    private readonly intervalMs: number,
  ) {
    this.current = job;
  }

  /** A snapshot; each update replaces the object, so emitted records never change under a listener. */
  get record(): JobRecord {
    return this.current;
  }

  get token(): CancellationToken {
    return this.source.token;
  }

  stop(reason: StopReason): void {
    // A person's cancel wins over a shutdown's checkpoint: they asked for the job to end.
    if (this.stopReason !== "user") this.stopReason = reason;
    this.source.cancel();
  }

  /** After the runner settled: late reports and pending events are dropped. */
  end(): void {
    this.ended = true;
    clearTimeout(this.trailing);
    this.trailing = undefined;
    this.source.dispose();
  }

  private report({ stage, fraction }: ProgressReport): void {
    if (this.ended) return;
    const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : this.current.fraction;
    const name = typeof stage === "string" && stage.length > 0 ? stage.slice(0, WireLimits.name) : this.current.stage;
    if (name !== this.current.stage) {
      this.current = { ...this.current, stage: name, fraction: clamped };
      this.hooks.persistStage(this.current);
      this.emitNow();
      return;
    }
    if (clamped === this.current.fraction) return;
    this.current = { ...this.current, fraction: clamped };
    const wait = this.lastEmitAt + this.intervalMs - Date.now();
    if (wait <= 0) this.emitNow();
    else this.trailing ??= setTimeout(() => this.emitNow(), wait);
  }

  private emitNow(): void {
    clearTimeout(this.trailing);
    this.trailing = undefined;
    this.lastEmitAt = Date.now();
    this.hooks.emitProgress(this.current);
  }
}
