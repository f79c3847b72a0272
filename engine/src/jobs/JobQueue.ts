import type { Database } from "better-sqlite3";
import { ErrorCode } from "@sichter/shared/errors";
import type { CancellationToken } from "../core/Cancellation.ts";
import { toDisposable, type Disposable } from "../core/Disposable.ts";
import type { Progress } from "../core/Progress.ts";
import { SichterError, toSichterError } from "../core/SichterError.ts";
import { silentJobLog, type JobLog } from "./JobLog.ts";
import type { JobParams, JobRecord, JobState } from "./JobRecord.ts";
import { JobStore } from "./JobStore.ts";
import { outcomeOf, type Settlement } from "./outcomeOf.ts";
import { recoverOrphanedJobs } from "./recoverOrphanedJobs.ts";
import { RunningJob } from "./RunningJob.ts";
import { UnwrittenEnds } from "./UnwrittenEnds.ts";

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
  /**
   * First wait before the catalog is tried again after it refused a write (a full disk); it doubles
   * up to 30 s. Default 1000 ms.
   */
  retryMs?: number;
}

const MAX_RETRY_MS = 30_000;

const DEFAULT_LIST_LIMIT = 100;

/**
 * The engine's durable job queue. Every job is a committed row before it runs, and every state
 * change is written before it is announced, so a crash at any moment loses no job: `open()` puts
 * the rows a dead engine left `running` back in the queue. FIFO by creation, `concurrency` at once.
 * When the catalog cannot take a job's end (a full disk), the end is kept in memory, announced and
 * answered from there, and written as soon as the catalog takes it again.
 */
