import { z } from "zod";
import { JobId, Timestamp, WireErrorCode, WireName, WireText } from "../wireTypes.ts";

const Count = z.int().nonnegative();

/**
 * What one request to a keyword provider sent off the machine: counts, sizes and times only, never
 * image bytes, file names, paths or the request body.
 */
export const WireTransparencyRecord = z.object({
  /** When the request was sent (its first attempt). */
  at: Timestamp,
  /** Contribution id of the provider, e.g. "sichter.openai-vision". */
  provider: WireName,
  /** Scheme and host the request went to ("https://api.openai.com"); no path, no query. */
  endpoint: WireText.min(1),
  images: Count,
  /** Keyframes those images carried (a contact sheet carries several). */
  keyframes: Count,
  /** Each image's size in pixels and JPEG bytes. */
  imageSizes: z.array(z.object({ width: z.int().positive(), height: z.int().positive(), bytes: Count })),
  bytesSent: Count,
  /** Attempts it took (retries after 429, 5xx, timeouts). */
  attempts: Count,
  /** HTTP status of the last attempt; null when none answered. */
  status: z.int().min(100).max(599).nullable(),
  /** The SICHTER_E_* code when the request failed for good. */
  error: WireErrorCode.nullable(),
});
export type WireTransparencyRecord = z.infer<typeof WireTransparencyRecord>;

/**
 * `job.privacy` (params: JobIdParams): what left the machine for a job, one record per request, by
 * send time. Empty when nothing did, which is also the answer for an id the engine never saw (a
 * `sichter analyze` run that sent nothing leaves no trace), so it never fails with JOB_NOT_FOUND.
 */
export const JobPrivacyResult = z.object({
  jobId: JobId,
  records: z.array(WireTransparencyRecord),
});
export type JobPrivacyResult = z.infer<typeof JobPrivacyResult>;
