import type { Job } from "@sichter/shared/protocol";
import type { JobRecord } from "./JobRecord.ts";

/** The wire shape of a job: the record without the request and the attempt count. */
export function toWireJob(job: JobRecord): Job {
  return {
    id: job.id,
    clipPath: job.clipPath,
    state: job.state,
    stage: job.stage,
    fraction: job.fraction,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    error: job.error && { code: job.error.code, message: job.error.message },
  };
}
