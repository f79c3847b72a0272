import { z } from "zod";

export const TransitionType = z.enum(["cut", "dissolve", "fade"]);

/** A boundary into a shot: a cut has startFrame = endFrame = the shot's first frame. */
export const Transition = z.object({
  type: TransitionType,
  startFrame: z.int().nonnegative(),
  endFrame: z.int().nonnegative(),
});
export type Transition = z.infer<typeof Transition>;

/** Frames [startFrame, endFrame), 0-based from the clip's first frame. */
export const Shot = z.object({
  index: z.int().nonnegative(),
  startFrame: z.int().nonnegative(),
  endFrame: z.int().nonnegative(),
  transition: Transition.nullable(),
});
export type Shot = z.infer<typeof Shot>;
