import { z } from "zod";
import { Provenance, TagSource, TagStatus } from "../../../model/index.ts";
import { CatalogId, FrameNumber, Timestamp, WireLabel, WireName } from "../wireTypes.ts";

/** A tag as an analysis result carries it; `id` is set once the catalog stored it. */
export const WireTag = z.object({
  id: CatalogId.optional(),
  label: WireLabel,
  /** Stable machine key ("keyword", "cue.black", "motion.pan-left") hosts localise by. */
  kind: WireName,
  /** BCP 47 language of the label; "und" for language-neutral labels. */
  language: z.string().min(2).max(35).optional(),
  source: TagSource,
  confidence: z.number().min(0).max(1),
  /** Frames [startFrame, endFrame), 0-based from the clip's first frame. */
  startFrame: FrameNumber,
  endFrame: FrameNumber,
  status: TagStatus,
});
export type WireTag = z.infer<typeof WireTag>;

/** A tag as the catalog stores it: always with id, clip, provenance and when a person decided on it. */
export const StoredTag = WireTag.extend({
  id: CatalogId,
  clipId: CatalogId,
  language: z.string().min(2).max(35),
  provenance: z.array(Provenance),
  decidedAt: Timestamp.nullable(),
});
export type StoredTag = z.infer<typeof StoredTag>;
