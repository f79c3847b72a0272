import type { Database } from "better-sqlite3";
import { ErrorCode } from "@sichter/shared/errors";
import type { CancellationToken } from "../core/Cancellation.ts";
import { toDisposable, type Disposable } from "../core/Disposable.ts";
import type { Progress } from "../core/Progress.ts";
import { SichterError } from "../core/SichterError.ts";
import { silentJobLog, type JobLog } from "./JobLog.ts";
import type { JobParams, JobRecord, JobState } from "./JobRecord.ts";
import { JobStore } from "./JobStore.ts";
import { outcomeOf, type Settlement } from "./outcomeOf.ts";
import { recoverOrphanedJobs } from "./recoverOrphanedJobs.ts";
import { RunningJob } from "./RunningJob.ts";

/** Does the work of one job; resolves with its JSON-serialisable result. */
export type JobRunner = (job: JobRecord, progress: Progress, token: CancellationToken) => Promise<unknown>;

export type JobEvent =
  | { type: "progress"; job: JobRecord }
  | { type: "done"; job: JobRecord }
  | { type: "failed"; job: JobRecord }
  | { type: "cancelled"; job: JobRecord };

export interface JobQueueOptions {
  /** Runners at once; default 1 (analysis already keeps the cores busy). */
  concurrency?: number;
  /** Runs a job gets before an engine crash during it marks it `interrupted`; default 2. */
  maxAttempts?: number;
  log?: JobLog;
  /** Least time between two fraction-only progress events of one job; default 100 ms. */
  progressIntervalMs?: number;
}

const DEFAULT_LIST_LIMIT = 100;

/**
 * The engine's durable job queue. Every job is a committed row before it runs, and every state
 * change is written before it is announced, so a crash at any moment loses no job: `open()` puts
 * the rows a dead engine left `running` back in the queue. FIFO by creation, `concurrency` at once.
 */
