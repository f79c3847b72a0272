import { z } from "zod";
import { Clip, Shot } from "../../../model/index.ts";
import { WireLimits } from "../limits.ts";
import { requestParams } from "../requestParams.ts";
import { CatalogId, Timestamp, WirePath } from "../wireTypes.ts";
import { WireKeyframe } from "./ClipAnalysis.ts";
import { StoredTag } from "./WireTag.ts";

/** `catalog.clip`: one catalogued clip by id or by path (NOT_IN_CATALOG otherwise). */
export const CatalogClipParams = z.union([requestParams({ clipId: CatalogId }), requestParams({ path: WirePath })]);
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

/** Where a panel loads a keyframe's picture: the engine serves it only with the install's token. */
export const ThumbnailUrl = z
  .string()
  .regex(/^\/thumbnails\//)
  .max(WireLimits.path);

/** A keyframe of the clip's latest analysis, with its picture. */
export const CatalogKeyframe = WireKeyframe.extend({
  thumbnail: ThumbnailUrl.nullable().describe(
    "The keyframe's JPEG thumbnail as a path on the engine's HTTP root, e.g. /thumbnails/12/34-0000100.jpg. " +
      "Load it from http://127.0.0.1:<port> with the engine token appended as ?token=<token> " +
      "(or sent as Authorization: Bearer <token>); without the token the engine answers 401. " +
      "Null when the analysis kept no picture. A re-analysis gives new paths; the old ones then answer 404.",
  ),
});
export type CatalogKeyframe = z.infer<typeof CatalogKeyframe>;

export const CatalogClipResult = z.object({
  clip: CatalogClipInfo,
  /** Shots of the latest analysis, in order. */
  shots: z.array(Shot),
  keyframes: z.array(CatalogKeyframe),
  /** With ids and status, so a panel can review them (`tags.review`). */
  tags: z.array(StoredTag),
});
export type CatalogClipResult = z.infer<typeof CatalogClipResult>;
