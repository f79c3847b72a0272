import type { Disposable } from "../core/Disposable.ts";
import type { JobEvent, JobQueue } from "./JobQueue.ts";
import type { JobParams, JobRecord, JobState } from "./JobRecord.ts";

/**
 * The jobs a panel asks its engine about (`clip.analyze`, `job.*` and their notifications): the
 * engine's own queue in its SQLite file (one editor), or the newsroom's shared queue on PostgreSQL,
 * where any worker takes the job and its progress comes back by LISTEN/NOTIFY.
 */
export interface EngineJobs {
  enqueue(params: JobParams): Promise<{ job: JobRecord; joined: boolean }>;
  get(id: string): Promise<JobRecord | undefined>;
  list(filter: { states?: JobState[]; limit?: number }): Promise<JobRecord[]>;
  /** As JobQueue.cancel: a running job's record may still say running. */
  cancel(id: string): Promise<JobRecord | undefined>;
  /** The stored result of a completed job; undefined for any other state or id. */
  result(id: string): Promise<unknown | undefined>;
  /** Someone on this engine follows this job: its events are to be heard here until it ends. */
  follow(id: string): void;
  onEvent(listener: (event: JobEvent) => void): Disposable;
}

/** The single editor's queue, unchanged: it announces every job's events itself. */
export function localEngineJobs(queue: JobQueue): EngineJobs {
  return {
    enqueue: async (params) => queue.enqueue(params),
    get: async (id) => queue.get(id),
    list: async (filter) => queue.list(filter),
    cancel: async (id) => queue.cancel(id),
    result: async (id) => queue.result(id),
    follow: () => {},
    onEvent: (listener) => queue.onEvent(listener),
  };
}
