import { z } from "zod";
import { ClipAnalysis } from "./ClipAnalysis.ts";
import { Job } from "./Job.ts";

/**
 * `job.result` (params: JobIdParams): the analysis of a completed job. JOB_NOT_FINISHED while it is
 * queued or running, and for jobs that ended without a result (failed, cancelled, interrupted).
 */
export const JobResultResult = z.object({
  job: Job,
  result: ClipAnalysis,
});
export type JobResultResult = z.infer<typeof JobResultResult>;
