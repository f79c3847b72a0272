import { z } from "zod";
import { Clip, Shot } from "../../../model/index.ts";
import { requestParams } from "../requestParams.ts";
import { CatalogId, Timestamp, WirePath } from "../wireTypes.ts";
import { WireKeyframe } from "./ClipAnalysis.ts";
import { StoredTag } from "./WireTag.ts";

/** `catalog.clip`: one catalogued clip by id or by path (NOT_IN_CATALOG otherwise). */
export const CatalogClipParams = z.union([
  requestParams({ clipId: CatalogId }),
  requestParams({ path: WirePath }),
]);
export type CatalogClipParams = z.infer<typeof CatalogClipParams>;

export const CatalogClipInfo = Clip.extend({
  id: CatalogId,
  path: WirePath,
  sizeBytes: z.int().nonnegative().nullable(),
  mtime: Timestamp.nullable(),
  description: z.string().nullable(),
  firstSeen: Timestamp,
  lastAnalysed: Timestamp.nullable(),
});
export type CatalogClipInfo = z.infer<typeof CatalogClipInfo>;

export const CatalogClipResult = z.object({
  clip: CatalogClipInfo,
  /** Shots of the latest analysis, in order. */
  shots: z.array(Shot),
  keyframes: z.array(WireKeyframe),
  /** With ids and status, so a panel can review them (`tags.review`). */
  tags: z.array(StoredTag),
});
export type CatalogClipResult = z.infer<typeof CatalogClipResult>;
