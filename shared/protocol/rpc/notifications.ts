import { z } from "zod";
import { WireLimits } from "./limits.ts";
import { Job } from "./methods/Job.ts";
import { ProgressToken } from "./progressToken.ts";
import { RequestId } from "./envelope.ts";
import { JobId, WireError, WireName, WireText } from "./wireTypes.ts";

/*
 * Notifications the engine sends are plain objects (unknown keys are ignored, so a newer engine can
 * add fields); the one a client sends is strict, like request params.
 */

/**
 * Server -> client: a job moved on. Like `job.done` and `job.failed`, sent only to the connections
 * that started or joined the job with `clip.analyze` or subscribed to it with `job.subscribe`.
 */
export const JobProgressParams = z.object({
  jobId: JobId,
  stage: WireName,
  fraction: z.number().min(0).max(1),
});
export type JobProgressParams = z.infer<typeof JobProgressParams>;

/** Server -> client: a job completed; fetch its analysis with `job.result`. */
export const JobDoneParams = z.object({ jobId: JobId, job: Job });
export type JobDoneParams = z.infer<typeof JobDoneParams>;

/** Server -> client: a job failed or was interrupted. */
export const JobFailedParams = z.object({ jobId: JobId, job: Job, error: WireError });
export type JobFailedParams = z.infer<typeof JobFailedParams>;

/** LSP's WorkDoneProgress value: one `begin`, any number of `report`, one `end`. */
export const ProgressValue = z.object({
  kind: z.enum(["begin", "report", "end"]),
  /** Set on `begin`. */
  title: z.string().max(WireLimits.text).optional(),
  message: WireText.optional(),
  /** 0 to 100. */
  percentage: z.number().min(0).max(100).optional(),
});
export type ProgressValue = z.infer<typeof ProgressValue>;

/** Server -> client: progress of the request whose params carried `progressToken: token`. */
export const ProgressParams = z.object({ token: ProgressToken, value: ProgressValue });
export type ProgressParams = z.infer<typeof ProgressParams>;

/**
 * Client -> server: stop working on request `id`. The engine still answers that request, normally
 * with CANCELLED (or with its result if it finished first); the client stops waiting either way.
 */
export const CancelRequestParams = z.strictObject({ id: RequestId });
export type CancelRequestParams = z.infer<typeof CancelRequestParams>;
