import { z } from "zod";

/** A media file as the catalog and the hosts know it. */
export const Clip = z.object({
  path: z.string().min(1),
  /** Content fingerprint: recognises the same media after a move or rename. */
  fingerprint: z.string().min(1),
  /** Rational rate "num/den". */
  frameRate: z.string().regex(/^\d+\/\d+$/),
  dropFrame: z.boolean(),
  startTimecode: z.string(),
  frameCount: z.int().nonnegative(),
  durationSeconds: z.number().nonnegative(),
  width: z.int().nonnegative(),
  height: z.int().nonnegative(),
});
export type Clip = z.infer<typeof Clip>;
