import { dropFramesPerMinute } from "./dropFrame.ts";
import { type FrameRate, requireFrameRate } from "./FrameRate.ts";
import { TimecodeError } from "./TimecodeError.ts";

/** What every timecode conversion needs to know: the picture rate and how labels are counted. */
export interface TimecodeOptions {
  readonly rate: FrameRate;
  /** Drop-frame counting; only valid at 30000/1001 and 60000/1001. Defaults to false. */
  readonly dropFrame?: boolean;
}

/**
 * The counting rules derived once from `TimecodeOptions`, so per-frame code does no validation.
 * Internal: callers use the option-taking functions or a `TimecodeContext`.
 */
export interface TimecodeScheme {
  readonly rate: FrameRate;
  readonly dropFrame: boolean;
  /** Labels per displayed second: 30 at 29.97, 24 at 23.976. */
  readonly nominalRate: number;
  /** Labels skipped per minute: 0 for non-drop, 2 at 29.97 DF, 4 at 59.94 DF. */
  readonly droppedPerMinute: number;
  /** Frames in one 24-hour timecode day. */
  readonly framesPerDay: number;
  /** Digits of the frames field: 2, or 3 above 100 fps. */
  readonly frameDigits: number;
}

/**
 * The number of frame labels per displayed second. Non-integer rates count their timecode at the
 * rounded rate (23.976 counts 0..23), which is why 23.976 NDF timecode runs slow against a wall
 * clock by 3.6 s per hour.
 */
export function nominalRate(rate: FrameRate): number {
  const checked = requireFrameRate(rate);
  const nominal = Math.round(checked.num / checked.den);
  if (nominal < 1) {
    throw new TimecodeError(
      `frame rate ${checked.num}/${checked.den} is below one frame per second and has no timecode`,
    );
  }
  return nominal;
}

export function resolveTimecodeScheme(options: TimecodeOptions): TimecodeScheme {
  const rate = requireFrameRate(options.rate);
  const dropFrame = options.dropFrame ?? false;
  const nominal = nominalRate(rate);
  const dropped = dropFrame ? dropFramesPerMinute(rate) : 0;
  return {
    rate,
    dropFrame,
    nominalRate: nominal,
    droppedPerMinute: dropped,
    // 144 ten-minute blocks per day; each block drops its labels in 9 of its 10 minutes.
    framesPerDay: 144 * (nominal * 600 - 9 * dropped),
    frameDigits: Math.max(2, String(nominal - 1).length),
  };
}

/**
 * Frames in one 24-hour timecode day, where timecode wraps back to 00:00:00:00:
 * 2,589,408 at 29.97 DF, 5,178,816 at 59.94 DF, 24 * 3600 * nominal rate for non-drop.
 */
export function framesPerDay(rate: FrameRate, dropFrame = false): number {
  return resolveTimecodeScheme({ rate, dropFrame }).framesPerDay;
}
