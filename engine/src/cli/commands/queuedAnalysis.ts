import type { Locale } from "@sichter/shared/errors";

/** How a queued clip is to be analysed: what `sichter queue add` asks and `sichter worker` does. */
export interface AnalysisParams {
  readonly language: "de" | "en";
  readonly write: "sidecar" | "embed" | "none";
  readonly mode?: "exact";
}

/**
 * The job's params as a worker reads them: the queue stores JSON it never looks into, and a job
 * queued by another (older or newer) install may lack a field, so each falls back to the default
 * of `sichter analyze` (the worker's language, sidecar XMP, fast shot detection).
 */
export function analysisParams(params: unknown, locale: Locale): AnalysisParams {
  const p = (typeof params === "object" && params !== null ? params : {}) as Record<string, unknown>;
  const language = p.language === "de" || p.language === "en" ? p.language : locale;
  const write = p.write === "embed" || p.write === "none" ? p.write : "sidecar";
  return { language, write, ...(p.mode === "exact" && { mode: "exact" as const }) };
}
