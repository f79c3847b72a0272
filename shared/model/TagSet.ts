import { z } from "zod";
import { Clip } from "./Clip.ts";
import { Keyframe } from "./Keyframe.ts";
import { Shot } from "./Shot.ts";
import { Tag } from "./Tag.ts";

/** Everything one analysis found for one clip. */
export const TagSet = z.object({
  clip: Clip,
  shots: z.array(Shot),
  keyframes: z.array(Keyframe),
  tags: z.array(Tag),
  /** Text read on screen per shot, for full-text search and the description. */
  ocrText: z.array(z.object({ startFrame: z.int().nonnegative(), endFrame: z.int().nonnegative(), text: z.string() })),
  analyzedAt: z.iso.datetime(),
});
export type TagSet = z.infer<typeof TagSet>;
