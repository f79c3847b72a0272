import fs from "node:fs";
import { ErrorCode } from "@sichter/shared/errors";
import { CancellationTokenSource, type CancellationToken } from "../../core/Cancellation.ts";
import type { Progress, ProgressReport } from "../../core/Progress.ts";
import { SichterError, isSichterError, toSichterError } from "../../core/SichterError.ts";
import type { PathMapping } from "./PathMapping.ts";
import type { SharedJob, SharedJobQueue } from "./SharedJobQueue.ts";

/** What a worker did with one job, for its log lines. */
export type QueueWorkerEvent =
  | { readonly kind: "started"; readonly job: SharedJob; readonly file: string }
  | { readonly kind: "completed"; readonly job: SharedJob; readonly file: string; readonly result: unknown }
  | { readonly kind: "failed"; readonly job: SharedJob; readonly error: SichterError }
  | { readonly kind: "cancelled"; readonly job: SharedJob }
  /** Not visible here (error says so), or the worker is stopping: queued again for another worker. */
  | { readonly kind: "given-back"; readonly job: SharedJob; readonly error?: SichterError }
  /** The lease ran out (a stall) and another worker took the job over: its end is not ours to record. */
  | { readonly kind: "lost"; readonly job: SharedJob };

export interface QueueWorkerOptions {
  readonly queue: SharedJobQueue;
  /** Who holds a lease: unique among the newsroom's workers. */
  readonly name: string;
  readonly mapping: PathMapping;
  /** How long a job stays this worker's without a sign of life; renewed at a third of it. */
  readonly leaseMs: number;
  /**
   * How long an idle worker waits for a notification before it looks again anyway: a dead
   * worker's lease runs out without anyone saying so.
   */
  readonly idlePollMs?: number;
  /** The work itself: an analysis of `file` (the job's path as this machine sees it). */
  readonly run: (job: SharedJob, file: string, progress: Progress, token: CancellationToken) => Promise<unknown>;
  readonly report: (event: QueueWorkerEvent) => void;
}

/** Progress goes to the queue (and by NOTIFY to the engine that asked) at most this often. */
const PROGRESS_INTERVAL_MS = 1000;

/**
 * One newsroom worker: takes jobs from the shared queue until `stop` is cancelled, one at a time.
 * On stop, a job under way is given back (queued again, the attempt not counted) unless it
 * finishes first; a job whose file this machine cannot see is given back at once and not taken
 * again by this worker.
 */
export class QueueWorker {
  private readonly skip = new Set<string>();

  constructor(private readonly options: QueueWorkerOptions) {}

  async run(stop: CancellationToken): Promise<void> {
    const { queue, name, leaseMs } = this.options;
    let wake: (() => void) | undefined;
    const listening = await queue.listen(() => wake?.());
    const onStop = stop.onCancellationRequested(() => wake?.());
    try {
      while (!stop.isCancellationRequested) {
        const job = await queue.claim(name, leaseMs, [...this.skip]);
        if (job) {
          await this.work(job, stop);
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.idlePollMs ?? 2000);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    } finally {
      onStop.dispose();
      await listening.dispose();
    }
  }

  private async work(job: SharedJob, stop: CancellationToken): Promise<void> {
    const { queue, name, leaseMs, mapping, report } = this.options;
    const file = mapping.local(job.clipPath);
    if (!readable(file)) {
      await queue.release(job.id, name);
      this.skip.add(job.id);
      report({ kind: "given-back", job, error: new SichterError(ErrorCode.WORKER_CANNOT_SEE_FILE, { queued: job.clipPath, local: file }) });
      return;
    }
    const cts = new CancellationTokenSource(stop);
    let latest: Partial<ProgressReport> = {};
    let lost = false;
    let cancelRequested = false;
    let beating: Promise<void> | undefined;
    // The first stage goes out at once, so even a short job's listeners hear what it is doing.
    let lastBeat = 0;
    const beat = (): Promise<void> =>
      (beating ??= (async () => {
        try {
          lastBeat = Date.now();
          const answer = await queue.heartbeat(job.id, name, leaseMs, latest);
          if (answer.cancelRequested) {
            cancelRequested = true;
            cts.cancel();
          }
        } catch (error) {
          if (isSichterError(error, ErrorCode.JOB_NOT_FOUND)) {
            lost = true;
            cts.cancel();
          }
          // Anything else (a dropped connection) is tried again on the next beat, within the lease.
        } finally {
          beating = undefined;
        }
      })());
    const timer = setInterval(() => void beat(), Math.max(100, Math.floor(leaseMs / 3)));
    const progress: Progress = {
      report(value) {
        latest = { stage: value.stage, fraction: value.fraction };
        if (Date.now() - lastBeat >= PROGRESS_INTERVAL_MS) void beat();
      },
    };
    report({ kind: "started", job, file });
    try {
      const result = await this.options.run(job, file, progress, cts.token);
      clearInterval(timer);
      await beating;
      if (lost || !(await queue.finish(job.id, name, { result }))) report({ kind: "lost", job });
      else report({ kind: "completed", job, file, result });
    } catch (error) {
      clearInterval(timer);
      await beating;
      const e = toSichterError(error);
      if (lost) {
        report({ kind: "lost", job });
      } else if (e.code === ErrorCode.CANCELLED && !cancelRequested && stop.isCancellationRequested) {
        await queue.release(job.id, name);
        report({ kind: "given-back", job });
      } else if (e.code === ErrorCode.CANCELLED) {
        await queue.finish(job.id, name, { cancelled: true });
        report({ kind: "cancelled", job });
      } else {
        await queue.finish(job.id, name, { error: e });
        report({ kind: "failed", job, error: e });
      }
    } finally {
      clearInterval(timer);
      cts.dispose();
    }
  }
}

function readable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
