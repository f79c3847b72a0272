import { z } from "zod";
import { Clip, Shot } from "../../../model/index.ts";
import { WireLimits } from "../limits.ts";
import { FrameNumber, WireErrorCode, WireName, WirePath, WireText } from "../wireTypes.ts";
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

/** What the engine itself wrote for the clip. */
export const WrittenMetadata = z.object({
  /** Path of the sidecar XMP, or null when none was written. */
  sidecar: z.string().max(WireLimits.path).nullable(),
  /** True when XMP was embedded into the media file (opt-in). */
  embedded: z.boolean(),
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
});
export type ClipAnalysis = z.infer<typeof ClipAnalysis>;
