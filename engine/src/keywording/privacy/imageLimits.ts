import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";

/** The design's ceiling for an image that leaves the machine; settings may only lower it. */
export const MAX_LONG_SIDE = 768;

/** Below this a keyframe says nothing to a vision model; a smaller cap is a settings mistake. */
export const MIN_LONG_SIDE = 16;

/** Refuses a long-side cap outside MIN_LONG_SIDE..MAX_LONG_SIDE (a caller's bug, not user input). */
export function checkMaxLongSide(maxLongSide: number): number {
  if (!Number.isInteger(maxLongSide) || maxLongSide < MIN_LONG_SIDE || maxLongSide > MAX_LONG_SIDE) {
    throw new SichterError(ErrorCode.INTERNAL, {
      detail: `maxLongSide must be an integer in ${MIN_LONG_SIDE}..${MAX_LONG_SIDE}, got ${maxLongSide}`,
    });
  }
  return maxLongSide;
}
