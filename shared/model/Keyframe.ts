import { z } from "zod";

/** A representative frame of a shot. `file` is set while the picture exists on disk. */
export const Keyframe = z.object({
  shot: z.int().nonnegative(),
  frame: z.int().nonnegative(),
  timecode: z.string(),
  seconds: z.number().nonnegative(),
  /** 64-bit perceptual hash as 16 hex digits. */
  hash: z.string().regex(/^[0-9a-f]{16}$/),
  file: z.string().optional(),
});
export type Keyframe = z.infer<typeof Keyframe>;
