import type { JobRecord } from "./JobRecord.ts";
import type { JobOutcome } from "./JobStore.ts";

/** A job's end the catalog did not take (a full disk): what to write, and the record it makes. */
export interface UnwrittenEnd {
  readonly record: JobRecord;
  readonly outcome: JobOutcome;
  readonly finishedAt: string;
}

/**
 * Ends of jobs that happened but could not be written yet. Until they are, the queue answers from
 * here (the row still says `running`), so a client hears the end at once, `job.get` tells it, and
 * a new request for the clip starts a new job instead of joining one that will never end.
 */
export class UnwrittenEnds {
  private readonly byId = new Map<string, UnwrittenEnd>();

  /** Keeps an end and returns the record it makes of the running job. */
  keep(running: JobRecord, outcome: JobOutcome, finishedAt: string): JobRecord {
    const record: JobRecord = {
      ...running,
      state: outcome.state,
      stage: null,
      fraction: outcome.fraction,
      finishedAt,
      error: outcome.state === "failed" ? outcome.error : null,
    };
    this.byId.set(record.id, { record, outcome, finishedAt });
    return record;
  }

  get(id: string): JobRecord | undefined {
    return this.byId.get(id)?.record;
  }

  /** The result text of a completed job kept here. */
  result(id: string): string | undefined {
    const outcome = this.byId.get(id)?.outcome;
    return outcome?.state === "completed" ? outcome.result : undefined;
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  entries(): UnwrittenEnd[] {
    return [...this.byId.values()];
  }

  delete(id: string): void {
    this.byId.delete(id);
  }

  get size(): number {
    return this.byId.size;
  }
}
