import { z } from "zod";
import { WireLimits } from "../limits.ts";
import { requestParams } from "../requestParams.ts";
import { JobId } from "../wireTypes.ts";
import { Job, JobState } from "./Job.ts";

/**
 * `job.get`, `job.cancel`, `job.result`: one job by id (JOB_NOT_FOUND otherwise). `job.cancel`
 * answers with the job as it is after the cancel; cancelling a finished job changes nothing.
 */
export const JobIdParams = requestParams({ jobId: JobId });
export type JobIdParams = z.infer<typeof JobIdParams>;

/** `job.list`: newest first. */
export const JobListParams = requestParams({
  /** Only jobs in one of these states; all states when absent. */
  states: z.array(JobState).min(1).max(JobState.options.length).optional(),
  /** Most jobs returned; the engine's default is 100. */
  limit: z.int().min(1).max(WireLimits.listLimit).optional(),
});
export type JobListParams = z.infer<typeof JobListParams>;

export const JobListResult = z.object({ jobs: z.array(Job) });
export type JobListResult = z.infer<typeof JobListResult>;
