import { randomUUID } from "node:crypto";
import pg from "pg";
import { ErrorCode } from "@sichter/shared/errors";
import { postgresConnection } from "../../catalog/postgres/postgresConnection.ts";
import { migratePostgres } from "../../catalog/postgres/postgresMigrations.ts";
import { SichterError } from "../../core/SichterError.ts";

/**
 * The newsroom's job queue, in the catalog's PostgreSQL database (table `jobs`, migration 2).
 *
 * Plain `SELECT … FOR UPDATE SKIP LOCKED` with leases rather than pg-boss or graphile-worker: no new
 * dependency and no second schema to migrate and secure; the queue needs exactly what one table
 * gives (join a clip's open job through a partial unique index, take the oldest job no other
 * worker holds, take over a job whose lease ran out, count attempts), and progress travels by
 * LISTEN/NOTIFY on the same connection pool. Delivery is at least once: a worker that dies after
 * its work but before `complete` has its job run again, so work must be repeatable (an analysis is:
 * the catalog keeps decisions across re-analyses).
 */
export interface SharedJob {
  readonly id: string;
  readonly clipKey: string;
  readonly clipPath: string;
  readonly params: unknown;
  readonly state: "queued" | "running" | "completed" | "failed" | "cancelled" | "interrupted";
  readonly stage: string | null;
  readonly fraction: number;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly leaseOwner: string | null;
  readonly cancelRequested: boolean;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly result: unknown;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export interface EnqueueRequest {
  /** The clip's identity: its content fingerprint where known, so one clip is one job on every machine. */
  readonly clipKey: string;
  /** The path as the asking machine sees it; workers map it to theirs. */
  readonly clipPath: string;
  readonly params: unknown;
  /** Runs a job gets before a worker dying during it every time marks it `interrupted`; default 2. */
  readonly maxAttempts?: number;
}

/** The channel progress notifications travel on; the payload is the job's id. */
export const JOB_CHANNEL = "sichter_jobs";
/**
 * Where a cancel of a running job is announced (payload: the job's id), apart from progress: its
 * worker stops at once instead of at its next heartbeat, and does not wake at its own heartbeats.
 */
export const CANCEL_CHANNEL = "sichter_job_cancel";

const COLUMNS = `id, clip_key, clip_path, params, state, stage, fraction, attempts, max_attempts, lease_owner,
  cancel_requested, error_code, error_message, result, created_at, started_at, finished_at`;

/** First wait before a lost LISTEN connection is tried again; doubles up to LISTEN_RETRY_MAX_MS. */
const LISTEN_RETRY_MS = 250;
const LISTEN_RETRY_MAX_MS = 10_000;

export interface JobListener {
  /** A job changed (queued, progress, end): its id. */
  readonly onJob: (jobId: string) => void;
  /** Someone asked to cancel this running job. */
  readonly onCancel?: (jobId: string) => void;
  /**
   * The listening connection was lost and is back: notifications sent meanwhile were missed, so
   * whoever waits on them looks at the jobs again.
   */
  readonly onReconnect?: () => void;
}

interface JobRow {
  id: string;
  clip_key: string;
  clip_path: string;
  params: unknown;
  state: SharedJob["state"];
  stage: string | null;
  fraction: number;
  attempts: number;
  max_attempts: number;
  lease_owner: string | null;
  cancel_requested: boolean;
  error_code: string | null;
  error_message: string | null;
  result: unknown;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export class SharedJobQueue {
  private constructor(
    private readonly pool: pg.Pool,
    /** The database's URL without its password, for messages. */
    readonly display: string,
  ) {}

  /** Connects to the newsroom database (the catalog's, SICHTER_CATALOG) and brings its schema up to date. */
  static async open(url: string): Promise<SharedJobQueue> {
    const { config, display } = postgresConnection(url);
    const pool = new pg.Pool(config);
    pool.on("error", () => {});
    try {
      await migratePostgres(pool, display);
    } catch (error) {
      await pool.end().catch(() => {});
      throw error;
    }
    return new SharedJobQueue(pool, display);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }

  /** Queues a job, or joins the clip's job that is queued or running already (`joined: true`). */
  async enqueue(request: EnqueueRequest): Promise<{ job: SharedJob; joined: boolean }> {
    const maxAttempts = request.maxAttempts ?? 2;
    // The loop settles a race with a job that ended between the insert and the look-up.
    for (;;) {
      const inserted = await this.pool.query<JobRow>(
        `INSERT INTO jobs (id, clip_key, clip_path, params, state, max_attempts) VALUES ($1, $2, $3, $4, 'queued', $5)
         ON CONFLICT (clip_key) WHERE state IN ('queued', 'running') DO NOTHING RETURNING ${COLUMNS}`,
        [randomUUID(), request.clipKey, request.clipPath, JSON.stringify(request.params ?? null), maxAttempts],
      );
      if (inserted.rows[0]) {
        await this.notify(inserted.rows[0].id);
        return { job: toJob(inserted.rows[0]), joined: false };
      }
      const open = await this.pool.query<JobRow>(
        `SELECT ${COLUMNS} FROM jobs WHERE clip_key = $1 AND state IN ('queued', 'running')`,
        [request.clipKey],
      );
      if (open.rows[0]) return { job: toJob(open.rows[0]), joined: true };
    }
  }

  /**
   * Takes the oldest job no live worker holds, for `leaseMs`: a queued one, or a running one whose
   * worker let its lease run out (it died). A job taken over that had all its attempts becomes
   * `interrupted` instead. Undefined when there is nothing to do. `skip` names jobs this worker gave
   * back (it cannot see their files), so it does not take them again while another worker could.
   */
  async claim(worker: string, leaseMs: number, skip: readonly string[] = []): Promise<SharedJob | undefined> {
    await this.pool.query(
      `UPDATE jobs SET state = 'interrupted', finished_at = now(), lease_owner = NULL, lease_until = NULL,
         error_code = $1, error_message = 'the worker stopped every time it ran this job; start it again'
       WHERE state = 'running' AND lease_until < now() AND attempts >= max_attempts`,
      [ErrorCode.INTERNAL],
    );
    const { rows } = await this.pool.query<JobRow>(
      `UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = $1,
         lease_until = now() + make_interval(secs => $2 / 1000.0), started_at = coalesce(started_at, now())
       WHERE id = (
         SELECT id FROM jobs
         WHERE (state = 'queued' OR (state = 'running' AND lease_until < now())) AND NOT cancel_requested
           AND NOT (id = ANY($3::text[]))
         ORDER BY created_at, id
         FOR UPDATE SKIP LOCKED
         LIMIT 1)
       RETURNING ${COLUMNS}`,
      [worker, leaseMs, skip],
    );
    return rows[0] && toJob(rows[0]);
  }

  /**
   * The worker's sign of life and progress: renews the lease and tells listeners. Refused with
   * JOB_NOT_FOUND when the job is no longer this worker's (its lease ran out and another took it);
   * the answer says whether someone asked to cancel.
   */
  async heartbeat(
    jobId: string,
    worker: string,
    leaseMs: number,
    progress: { stage?: string; fraction?: number } = {},
  ): Promise<{ cancelRequested: boolean }> {
    const { rows } = await this.pool.query<{ cancel_requested: boolean }>(
      `UPDATE jobs SET lease_until = now() + make_interval(secs => $3 / 1000.0), stage = coalesce($4, stage), fraction = coalesce($5, fraction)
       WHERE id = $1 AND lease_owner = $2 AND state = 'running' RETURNING cancel_requested`,
      [jobId, worker, leaseMs, progress.stage ?? null, progress.fraction ?? null],
    );
    if (!rows[0]) throw new SichterError(ErrorCode.JOB_NOT_FOUND, { jobId });
    await this.notify(jobId);
    return { cancelRequested: rows[0].cancel_requested };
  }

  /** The job's end as its worker saw it; ignored (false) when the job is no longer this worker's. */
  async finish(
    jobId: string,
    worker: string,
    end: { result: unknown } | { error: SichterError } | { cancelled: true },
  ): Promise<boolean> {
    const [state, result, code, message] =
      "result" in end
        ? ["completed", JSON.stringify(end.result ?? null), null, null]
        : "error" in end
          ? ["failed", null, end.error.code, end.error.message]
          : ["cancelled", null, ErrorCode.CANCELLED, null];
    const { rowCount } = await this.pool.query(
      `UPDATE jobs SET state = $3, result = $4, error_code = $5, error_message = $6, finished_at = now(), lease_owner = NULL,
         lease_until = NULL, fraction = CASE WHEN $3 = 'completed' THEN 1 ELSE fraction END
       WHERE id = $1 AND lease_owner = $2 AND state = 'running'`,
      [jobId, worker, state, result, code, message],
    );
    if (rowCount) await this.notify(jobId);
    return (rowCount ?? 0) > 0;
  }

  /**
   * Gives a job back untouched (this worker cannot read the clip's file): it is queued again for
   * another worker, and the attempt does not count.
   */
  async release(jobId: string, worker: string): Promise<void> {
    await this.pool.query(
      `UPDATE jobs SET state = 'queued', attempts = attempts - 1, lease_owner = NULL, lease_until = NULL
       WHERE id = $1 AND lease_owner = $2 AND state = 'running'`,
      [jobId, worker],
    );
  }

  /**
   * Queues a job again after a run that could not write its end (the catalog's server was lost
   * mid-write: that transaction rolled back, nothing of it stays), counting the attempt; the last
   * attempt fails with `error`. False when the job is no longer this worker's.
   */
  async retry(jobId: string, worker: string, error: SichterError): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE jobs SET state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
         error_code = CASE WHEN attempts >= max_attempts THEN $3 END, error_message = CASE WHEN attempts >= max_attempts THEN $4 END,
         finished_at = CASE WHEN attempts >= max_attempts THEN now() END, lease_owner = NULL, lease_until = NULL
       WHERE id = $1 AND lease_owner = $2 AND state = 'running'`,
      [jobId, worker, error.code, error.message],
    );
    if (rowCount) await this.notify(jobId);
    return (rowCount ?? 0) > 0;
  }

  /** Cancels a queued job at once; a running one is asked to stop (its worker hears it on its next heartbeat). */
  async cancel(jobId: string): Promise<SharedJob> {
    const { rows } = await this.pool.query<JobRow>(
      `UPDATE jobs SET cancel_requested = true,
         state = CASE WHEN state = 'queued' THEN 'cancelled' ELSE state END,
         finished_at = CASE WHEN state = 'queued' THEN now() ELSE finished_at END,
         error_code = CASE WHEN state = 'queued' THEN $2 ELSE error_code END
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [jobId, ErrorCode.CANCELLED],
    );
    if (!rows[0]) throw new SichterError(ErrorCode.JOB_NOT_FOUND, { jobId });
    await this.notify(jobId);
    if (rows[0].state === "running") await this.pool.query("SELECT pg_notify($1, $2)", [CANCEL_CHANNEL, jobId]);
    return toJob(rows[0]);
  }

