/**
 * One job of the engine's queue as the engine keeps it. It maps 1:1 onto the wire `Job` (see
 * toWireJob.ts) plus what only the engine needs: the full request and the attempt count.
 */
export type JobState = "queued" | "running" | "completed" | "failed" | "cancelled" | "interrupted";

/** What `clip.analyze` asked for, with the engine's defaults already filled in. */
export interface JobParams {
  /** The clip's real path; jobs of the same path string join. */
  path: string;
  range?: { startFrame: number; endFrame: number };
  options: { language: "de" | "en"; write: "sidecar" | "embed" | "none"; shotMode: "auto" | "fast" | "exact" };
}

export interface JobRecord {
  id: string;
  clipPath: string;
  params: JobParams;
  state: JobState;
  /** The runner's current stage; null while queued and once the job has ended. */
  stage: string | null;
  /** 0 to 1. */
  fraction: number;
  /** ISO 8601 UTC timestamps. */
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Set for `failed` and `interrupted`. */
  error: { code: string; message: string } | null;
  /** Runs of this job that an engine crash cut short (a graceful shutdown does not count). */
  attempts: number;
}

/** States a job never leaves. */
export const FINISHED_STATES: readonly JobState[] = ["completed", "failed", "cancelled", "interrupted"];

export function isFinished(state: JobState): boolean {
  return FINISHED_STATES.includes(state);
}
