import { randomUUID } from "node:crypto";
import type { Database, Statement } from "better-sqlite3";
import type { JobParams, JobRecord, JobState } from "./JobRecord.ts";
import { JOB_COLUMNS, toJobRecord, type JobRow } from "./jobRow.ts";
import { guardSqlite } from "../catalog/sqliteFailure.ts";

/** How a run ended, as it is written to the row. */
export type JobOutcome =
  | { state: "completed"; fraction: number; result: string }
  | { state: "failed"; fraction: number; error: { code: string; message: string } }
  | { state: "cancelled"; fraction: number };

/**
 * The `jobs` table. Every method is one short synchronous statement or IMMEDIATE transaction, so
 * two engines (or an engine and a CLI batch) on the same catalog never take the same row twice.
 */
export class JobStore {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  /**
   * Joins a queued or running job of the same clip, else inserts (and commits) a new one. `ended`
   * are jobs whose rows still say running although they ended (their end could not be written yet).
   */
  insertOrJoin(params: JobParams, now: string, ended: readonly string[] = []): { job: JobRecord; joined: boolean } {
    return this.guard(() =>
      this.db
        .transaction(() => {
          const active = this.sql<JobRow>(
            `SELECT ${JOB_COLUMNS} FROM jobs WHERE clip_path = ? AND state IN ('queued', 'running')
               AND id NOT IN (SELECT value FROM json_each(?))
             ORDER BY created_at, rowid LIMIT 1`,
          ).get(params.path, JSON.stringify(ended));
          if (active) return { job: toJobRecord(active), joined: true };
          const id = randomUUID();
          this.sql(
            "INSERT INTO jobs (id, clip_path, params, state, fraction, created_at, attempts) VALUES (?, ?, ?, 'queued', 0, ?, 0)",
          ).run(id, params.path, JSON.stringify(params), now);
          return { job: this.get(id)!, joined: false };
        })
        .immediate(),
    );
  }

  get(id: string): JobRecord | undefined {
    const row = this.guard(() => this.sql<JobRow>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = ?`).get(id));
    return row && toJobRecord(row);
  }

  /** Newest first; rowid breaks ties of jobs created in the same millisecond. */
  list(states: readonly JobState[] | undefined, limit: number): JobRecord[] {
    const where = states ? `WHERE state IN (${states.map(() => "?").join(", ")})` : "";
    const rows = this.guard(() =>
      this.sql<JobRow>(`SELECT ${JOB_COLUMNS} FROM jobs ${where} ORDER BY created_at DESC, rowid DESC LIMIT ?`).all(
        ...(states ?? []),
        limit,
      ),
    );
    return rows.map(toJobRecord);
  }

  /** Takes the oldest queued job for this process, or undefined when none is queued. */
  claimNext(now: string): JobRecord | undefined {
    return this.guard(() =>
      this.db
        .transaction(() => {
          const next = this.sql<{ id: string }>(
            "SELECT id FROM jobs WHERE state = 'queued' ORDER BY created_at, rowid LIMIT 1",
          ).get();
          if (!next) return undefined;
          this.sql(
            `UPDATE jobs SET state = 'running', stage = NULL, fraction = 0, started_at = ?, owner_pid = ?
             WHERE id = ? AND state = 'queued'`,
          ).run(now, process.pid, next.id);
          return this.get(next.id);
        })
        .immediate(),
    );
  }

  /** Persists a stage boundary; fractions in between live only in memory. */
  saveProgress(id: string, stage: string | null, fraction: number): void {
    this.guard(() =>
      this.sql("UPDATE jobs SET stage = ?, fraction = ? WHERE id = ? AND state = 'running'").run(stage, fraction, id),
    );
  }

  finish(id: string, outcome: JobOutcome, now: string): JobRecord | undefined {
    const error = outcome.state === "failed" ? outcome.error : null;
    const result = outcome.state === "completed" ? outcome.result : null;
    this.guard(() =>
      this.sql(
        `UPDATE jobs SET state = ?, stage = NULL, fraction = ?, finished_at = ?, error_code = ?, error_message = ?,
                result = ?, owner_pid = NULL
         WHERE id = ? AND state = 'running'`,
      ).run(outcome.state, outcome.fraction, now, error?.code ?? null, error?.message ?? null, result, id),
    );
    return this.get(id);
  }

  /** A checkpoint: the job runs again from the start when a queue next takes it. */
  requeue(id: string): JobRecord | undefined {
    this.guard(() =>
      this.sql(
        `UPDATE jobs SET state = 'queued', stage = NULL, fraction = 0, started_at = NULL, owner_pid = NULL
         WHERE id = ? AND state = 'running'`,
      ).run(id),
    );
    return this.get(id);
  }

  /** False when the job was no longer queued (a queue took it a moment ago). */
  cancelQueued(id: string, now: string): boolean {
    const { changes } = this.guard(() =>
      this.sql(
        "UPDATE jobs SET state = 'cancelled', stage = NULL, finished_at = ? WHERE id = ? AND state = 'queued'",
      ).run(now, id),
    );
    return changes === 1;
  }

  /** The stored result text of a completed job. */
  result(id: string): string | undefined {
    const row = this.guard(() =>
      this.sql<{ result: string | null }>("SELECT result FROM jobs WHERE id = ? AND state = 'completed'").get(id),
    );
    return row?.result ?? undefined;
  }

  hasQueued(): boolean {
    return this.guard(() => this.sql("SELECT 1 FROM jobs WHERE state = 'queued' LIMIT 1").get() !== undefined);
  }

  private sql<R = unknown>(text: string): Statement<unknown[], R> {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement as Statement<unknown[], R>;
  }

  private guard<T>(fn: () => T): T {
    return guardSqlite(this.db.name, fn);
  }
}
