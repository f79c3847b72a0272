import { type FrameRate, requireFrameRate } from "./FrameRate.ts";
import { TimecodeError } from "./TimecodeError.ts";

/**
 * How many frame *numbers* drop-frame timecode skips at the start of each minute (except every
 * tenth minute). No frames of picture are dropped: the labels skip ahead so that the displayed
 * clock keeps up with real time at 1000/1001 rates. SMPTE defines this only for 29.97 (two labels)
 * and 59.94 (four labels); 23.976 has no drop-frame counting, however often it is asked for.
 */
export function dropFramesPerMinute(rate: FrameRate): 2 | 4 {
  const checked = requireFrameRate(rate);
  if (checked.den === 1001 && checked.num === 30000) return 2;
  if (checked.den === 1001 && checked.num === 60000) return 4;
  throw new TimecodeError(
    `drop-frame timecode exists only at 30000/1001 and 60000/1001, ` + `not at ${checked.num}/${checked.den}`,
  );
}

export function supportsDropFrame(rate: FrameRate): boolean {
  const checked = requireFrameRate(rate);
  return checked.den === 1001 && (checked.num === 30000 || checked.num === 60000);
}