  /** Newest first, of every engine and worker; `states` narrows it. */
  async list(filter: { states?: readonly SharedJob["state"][]; limit?: number } = {}): Promise<SharedJob[]> {
    const states = filter.states && filter.states.length > 0 ? [...filter.states] : null;
    const { rows } = await this.pool.query<JobRow>(
      `SELECT ${COLUMNS} FROM jobs WHERE ($1::text[] IS NULL OR state = ANY($1::text[])) ORDER BY created_at DESC, id DESC LIMIT $2`,
      [states, filter.limit ?? 100],
    );
    return rows.map(toJob);
  }

  /** Several jobs at once (an engine looking at the jobs its panels follow); unknown ids are left out. */
  async getMany(jobIds: readonly string[]): Promise<SharedJob[]> {
    if (jobIds.length === 0) return [];
    const { rows } = await this.pool.query<JobRow>(`SELECT ${COLUMNS} FROM jobs WHERE id = ANY($1::text[])`, [
      [...jobIds],
    ]);
    return rows.map(toJob);
  }

  async get(jobId: string): Promise<SharedJob | undefined> {
    const { rows } = await this.pool.query<JobRow>(`SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [jobId]);
    return rows[0] && toJob(rows[0]);
  }

  /**
   * Hears every change of every job (queued, progress, end) as its id, from any engine or worker,
   * on a connection of its own; dispose to stop listening. A connection the server or the network
   * drops is opened again, waiting longer after each failure, and `onReconnect` says so.
   */
  async listen(listener: JobListener | ((jobId: string) => void)): Promise<{ dispose(): Promise<void> }> {
    const { onJob, onCancel, onReconnect } =
      typeof listener === "function" ? { onJob: listener, onCancel: undefined, onReconnect: undefined } : listener;
    let disposed = false;
    let client: { readonly c: pg.PoolClient; close(): Promise<void> } | undefined;
    let retry: NodeJS.Timeout | undefined;
    let delay = LISTEN_RETRY_MS;
    const onNotification = (message: pg.Notification): void => {
      if (!message.payload) return;
      if (message.channel === JOB_CHANNEL) onJob(message.payload);
      else if (message.channel === CANCEL_CHANNEL) onCancel?.(message.payload);
    };
    const connect = async (): Promise<void> => {
      const c = await this.pool.connect();
      let lost = false;
      const onLost = (): void => {
        if (lost) return;
        lost = true;
        c.off("notification", onNotification);
        c.release(true);
        if (client?.c === c) client = undefined;
        if (!disposed) schedule();
      };
      const close = async (): Promise<void> => {
        if (lost) return;
        lost = true;
        c.off("notification", onNotification);
        await c.query("UNLISTEN *").catch(() => {});
        c.release();
      };
      c.on("error", onLost);
      c.on("end", onLost);
      c.on("notification", onNotification);
      try {
        await c.query(`LISTEN ${JOB_CHANNEL}`);
        if (onCancel) await c.query(`LISTEN ${CANCEL_CHANNEL}`);
      } catch (error) {
        onLost();
        throw error;
      }
      client = { c, close };
      if (disposed) await close();
    };
    const schedule = (): void => {
      retry = setTimeout(() => {
        retry = undefined;
        connect().then(
          () => {
            delay = LISTEN_RETRY_MS;
            if (!disposed) onReconnect?.();
          },
          () => {
            delay = Math.min(delay * 2, LISTEN_RETRY_MAX_MS);
            // connect() scheduled the next try itself when the connection broke after it opened.
            if (!disposed && !retry && !client) schedule();
          },
        );
      }, delay);
      retry.unref();
    };
    await connect();
    return {
      async dispose() {
        disposed = true;
        clearTimeout(retry);
        const current = client;
        client = undefined;
        await current?.close();
      },
    };
  }

  private async notify(jobId: string): Promise<void> {
    await this.pool.query("SELECT pg_notify($1, $2)", [JOB_CHANNEL, jobId]);
  }
}

function toJob(row: JobRow): SharedJob {
  return {
    id: row.id,
    clipKey: row.clip_key,
    clipPath: row.clip_path,
    params: row.params,
    state: row.state,
    stage: row.stage,
    fraction: row.fraction,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    leaseOwner: row.lease_owner,
    cancelRequested: row.cancel_requested,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    result: row.result,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
