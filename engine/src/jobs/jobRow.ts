import type { JobParams, JobRecord, JobState } from "./JobRecord.ts";

/** A `jobs` row as better-sqlite3 returns it (migration step 3). */
export interface JobRow {
  id: string;
  clip_path: string;
  params: string;
  state: JobState;
  stage: string | null;
  fraction: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  error_code: string | null;
  error_message: string | null;
  attempts: number;
}

/** The columns a record is built from; `result` stays out so listing jobs never loads big results. */
export const JOB_COLUMNS =
  "id, clip_path, params, state, stage, fraction, created_at, started_at, finished_at, error_code, error_message, attempts";

export function toJobRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    clipPath: row.clip_path,
    params: JSON.parse(row.params) as JobParams,
    state: row.state,
    stage: row.stage,
    fraction: row.fraction,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? "" },
    attempts: row.attempts,
  };
}
