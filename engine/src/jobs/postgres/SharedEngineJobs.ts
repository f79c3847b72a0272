import { ErrorCode, formatErrorMessage } from "@sichter/shared/protocol";
import { fingerprintFile } from "../../catalog/fingerprintFile.ts";
import { toDisposable, type Disposable } from "../../core/Disposable.ts";
import { SichterError } from "../../core/SichterError.ts";
import type { EngineJobs } from "../EngineJobs.ts";
import type { JobEvent } from "../JobQueue.ts";
import { isFinished, type JobParams, type JobRecord } from "../JobRecord.ts";
import type { SharedJob, SharedJobQueue } from "./SharedJobQueue.ts";

/**
 * How often the engine looks at the jobs its panels follow without being told: a notification
 * lost with a dropped connection must not leave a panel waiting for an end that came.
 */
const LOOK_AGAIN_MS = 5_000;

/** The keys of a `job.result` analysis; a worker's result also says who ran it where. */
const ANALYSIS_KEYS = ["clip", "shots", "keyframes", "tags", "written", "failures", "warnings"] as const;

/**
 * An editor's engine on the newsroom's shared queue: `clip.analyze` queues the clip (joined when
 * any engine queued it already: one clip, one job), a worker on any machine takes it, and the
 * progress and end it writes come back here by LISTEN/NOTIFY, as the same events the engine's own
 * queue sends, for the jobs this engine's panels follow. Nothing runs in the engine itself.
 */
