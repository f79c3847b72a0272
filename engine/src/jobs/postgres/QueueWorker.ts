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
  | { readonly kind: "lost"; readonly job: SharedJob }
  /** The database cannot be reached; the worker tries again after `retryMs`, keeping what it holds. */
  | { readonly kind: "disconnected"; readonly error: SichterError; readonly retryMs: number }
  /** The database answers again after a `disconnected`. */
  | { readonly kind: "reconnected" };

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
/** First wait before a worker that lost the database tries again; doubles up to RETRY_MAX_MS. */
const RETRY_MS = 250;
const RETRY_MAX_MS = 10_000;

/**
 * One newsroom worker: takes jobs from the shared queue until `stop` is cancelled, one at a time.
 * On stop, a job under way is given back (queued again, the attempt not counted) unless it
 * finishes first; a job whose file this machine cannot see is given back at once and not taken
 * again by this worker.
 */
export class QueueWorker {
  private readonly skip = new Set<string>();
  /** The job under way and how to stop it when someone cancels it. */
  private current: { readonly id: string; readonly cancel: () => void } | undefined;
  private retryMs = RETRY_MS;
  private disconnected = false;

  constructor(private readonly options: QueueWorkerOptions) {}

  async run(stop: CancellationToken): Promise<void> {
    const { queue, name, leaseMs } = this.options;
    let wake: (() => void) | undefined;
    const idle = (ms: number): Promise<void> =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }).finally(() => (wake = undefined));
    const onStop = stop.onCancellationRequested(() => wake?.());
    let listening: { dispose(): Promise<void> } | undefined;
    try {
      while (!stop.isCancellationRequested) {
        let job: SharedJob | undefined;
        try {
          // Listening is what a worker starts with, and what it opens again after losing the server.
          listening ??= await queue.listen({
            onJob: () => wake?.(),
            onCancel: (jobId) => (this.current?.id === jobId ? this.current.cancel() : undefined),
            onReconnect: () => wake?.(),
          });
          job = await queue.claim(name, leaseMs, [...this.skip]);
          this.connected();
        } catch (error) {
          await idle(this.lostConnection(error));
          continue;
        }
        if (job) {
          await this.work(job, stop);
          continue;
        }
        await idle(this.options.idlePollMs ?? 2000);
      }
    } finally {
      onStop.dispose();
      await listening?.dispose();
    }
  }

  /** Reports a lost database once per outage and says how long to wait before the next try. */
  private lostConnection(error: unknown): number {
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    if (!this.disconnected) {
      this.disconnected = true;
      const lost =
        error instanceof SichterError
          ? error
          : new SichterError(
              ErrorCode.CATALOG_UNAVAILABLE,
              { path: this.options.queue.display, detail: error instanceof Error ? error.message : String(error) },
              { cause: error },
            );
      this.options.report({ kind: "disconnected", error: lost, retryMs: wait });
    }
    return wait;
  }

  private connected(): void {
    this.retryMs = RETRY_MS;
    if (!this.disconnected) return;
    this.disconnected = false;
    this.options.report({ kind: "reconnected" });
  }

  /**
   * Writes what this worker holds (a job's end, a job given back) through a lost connection: tried
   * again, waiting longer each time, until the server answers. Meanwhile the job's lease may run
   * out and another worker take it; then the write finds the job no longer ours and changes
   * nothing, so the lease stays the one truth about who owns a job. A stopping worker tries once more and gives up.
   */
  private async persist<T>(write: () => Promise<T>, stop: CancellationToken): Promise<T | undefined> {
    for (;;) {
      try {
        const done = await write();
        this.connected();
        return done;
      } catch (error) {
        if (stop.isCancellationRequested && this.disconnected) return undefined;
        const wait = this.lostConnection(error);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private async work(job: SharedJob, stop: CancellationToken): Promise<void> {
    const { queue, name, leaseMs, mapping, report } = this.options;
    const file = mapping.local(job.clipPath);
    if (!readable(file)) {
      await this.persist(() => queue.release(job.id, name), stop);
      this.skip.add(job.id);
      report({
        kind: "given-back",
        job,
        error: new SichterError(ErrorCode.WORKER_CANNOT_SEE_FILE, { queued: job.clipPath, local: file }),
      });
      return;
    }
    const cts = new CancellationTokenSource(stop);
    let latest: Partial<ProgressReport> = {};
    let lost = false;
    let cancelRequested = false;
    this.current = {
      id: job.id,
      cancel: () => {
        cancelRequested = true;
        cts.cancel();
      },
    };
    let beating: Promise<void> | undefined;
    // The first stage goes out at once, so even a short job's listeners hear what it is doing.
    let lastBeat = 0;
    const beat = (): Promise<void> =>
      (beating ??= (async () => {
        try {
          lastBeat = Date.now();
          const answer = await queue.heartbeat(job.id, name, leaseMs, latest);
          this.connected();
          if (answer.cancelRequested) {
            cancelRequested = true;
            cts.cancel();
          }
        } catch (error) {
          if (isSichterError(error, ErrorCode.JOB_NOT_FOUND)) {
            lost = true;
            cts.cancel();
          } else {
            // Anything else (a dropped connection) is said once and tried again on the next beat, within the lease.
            this.lostConnection(error);
          }
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
      if (lost || !(await this.persist(() => queue.finish(job.id, name, { result }), stop)))
        report({ kind: "lost", job });
      else report({ kind: "completed", job, file, result });
    } catch (error) {
      clearInterval(timer);
      await beating;
      const e = toSichterError(error);
      if (lost) {
        report({ kind: "lost", job });
      } else if (e.code === ErrorCode.CANCELLED && !cancelRequested && stop.isCancellationRequested) {
        await this.persist(() => queue.release(job.id, name), stop);
        report({ kind: "given-back", job });
      } else if (e.code === ErrorCode.CATALOG_UNAVAILABLE) {
        // The server went away under the catalog write, which rolled back whole: run it again.
        if (await this.persist(() => queue.retry(job.id, name, e), stop)) report({ kind: "given-back", job, error: e });
        else report({ kind: "lost", job });
      } else if (e.code === ErrorCode.CANCELLED) {
        if (await this.persist(() => queue.finish(job.id, name, { cancelled: true }), stop))
          report({ kind: "cancelled", job });
        else report({ kind: "lost", job });
      } else {
        if (await this.persist(() => queue.finish(job.id, name, { error: e }), stop))
          report({ kind: "failed", job, error: e });
        else report({ kind: "lost", job });
      }
    } finally {
      this.current = undefined;
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
