import { chromaDifference } from "./chromaDifference.ts";
import { motionDifference, type FrameDifference } from "./frameDifference.ts";
import type { LumaFrame } from "./LumaFrame.ts";

/**
 * The difference a cut is judged on: whichever of structure (motion-compensated luma) and colour
 * changed more, with its share of changed blocks. `luma` is the structure part alone, which the
 * dissolve test needs to tell motion from a blend.
 */
export function cutDifference(a: LumaFrame, b: LumaFrame): FrameDifference & { readonly luma: FrameDifference } {
  const luma = motionDifference(a, b);
  const colour = chromaDifference(a, b, luma);
  return { ...(colour.score > luma.score ? colour : luma), luma };
}

/**
 * Whether frame b shows the picture of frame a again, for the flash checks: structure, or the colour
 * of every coloured block, whichever differs more. A colour-only cut never returns to the old colour.
 */
export function returnDifference(a: LumaFrame, b: LumaFrame): number {
  const luma = motionDifference(a, b);
  return Math.max(luma.score, chromaDifference(a, b, luma, { everyBlock: true }).score);
}
