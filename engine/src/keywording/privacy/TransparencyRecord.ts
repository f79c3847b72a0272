/**
 * What left the machine for one job, one line per request: shown by `sichter job <id> --privacy`
 * and to the panels (`job.privacy`). Counts, sizes and times only: never image bytes, file names,
 * paths or the request body.
 */
export interface TransparencyRecord {
  /** ISO time the request was sent (first attempt). */
  readonly at: string;
  /** Contribution id of the provider ("sichter.openai-vision"). */
  readonly provider: string;
  /** Scheme and host the request went to (no path, no query: keys sometimes live there). */
  readonly endpoint: string;
  readonly images: number;
  /** Keyframes those images carried (a contact sheet carries several). */
  readonly keyframes: number;
  /** Each image's size in pixels and JPEG bytes. */
  readonly imageSizes: ReadonlyArray<{ readonly width: number; readonly height: number; readonly bytes: number }>;
  readonly bytesSent: number;
  /** Attempts it took (retries after 429/5xx/timeouts). */
  readonly attempts: number;
  /** HTTP status of the last attempt, or null when none answered. */
  readonly status: number | null;
  /** The error code when the request failed for good. */
  readonly error: string | null;
}
