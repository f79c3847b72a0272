import { z } from "zod";

/**
 * What a host writes into its project for one clip: markers with frame offsets from the clip's
 * first frame, clip keywords and a description. Hosts translate offsets into their own time
 * (Premiere ticks, Resolve frame ids); the plan itself never holds host time.
 */
export const PlannedMarker = z.object({
  name: z.string(),
  comment: z.string(),
  startFrame: z.int().nonnegative(),
  durationFrames: z.int().nonnegative(),
  /** Stable kind of what the marker stands for ("shot", "cue.black", "keyword"). */
  kind: z.string(),
  /** Colour name from a small shared palette; hosts map it to theirs. */
  color: z.enum(["green", "red", "purple", "orange", "yellow", "white", "blue", "cyan"]),
});
export type PlannedMarker = z.infer<typeof PlannedMarker>;

/**
 * A term of a controlled vocabulary the clip is about, as IPTC Extension's `AboutCvTerm` holds it:
 * the vocabulary's URI, the term's URI and its name in the plan's language.
 */
export const ControlledTerm = z.object({
  vocabulary: z.string().min(1),
  id: z.string().min(1),
  name: z.string().min(1),
});
export type ControlledTerm = z.infer<typeof ControlledTerm>;

export const TagPlan = z.object({
  clipPath: z.string(),
  /** Rational rate "num/den" the frame numbers count in. */
  frameRate: z.string().regex(/^\d+\/\d+$/),
  markers: z.array(PlannedMarker),
  keywords: z.array(z.string().min(1)),
  description: z.string(),
  logComment: z.string(),
  /** Controlled terms from installed vocabularies (written as Iptc4xmpExt:AboutCvTerm). */
  controlledTerms: z.array(ControlledTerm).optional(),
  /**
   * Keywords Sichter wrote for this clip before that no longer belong (a person rejected them, or
   * they were suggestions nobody accepted): writers take them out again; every other keyword stays.
   */
  withdrawnKeywords: z.array(z.string().min(1)).optional(),
});
export type TagPlan = z.infer<typeof TagPlan>;
