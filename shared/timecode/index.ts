/**
 * Timecode for Sichter: exact frame rates, SMPTE drop-frame and non-drop labels, clip start
 * offsets, seconds, Premiere ticks and XMP rate notation. Self-contained (no imports from outside this
 * folder, no Node APIs) because it runs in the engine, in browsers and in Adobe UXP panels.
 */
export { TimecodeError } from "./TimecodeError.ts";
export {
  type FrameRate,
  MAX_FRAMES_PER_SECOND,
  formatFrameRate,
  fps,
  frameRate,
  parseFrameRate,
  requireFrameRate,
  sameFrameRate,
} from "./FrameRate.ts";
export type { FrameRounding } from "./FrameRounding.ts";
export { dropFramesPerMinute, supportsDropFrame } from "./dropFrame.ts";
export { type TimecodeOptions, framesPerDay, nominalRate } from "./TimecodeScheme.ts";
export type { TimecodeParts } from "./TimecodeParts.ts";
export { formatTimecode } from "./formatTimecode.ts";
export { parseTimecode } from "./parseTimecode.ts";
export { type ClipTimecodeOptions, frameToTimecode, timecodeToFrame } from "./clipTimecode.ts";
export { framesToSeconds, secondsToFrames } from "./seconds.ts";
export {
  PREMIERE_TICKS_PER_SECOND,
  framesToTicks,
  ticksPerFrame,
  ticksToFrames,
  ticksToSeconds,
} from "./premiereTicks.ts";
export { parseXmpFrameRate, toXmpFrameRate } from "./xmpFrameRate.ts";
export { type TimecodeContext, createTimecodeContext } from "./TimecodeContext.ts";
