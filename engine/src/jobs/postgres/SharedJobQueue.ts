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

const COLUMNS = `id, clip_key, clip_path, params, state, stage, fraction, attempts, max_attempts, lease_owner,
  cancel_requested, error_code, error_message, result`;

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
}

export class SharedJobQueue {
  private constructor(private readonly pool: pg.Pool) {}

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
    return new SharedJobQueue(pool);
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
      const open = await this.pool.query<JobRow>(`SELECT ${COLUMNS} FROM jobs WHERE clip_key = $1 AND state IN ('queued', 'running')`, [request.clipKey]);
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
  async heartbeat(jobId: string, worker: string, leaseMs: number, progress: { stage?: string; fraction?: number } = {}): Promise<{ cancelRequested: boolean }> {
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
  async finish(jobId: string, worker: string, end: { result: unknown } | { error: SichterError } | { cancelled: true }): Promise<boolean> {
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
    return toJob(rows[0]);
  }

  async get(jobId: string): Promise<SharedJob | undefined> {
    const { rows } = await this.pool.query<JobRow>(`SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [jobId]);
    return rows[0] && toJob(rows[0]);
  }

  /**
   * Hears every change of every job (queued, progress, end) as its id, from any engine or worker,
   * on a connection of its own; dispose to stop listening.
   */
  async listen(onJob: (jobId: string) => void): Promise<{ dispose(): Promise<void> }> {
    const client = await this.pool.connect();
    const onNotification = (message: pg.Notification): void => {
      if (message.channel === JOB_CHANNEL && message.payload) onJob(message.payload);
    };
    client.on("notification", onNotification);
    await client.query(`LISTEN ${JOB_CHANNEL}`);
    return {
      async dispose() {
        client.off("notification", onNotification);
        await client.query(`UNLISTEN ${JOB_CHANNEL}`).catch(() => {});
        client.release();
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
  };
}
