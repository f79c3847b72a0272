import { z } from "zod";
import { requestParams } from "../requestParams.ts";
import { CatalogId, WireError, WirePath } from "../wireTypes.ts";

/**
 * `tags.apply`: writes the accepted tags of catalogued clips as XMP through the XMP tag writer,
 * the same one `sichter analyze` uses: a sidecar beside the media (default) or, when asked, into a
 * MOV/MP4 (refused with XMP_UNSUPPORTED_FORMAT for MXF, MTS, AVI, MKV, fragmented MP4). Only
 * Sichter's own keywords and its "Sichter" marker track change: keywords of tags that are not
 * accepted (rejected or still undecided) are taken out again, a person's own keywords stay.
 */
export const TagsApplyParams = requestParams({
  clipIds: z.array(CatalogId).min(1).max(100),
  /** Default "sidecar". */
  write: z.enum(["sidecar", "embed"]).optional(),
  /** Language of the description and of vision keywords; default "de". */
  language: z.enum(["de", "en"]).optional(),
});
export type TagsApplyParams = z.infer<typeof TagsApplyParams>;

/** What happened to one clip's file; a failure of one clip does not stop the others. */
export const AppliedFile = z.object({
  clipId: CatalogId,
  /** The media file as the catalog knows it. */
  path: WirePath,
  status: z.enum(["written", "failed"]),
  /** The sidecar written, or null (embedded, or failed). */
  sidecar: WirePath.nullable(),
  embedded: z.boolean(),
  /** The clip keywords the XMP holds for Sichter now. */
  keywords: z.array(z.string()),
  /** Markers in the "Sichter" track now (shots and accepted tags with a time range). */
  markers: z.int().nonnegative(),
  error: WireError.nullable(),
});
export type AppliedFile = z.infer<typeof AppliedFile>;

/** One entry per clip, in the order asked for. */
export const TagsApplyResult = z.object({ files: z.array(AppliedFile) });
export type TagsApplyResult = z.infer<typeof TagsApplyResult>;
