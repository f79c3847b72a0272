import { z } from "zod";
import { JobId, Timestamp, WireError, WireName, WirePath } from "../wireTypes.ts";

/** `interrupted`: the engine stopped (crash, restart) while the job was queued or running. */
export const JobState = z.enum(["queued", "running", "completed", "failed", "cancelled", "interrupted"]);
export type JobState = z.infer<typeof JobState>;

/** One analysis of one clip in the engine's queue. */
export const Job = z.object({
  id: JobId,
  clipPath: WirePath,
  state: JobState,
  /** What the job is doing now ("probe", "shots", "ocr", ...); null before it starts and after it ends. */
  stage: WireName.nullable(),
  /** Overall progress, 0 to 1. */
  fraction: z.number().min(0).max(1),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  /** Set when state is `failed` or `interrupted`. */
  error: WireError.nullable(),
});
export type Job = z.infer<typeof Job>;
