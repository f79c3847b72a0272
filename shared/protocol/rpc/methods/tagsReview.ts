import { z } from "zod";
import { requestParams } from "../requestParams.ts";
import { CatalogId, FrameNumber, WireLabel, WireName } from "../wireTypes.ts";
import { StoredTag } from "./WireTag.ts";

/**
 * A person's decision on a stored tag. Only `edit` carries label or frames (an edited tag counts as
 * accepted); `reset` makes it an undecided suggestion again.
 */
export const TagDecisionParams = requestParams({
  tagId: CatalogId,
  action: z.enum(["accept", "reject", "reset", "edit"]),
  label: WireLabel.optional(),
  startFrame: FrameNumber.optional(),
  endFrame: FrameNumber.optional(),
})
  .refine(
    (p) => p.action === "edit" || (p.label === undefined && p.startFrame === undefined && p.endFrame === undefined),
    {
      message: 'label, startFrame and endFrame are only allowed with action "edit"',
      path: ["action"],
    },
  )
  .refine(
    (p) => p.action !== "edit" || p.label !== undefined || p.startFrame !== undefined || p.endFrame !== undefined,
    {
      message: 'action "edit" needs at least one of label, startFrame, endFrame',
      path: ["action"],
    },
  )
  .refine((p) => p.startFrame === undefined || p.endFrame === undefined || p.endFrame > p.startFrame, {
    message: "must be greater than startFrame",
    path: ["endFrame"],
  });
export type TagDecisionParams = z.infer<typeof TagDecisionParams>;

/** A tag a person adds; it is stored as accepted with source "user". */
export const NewUserTag = z
  .strictObject({
    label: WireLabel,
    startFrame: FrameNumber,
    endFrame: FrameNumber,
    /** Defaults to "keyword". */
    kind: WireName.optional(),
    /** BCP 47; defaults to "und". */
    language: z.string().min(2).max(35).optional(),
  })
  .refine((t) => t.endFrame > t.startFrame, { message: "must be greater than startFrame", path: ["endFrame"] });
export type NewUserTag = z.infer<typeof NewUserTag>;

export const TagAddParams = requestParams({ clipId: CatalogId, add: NewUserTag });
export type TagAddParams = z.infer<typeof TagAddParams>;

/** `tags.review`: decide on a stored tag, or add a user tag to a clip; answers with the stored tag. */
export const TagsReviewParams = z.union([TagDecisionParams, TagAddParams]);
export type TagsReviewParams = z.infer<typeof TagsReviewParams>;

export const TagsReviewResult = StoredTag;
export type TagsReviewResult = z.infer<typeof TagsReviewResult>;
