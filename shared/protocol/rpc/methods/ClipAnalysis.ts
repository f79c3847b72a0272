import { z } from "zod";
import { Clip, Shot } from "../../../model/index.ts";
import { WireLimits } from "../limits.ts";
import { FrameNumber, WireError, WireErrorCode, WireName, WirePath, WireText } from "../wireTypes.ts";
import { WireTag } from "./WireTag.ts";

/** A keyframe as hosts need it: where to put a thumbnail or marker. */
export const WireKeyframe = z.object({
  frame: FrameNumber,
  timecode: z.string().max(32),
});
export type WireKeyframe = z.infer<typeof WireKeyframe>;

/** An analyzer that failed while the others' results stand. */
export const AnalyzerFailure = z.object({
  analyzer: WireName,
  code: WireErrorCode,
  message: WireText,
});
export type AnalyzerFailure = z.infer<typeof AnalyzerFailure>;

/**
 * Something the analysis could not cover although it succeeded: a file cut short
 * (SICHTER_E_MEDIA_TRUNCATED) is analysed as far as its data goes, and says what is missing.
 */
export const AnalysisWarning = z.object({
  code: WireErrorCode,
  message: WireText,
});
export type AnalysisWarning = z.infer<typeof AnalysisWarning>;

/** One tag writer's outcome for the clip: where it wrote, or where it meant to and why it did not. */
export const WriterOutcome = z.object({
  /** The writer's contribution id: `sichter.catalog`, `sichter.xmp`, an extension's. */
  id: WireName,
  /** The sidecar, the media file, `catalog:<clip id>`, a MAM's asset; null when the writer names none. */
  target: z.string().max(WireLimits.path).nullable(),
  /** Present when this writer failed. The catalog is written first, so the clip is catalogued all the same. */
  error: WireError.optional(),
});
export type WriterOutcome = z.infer<typeof WriterOutcome>;

/** What the engine itself wrote for the clip. */
export const WrittenMetadata = z.object({
  /** Path of the sidecar XMP, or null when none was written. */
  sidecar: z.string().max(WireLimits.path).nullable(),
  /** True when XMP was embedded into the media file (opt-in). */
  embedded: z.boolean(),
  /**
   * Every writer of the run, the catalog first. A write that failed after the catalog (a read-only
   * sidecar) is here with its code and file, and in `failures`, while the job completes: "catalogued,
   * sidecar not written: <message>". Engines before this field leave it out.
   */
  writers: z.array(WriterOutcome).optional(),
});
export type WrittenMetadata = z.infer<typeof WrittenMetadata>;

/** The result of one `clip.analyze` job, as `job.result` returns it. */
export const ClipAnalysis = z.object({
  clip: Clip.extend({ path: WirePath }),
  shots: z.array(Shot),
  keyframes: z.array(WireKeyframe),
  tags: z.array(WireTag),
  written: WrittenMetadata,
  failures: z.array(AnalyzerFailure),
  /** Engines before this field leave it out. */
  warnings: z.array(AnalysisWarning).optional(),
});
export type ClipAnalysis = z.infer<typeof ClipAnalysis>;
