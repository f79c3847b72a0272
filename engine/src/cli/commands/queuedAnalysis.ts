import type { Locale } from "@sichter/shared/errors";

/** How a queued clip is to be analysed: what `sichter queue add` asks and `sichter worker` does. */
export interface AnalysisParams {
  readonly language: "de" | "en";
  readonly write: "sidecar" | "embed" | "none";
  readonly mode?: "exact";
  /** A panel's shot detection choice (`clip.analyze`); wins over `mode`. */
  readonly shotMode?: "auto" | "fast" | "exact";
  /** A panel's in/out: the result keeps what overlaps it (the whole clip is analysed). */
  readonly range?: { readonly startFrame: number; readonly endFrame: number };
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
  const shotMode = p.shotMode === "auto" || p.shotMode === "fast" || p.shotMode === "exact" ? p.shotMode : undefined;
  const r = p.range as { startFrame?: unknown; endFrame?: unknown } | null | undefined;
  const range =
    r && typeof r === "object" && Number.isInteger(r.startFrame) && Number.isInteger(r.endFrame)
      ? { startFrame: r.startFrame as number, endFrame: r.endFrame as number }
      : undefined;
  return {
    language,
    write,
    ...(p.mode === "exact" && { mode: "exact" as const }),
    ...(shotMode && { shotMode }),
    ...(range && { range }),
  };
}