export class SharedEngineJobs implements EngineJobs, Disposable {
  private readonly listeners = new Set<(event: JobEvent) => void>();
  /** Followed jobs and what was last announced of each (undefined: nothing yet). */
  private readonly followed = new Map<string, string | undefined>();
  private readonly pending = new Set<string>();
  private flushing: Promise<void> | undefined;
  private listening: { dispose(): Promise<void> } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly queue: SharedJobQueue,
    private readonly log: (level: "warn" | "error", message: string, fields?: Record<string, unknown>) => void,
  ) {}

  static async start(queue: SharedJobQueue, log: SharedEngineJobs["log"] = () => {}): Promise<SharedEngineJobs> {
    const jobs = new SharedEngineJobs(queue, log);
    jobs.listening = await queue.listen({
      onJob: (id) => jobs.changed([id]),
      onReconnect: () => jobs.changed([...jobs.followed.keys()]),
    });
    jobs.timer = setInterval(() => jobs.changed([...jobs.followed.keys()]), LOOK_AGAIN_MS);
    jobs.timer.unref();
    return jobs;
  }

  async enqueue(params: JobParams): Promise<{ job: JobRecord; joined: boolean }> {
    const { language, write, shotMode } = params.options;
    const { job, joined } = await this.reach(async () =>
      this.queue.enqueue({
        // The content, not the path: an editor's /Volumes/News/a.mxf and a colleague's \\nas\News\a.mxf are one clip.
        clipKey: await fingerprintFile(params.path),
        clipPath: params.path,
        params: { language, write, shotMode, ...(params.range && { range: params.range }) },
      }),
    );
    this.follow(job.id);
    return { job: toRecord(job), joined };
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const job = await this.reach(() => this.queue.get(id));
    return job && toRecord(job);
  }

  async list(filter: { states?: JobRecord["state"][]; limit?: number }): Promise<JobRecord[]> {
    return (await this.reach(() => this.queue.list(filter))).map(toRecord);
  }

  async cancel(id: string): Promise<JobRecord | undefined> {
    const found = await this.reach(() => this.queue.get(id));
    if (!found || isFinished(found.state)) return found && toRecord(found);
    return toRecord(await this.reach(() => this.queue.cancel(id)));
  }

  async result(id: string): Promise<unknown | undefined> {
    const job = await this.reach(() => this.queue.get(id));
    if (job?.state !== "completed" || job.result === null || typeof job.result !== "object") return undefined;
    const all = job.result as Record<string, unknown>;
    return Object.fromEntries(ANALYSIS_KEYS.filter((key) => key in all).map((key) => [key, all[key]]));
  }

  follow(id: string): void {
    if (this.closed || this.followed.has(id)) return;
    this.followed.set(id, undefined);
  }

  onEvent(listener: (event: JobEvent) => void): Disposable {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  }

  /** Stops listening; the jobs go on in the queue, for the workers and the other engines. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.listening?.dispose();
    await this.flushing?.catch(() => {});
  }

  dispose(): void {
    void this.close();
  }

  /** A server or network failure as the catalog reports it: CATALOG_UNAVAILABLE naming the database without its password. */
  private async reach<T>(ask: () => Promise<T>): Promise<T> {
    try {
      return await ask();
    } catch (error) {
      if (error instanceof SichterError) throw error;
      const detail =
        error instanceof Error
          ? error.message || String((error as NodeJS.ErrnoException).code ?? error)
          : String(error);
      throw new SichterError(ErrorCode.CATALOG_UNAVAILABLE, { path: this.queue.display, detail }, { cause: error });
    }
  }

  /** Looks at the followed ones among `ids` (one query for all that changed meanwhile). */
  private changed(ids: readonly string[]): void {
    for (const id of ids) if (this.followed.has(id)) this.pending.add(id);
    if (this.pending.size === 0 || this.flushing || this.closed) return;
    this.flushing = (async () => {
      while (this.pending.size > 0 && !this.closed) {
        const batch = [...this.pending];
        this.pending.clear();
        let jobs: SharedJob[];
        try {
          jobs = await this.queue.getMany(batch);
        } catch (error) {
          // The next notification, reconnect or look-again asks again.
          this.log("warn", "cannot read the shared queue's jobs", {
            detail: error instanceof Error ? error.message : String(error),
          });
          return;
        }
        for (const job of jobs) this.announce(toRecord(job));
      }
    })().finally(() => (this.flushing = undefined));
  }

  private announce(job: JobRecord): void {
    if (!this.followed.has(job.id)) return;
    const seen = `${job.state}|${job.stage}|${job.fraction}`;
    if (this.followed.get(job.id) === seen) return;
    this.followed.set(job.id, seen);
    const type: JobEvent["type"] =
      job.state === "completed"
        ? "done"
        : job.state === "failed" || job.state === "interrupted"
          ? "failed"
          : job.state === "cancelled"
            ? "cancelled"
            : "progress";
    if (type !== "progress") this.followed.delete(job.id);
    for (const listener of [...this.listeners]) {
      try {
        listener({ type, job });
      } catch (error) {
        this.log("error", "a job event listener threw", { jobId: job.id, detail: String(error) });
      }
    }
  }
}

/** A shared job as the engine's own jobs look on the wire. */
function toRecord(job: SharedJob): JobRecord {
  const p = (job.params ?? {}) as Partial<{
    language: "de" | "en";
    write: "sidecar" | "embed" | "none";
    shotMode: "auto" | "fast" | "exact";
    mode: string;
    range: JobParams["range"];
  }>;
  const failed = job.state === "failed" || job.state === "interrupted";
  const code = job.errorCode ?? ErrorCode.INTERNAL;
  return {
    id: job.id,
    clipPath: job.clipPath,
    params: {
      path: job.clipPath,
      ...(p.range && { range: p.range }),
      options: {
        language: p.language ?? "de",
        write: p.write ?? "sidecar",
        shotMode: p.shotMode ?? (p.mode === "exact" ? "exact" : "auto"),
      },
    },
    state: job.state,
    // As the engine's own queue: a stage while running only.
    stage: job.state === "running" ? job.stage : null,
    fraction: job.fraction,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    error: failed ? { code, message: job.errorMessage ?? formatErrorMessage(code as ErrorCode, {}, "en") } : null,
    attempts: job.attempts,
  };
}
