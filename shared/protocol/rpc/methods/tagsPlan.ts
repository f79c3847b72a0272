import { z } from "zod";
import { TagPlan } from "../../../model/index.ts";
import { requestParams } from "../requestParams.ts";
import { CatalogId, WirePath } from "../wireTypes.ts";

const language = z.enum(["de", "en"]).optional();

/**
 * `tags.plan`: the tag plan of a catalogued clip (by id or by path; NOT_IN_CATALOG otherwise), for
 * hosts that write it themselves (DaVinci Resolve's markers and clip metadata). The same plan
 * `tags.apply` writes as XMP: the clip's shots and the tags a person accepted or added, and in
 * `withdrawnKeywords` the keywords Sichter may have written before that are no longer wanted.
 * `language` (default "de") picks the description's and vision keywords' language.
 */
export const TagsPlanParams = z.union([
  requestParams({ clipId: CatalogId, language }),
  requestParams({ path: WirePath, language }),
]);
export type TagsPlanParams = z.infer<typeof TagsPlanParams>;

export const TagsPlanResult = z.object({
  clipId: CatalogId,
  plan: TagPlan,
});
export type TagsPlanResult = z.infer<typeof TagsPlanResult>;