export class JobQueue implements Disposable {
  private readonly running = new Map<string, RunningJob>();
  private readonly listeners = new Set<(event: JobEvent) => void>();
  private idleWaiters: Array<() => void> = [];
  private started = false;
  private pumpScheduled = false;
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly store: JobStore,
    private readonly runner: JobRunner,
    private readonly concurrency: number,
    private readonly progressIntervalMs: number,
    private readonly log: JobLog,
  ) {}

  /** Recovers what a stopped engine left behind; takes no job until `start()`. */
  static open(db: Database, runner: JobRunner, options: JobQueueOptions = {}): JobQueue {
    const concurrency = positiveInteger("concurrency", options.concurrency ?? 1);
    const maxAttempts = positiveInteger("maxAttempts", options.maxAttempts ?? 2);
    const log = options.log ?? silentJobLog;
    recoverOrphanedJobs(db, maxAttempts, log, now());
    return new JobQueue(new JobStore(db), runner, concurrency, options.progressIntervalMs ?? 100, log);
  }

  /**
   * Queues an analysis, or joins the queued or running job of the same clip path (its params win;
   * a second request for the same clip while it is being analysed wants that analysis).
   */
  enqueue(params: JobParams): { job: JobRecord; joined: boolean } {
    if (this.stopping) throw new SichterError(ErrorCode.SHUTTING_DOWN);
    const { job, joined } = this.store.insertOrJoin(params, now());
    if (!joined) this.schedulePump();
    return { job: this.running.get(job.id)?.record ?? job, joined };
  }

  get(id: string): JobRecord | undefined {
    return this.running.get(id)?.record ?? this.store.get(id);
  }

  /** Newest first; running jobs carry their live fraction. */
  list(filter: { states?: JobState[]; limit?: number } = {}): JobRecord[] {
    const states = filter.states && filter.states.length > 0 ? filter.states : undefined;
    const limit = filter.limit ?? DEFAULT_LIST_LIMIT;
    return this.store.list(states, limit).map((job) => this.running.get(job.id)?.record ?? job);
  }

  /**
   * A queued job ends at once; a running one has its token cancelled and ends `cancelled` when its
   * runner settles (the returned record still says `running`); a finished job is left as it is.
   */
  cancel(id: string): JobRecord | undefined {
    const live = this.running.get(id);
    if (live) {
      live.stop("user");
      return live.record;
    }
    const job = this.store.get(id);
    if (job?.state !== "queued") return job;
    // False when another engine on this catalog took the job a moment ago; it is theirs to cancel.
    if (!this.store.cancelQueued(id, now())) return this.store.get(id);
    const cancelled = this.store.get(id)!;
    this.emit({ type: "cancelled", job: cancelled });
    this.checkIdle();
    return cancelled;
  }

  /** The stored result of a completed job; undefined for any other state or id. */
  result(id: string): unknown | undefined {
    const text = this.store.result(id);
    return text === undefined ? undefined : JSON.parse(text);
  }

  onEvent(listener: (event: JobEvent) => void): Disposable {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  }

  /** Separate from `open()` so the server can subscribe before the first event. No-op once shut down. */
  start(): void {
    if (this.stopping || this.started) return;
    this.started = true;
    this.schedulePump();
  }

  /**
   * Takes no more jobs, cancels the running runners and puts their jobs back to `queued` (the next
   * engine runs them again). Resolves once every runner has settled and its row is written.
   */
  shutdown(): Promise<void> {
    this.stopping ??= (async () => {
      const runs = [...this.running.values()];
      for (const run of runs) run.stop("shutdown");
      await Promise.all(runs.map((run) => run.settled));
      this.releaseIdleWaiters();
    })();
    return this.stopping;
  }

  /**
   * Resolves when nothing is queued or running. Also once the queue has shut down (queued jobs then
   * wait for the next engine), so no caller hangs on a queue that will take nothing more.
   */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.checkIdle();
    });
  }

  /** Shuts down without waiting; listeners hear the last events of the runners it stops. */
  dispose(): void {
    void this.shutdown().then(() => this.listeners.clear());
  }

  // A microtask, not a direct call: `enqueue` returns (and the server answers the request) before
  // the job's first event, and several enqueues in a row start runners in one pass.
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.started && !this.stopping && this.running.size < this.concurrency) {
      let job: JobRecord | undefined;
      try {
        job = this.store.claimNext(now());
      } catch (error) {
        this.log("error", "cannot take the next job from the catalog", { detail: String(error) });
        break;
      }
      if (!job) break;
      this.run(job);
    }
    this.checkIdle();
  }

  private run(job: JobRecord): void {
    const run = new RunningJob(
      job,
      {
        persistStage: (record) => this.persistStage(record),
        emitProgress: (record) => this.emit({ type: "progress", job: record }),
      },
      this.progressIntervalMs,
    );
    this.running.set(job.id, run);
    this.emit({ type: "progress", job });
    // async wrapper: a runner that throws synchronously settles like one that rejects.
    run.settled = (async () => this.runner(job, run.progress, run.token))().then(
      (value) => this.settle(run, { ok: true, value }),
      (error: unknown) => this.settle(run, { ok: false, error }),
    );
  }

  private settle(run: RunningJob, settlement: Settlement): void {
    const { id } = run.record;
    const outcome = outcomeOf(settlement, {
      stopReason: run.stopReason,
      cancelled: run.token.isCancellationRequested,
      fraction: run.record.fraction,
    });
    run.end();
    this.running.delete(id);
    let job: JobRecord | undefined;
    try {
      job = outcome.state === "queued" ? this.store.requeue(id) : this.store.finish(id, outcome, now());
    } catch (error) {
      // The row stays `running` with our pid; the next open() recovers it, so nothing is lost.
      this.log("error", "cannot record the end of a job; the next engine start resumes it", {
        jobId: id,
        detail: String(error),
      });
    }
    if (job) {
      if (job.state === "failed") this.log("warn", "job failed", { jobId: id, code: job.error?.code });
      this.emit({ type: eventTypeOf(job.state), job });
    }
    this.schedulePump();
    this.checkIdle();
  }

  private persistStage(job: JobRecord): void {
    try {
      this.store.saveProgress(job.id, job.stage, job.fraction);
    } catch (error) {
      this.log("warn", "cannot save a job's stage; it is kept in memory", { jobId: job.id, detail: String(error) });
    }
  }

  private emit(event: JobEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.log("error", "a job event listener threw", { jobId: event.job.id, detail: String(error) });
      }
    }
  }

  private checkIdle(): void {
    if (this.idleWaiters.length === 0 || this.running.size > 0) return;
    if (this.stopping || this.pumpScheduled) {
      if (this.stopping) this.releaseIdleWaiters();
      return;
    }
    let queued: boolean;
    try {
      queued = this.store.hasQueued();
    } catch {
      queued = false; // a closed catalog runs nothing more
    }
    if (!queued) this.releaseIdleWaiters();
  }

  private releaseIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function eventTypeOf(state: JobState): JobEvent["type"] {
  if (state === "completed") return "done";
  if (state === "failed") return "failed";
  if (state === "cancelled") return "cancelled";
  return "progress";
}

function now(): string {
  return new Date().toISOString();
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new SichterError(ErrorCode.INTERNAL, { detail: `JobQueue ${name} must be a positive integer, got ${value}` });
  }
  return value;
}
