import { z } from "zod";
import { requestParams } from "../requestParams.ts";
import { FrameNumber, JobId, WirePath } from "../wireTypes.ts";

/** Frames [startFrame, endFrame) of the source media, 0-based from its first frame. */
export const SourceRange = z
  .strictObject({ startFrame: FrameNumber, endFrame: FrameNumber })
  .refine((range) => range.endFrame > range.startFrame, {
    message: "must be greater than startFrame",
    path: ["endFrame"],
  });
export type SourceRange = z.infer<typeof SourceRange>;

/** Every option is optional; the engine's defaults are language "de", write "sidecar", shotMode "auto". */
export const AnalyzeOptions = z.strictObject({
  /** Language of generated labels. */
  language: z.enum(["de", "en"]).optional(),
  /** Where the engine writes XMP itself; `embed` is opt-in and refused for formats it cannot write safely. */
  write: z.enum(["sidecar", "embed", "none"]).optional(),
  /** `fast`: keyframes only; `exact`: decode every frame; `auto`: coarse pass plus exact around candidates. */
  shotMode: z.enum(["auto", "fast", "exact"]).optional(),
});
export type AnalyzeOptions = z.infer<typeof AnalyzeOptions>;

/** `clip.analyze`: queue an analysis of one media file. */
export const ClipAnalyzeParams = requestParams({
  path: WirePath,
  range: SourceRange.optional(),
  options: AnalyzeOptions.optional(),
});
export type ClipAnalyzeParams = z.infer<typeof ClipAnalyzeParams>;

export const ClipAnalyzeResult = z.object({
  jobId: JobId,
  /** True when an analysis of the same clip was already queued or running and this call joined it. */
  joined: z.boolean(),
});
export type ClipAnalyzeResult = z.infer<typeof ClipAnalyzeResult>;
