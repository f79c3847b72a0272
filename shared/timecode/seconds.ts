import type { FrameRounding } from "./FrameRounding.ts";
import { type FrameRate, requireFrameRate } from "./FrameRate.ts";
import { requireFrameCount } from "./requireFrameCount.ts";
import { TimecodeError } from "./TimecodeError.ts";

/**
 * Media time at which frame `frameIndex` starts: `frameIndex * den / num`, exact up to one rounding
 * of the final double. This is real time, not the displayed timecode: at 29.97 DF the frame
 * labelled 01:00:00;00 starts at 3599.9964 s, and at 23.976 NDF it starts at 3603.6 s.
 */
export function framesToSeconds(frameIndex: number, rate: FrameRate): number {
  const { num, den } = requireFrameRate(rate);
  return (requireFrameCount(frameIndex, "frame index") * den) / num;
}

/**
 * Frame at media time `seconds`. "nearest" (default) picks the frame whose start is closest, an
 * exact tie going to the later frame; "floor" picks the frame on screen at that moment.
 *
 * Times usually come from `framesToSeconds` or a player and are a few ulps off the exact frame
 * start; without a tolerance "floor" would return the previous frame for them. So a value within
 * a relative 1e-12 (at least 1e-9 frames) below a frame boundary counts as on the boundary.
 */
export function secondsToFrames(
  seconds: number,
  rate: FrameRate,
  options: { readonly round?: FrameRounding } = {},
): number {
  if (!Number.isFinite(seconds)) {
    throw new TimecodeError(`time ${String(seconds)} s is not a finite number`);
  }
  const { num, den } = requireFrameRate(rate);
  const exactFrames = (seconds * num) / den;
  const snapped = snapToInteger(exactFrames);
  const frames = options.round === "floor" ? Math.floor(snapped) : Math.floor(snapped + 0.5);
  // `+ 0` turns -0 into 0 so callers comparing with Object.is or printing see "0".
  return requireFrameCount(frames + 0, "frame index");
}

function snapToInteger(value: number): number {
  const nearest = Math.round(value);
  const tolerance = Math.max(1e-9, Math.abs(value) * 1e-12);
  return Math.abs(value - nearest) <= tolerance ? nearest : value;
}
