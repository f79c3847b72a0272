import { z } from "zod";

/** Where a tag came from. `user` tags are typed by a person and never replaced by re-analysis. */
export const TagSource = z.enum(["ocr", "vision", "speech", "technical", "motion", "user"]);
export type TagSource = z.infer<typeof TagSource>;

/** A suggestion until a person accepts or rejects it; decisions survive re-analysis. */
export const TagStatus = z.enum(["suggested", "accepted", "rejected"]);
export type TagStatus = z.infer<typeof TagStatus>;

/** Which analyzer (or provider, or person) produced a tag, and from what. */
export const Provenance = z.object({
  /** Contribution id, e.g. "sichter.ocr" or "user". */
  producer: z.string().min(1),
  version: z.string().optional(),
  /** What the tag was derived from, e.g. the OCR line it was read in. */
  evidence: z.string().optional(),
});
export type Provenance = z.infer<typeof Provenance>;

/**
 * One label on a frame range of a clip. `kind` is a stable machine key ("cue.black",
 * "motion.pan-left", "keyword") so hosts can localise; `label` is the text a person sees.
 * On-screen text comes as "ocr.line" (story text: lower thirds, titles), "ocr.incidental" (text
 * that happens to be in the picture) and "ocr.overlay" (a channel bug, watermark, clock or ticker
 * that stays across shots: one tag, never a keyword), and the "keyword"s taken from the first two.
 */
export const Tag = z.object({
  label: z.string().min(1),
  kind: z.string().min(1),
  /** BCP 47 language of the label ("de", "en"), "und" for language-neutral labels. */
  language: z.string().min(2),
  source: TagSource,
  confidence: z.number().min(0).max(1),
  /** Frames [startFrame, endFrame), 0-based from the clip's first frame. */
  startFrame: z.int().nonnegative(),
  endFrame: z.int().nonnegative(),
  status: TagStatus,
  provenance: z.array(Provenance).min(1),
});
export type Tag = z.infer<typeof Tag>;