export class JobQueue implements Disposable {
  private readonly running = new Map<string, RunningJob>();
  private readonly listeners = new Set<(event: JobEvent) => void>();
  private readonly unwritten = new UnwrittenEnds();
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs: number;
  private claimFailed = false;
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
    private readonly retryMs: number,
  ) {
    this.retryDelayMs = retryMs;
  }

  /** Recovers what a stopped engine left behind; takes no job until `start()`. */
  static open(db: Database, runner: JobRunner, options: JobQueueOptions = {}): JobQueue {
    const concurrency = positiveInteger("concurrency", options.concurrency ?? 1);
    const maxAttempts = positiveInteger("maxAttempts", options.maxAttempts ?? 2);
    const log = options.log ?? silentJobLog;
    recoverOrphanedJobs(db, maxAttempts, log, now());
    const retryMs = positiveInteger("retryMs", options.retryMs ?? 1000);
    return new JobQueue(new JobStore(db), runner, concurrency, options.progressIntervalMs ?? 100, log, retryMs);
  }

  /**
   * Queues an analysis, or joins the queued or running job of the same clip path (its params win;
   * a second request for the same clip while it is being analysed wants that analysis).
   */
  enqueue(params: JobParams): { job: JobRecord; joined: boolean } {
    if (this.stopping) throw new SichterError(ErrorCode.SHUTTING_DOWN);
    this.writeUnwritten();
    // A job that ended without its end written is never joined: it would never end again.
    const { job, joined } = this.store.insertOrJoin(params, now(), this.unwritten.ids());
    if (!joined) this.schedulePump();
    return { job: this.running.get(job.id)?.record ?? job, joined };
  }

  get(id: string): JobRecord | undefined {
    return this.live(id) ?? this.store.get(id);
  }

  /** Newest first; running jobs carry their live fraction, ended ones their end even when it is not written yet. */
  list(filter: { states?: JobState[]; limit?: number } = {}): JobRecord[] {
    const states = filter.states && filter.states.length > 0 ? filter.states : undefined;
    const limit = filter.limit ?? DEFAULT_LIST_LIMIT;
    const current = (job: JobRecord): JobRecord => this.live(job.id) ?? job;
    if (this.unwritten.size === 0) return this.store.list(states, limit).map(current);
    // The rows of unwritten ends still say running: read those too, then filter what they are now.
    const rowStates = states && !states.includes("running") ? [...states, "running" as const] : states;
    return this.store
      .list(rowStates, limit + this.running.size + this.unwritten.size)
      .map(current)
      .filter((job) => !states || states.includes(job.state))
      .slice(0, limit);
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
    const job = this.get(id);
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
    const text = this.unwritten.result(id) ?? this.store.result(id);
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
   * engine runs them again). Resolves once every runner has settled and its row is written, or
   * after `drainMs` (a stopping engine must end): a runner that ignored its token past then keeps
   * its committed `running` row, which the next start resumes as after a crash.
   */
  shutdown(options: { drainMs?: number } = {}): Promise<void> {
    this.stopping ??= (async () => {
      const runs = [...this.running.values()];
      for (const run of runs) run.stop("shutdown");
      await this.drain(runs, options.drainMs);
      clearTimeout(this.retryTimer);
      this.writeUnwritten();
      for (const end of this.unwritten.entries()) {
        this.log("error", "the end of a job was never written; the next engine start runs it again", {
          jobId: end.record.id,
        });
      }
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

  /** Waits for the runners to settle, at most `drainMs` when given; names those that did not. */
  private async drain(runs: readonly RunningJob[], drainMs: number | undefined): Promise<void> {
    const settled = Promise.all(runs.map((run) => run.settled)).then(() => {});
    if (drainMs === undefined || runs.length === 0) return settled;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      settled.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), drainMs))),
    ]);
    clearTimeout(timer);
    if (!timedOut) return;
    for (const run of runs) {
      if (!this.running.has(run.record.id)) continue;
      this.log(
        "error",
        `a job's runner did not end within ${drainMs} ms of the shutdown; its row stays running and the next engine start resumes it`,
        { jobId: run.record.id },
      );
    }
  }

  /** Shuts down without waiting; listeners hear the last events of the runners it stops. */
  dispose(): void {
    void this.shutdown().then(() => this.listeners.clear());
  }

  // After the pending microtasks, not in one: the server's answer to the request that queued a job
  // takes several promise hops to reach the socket, and must be there before the job's first event
  // (a job can fail at once). Several enqueues in a row still start runners in one pass.
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.started && !this.stopping && this.running.size < this.concurrency) {
      let job: JobRecord | undefined;
      try {
        job = this.store.claimNext(now());
        if (this.claimFailed && this.unwritten.size === 0) this.retryDelayMs = this.retryMs;
        this.claimFailed = false;
      } catch (error) {
        const e = toSichterError(error);
        this.log("error", "cannot take the next job from the catalog; trying again", {
          code: e.code,
          detail: e.message,
        });
        this.claimFailed = true;
        this.scheduleRetry();
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
    const finishedAt = now();
    try {
      job = outcome.state === "queued" ? this.store.requeue(id) : this.store.finish(id, outcome, finishedAt);
    } catch (error) {
      const e = toSichterError(error);
      if (outcome.state === "queued") {
        // Shutting down: the row stays `running` with our pid, and the next open() queues it again.
        this.log("error", "cannot put a job back in the queue; the next engine start resumes it", {
          jobId: id,
          code: e.code,
          detail: e.message,
        });
      } else {
        job = this.unwritten.keep(run.record, outcome, finishedAt);
        this.log(
          "error",
          "cannot record the end of a job; it is kept in memory and written once the catalog takes it",
          {
            jobId: id,
            state: outcome.state,
            code: e.code,
            detail: e.message,
          },
        );
        this.scheduleRetry();
      }
    }
    if (job) {
      if (job.state === "failed")
        this.log("warn", "job failed", { jobId: id, code: job.error?.code, message: job.error?.message });
      this.emit({ type: eventTypeOf(job.state), job });
    }
    this.schedulePump();
    this.checkIdle();
  }

  /** The running job, or the end of one that is not written yet. */
  private live(id: string): JobRecord | undefined {
    return this.running.get(id)?.record ?? this.unwritten.get(id);
  }

  /** Writes the ends the catalog refused before; what it refuses again stays for the next try. */
  private writeUnwritten(): void {
    for (const end of this.unwritten.entries()) {
      try {
        this.store.finish(end.record.id, end.outcome, end.finishedAt);
      } catch {
        return;
      }
      this.unwritten.delete(end.record.id);
      this.log("info", "the end of a job was written after all", { jobId: end.record.id, state: end.record.state });
    }
  }

  /** Tries the catalog again after it refused a write, waiting longer each time it refuses again. */
  private scheduleRetry(): void {
    if (this.retryTimer || this.stopping) return;
    const delay = this.retryDelayMs;
    this.retryDelayMs = Math.min(delay * 2, MAX_RETRY_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.writeUnwritten();
      if (this.unwritten.size > 0) this.scheduleRetry();
      else if (!this.claimFailed) this.retryDelayMs = this.retryMs;
      // A claim that fails again schedules the next try itself.
      this.schedulePump();
    }, delay);
    // A full disk must not keep a finished process alive.
    this.retryTimer.unref();
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
