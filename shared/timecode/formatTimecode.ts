import { requireFrameCount } from "./requireFrameCount.ts";
import { framesToTimecodeParts } from "./TimecodeParts.ts";
import { resolveTimecodeScheme, type TimecodeOptions, type TimecodeScheme } from "./TimecodeScheme.ts";

/** "00".."99", built once: formatting runs per frame (exports, scrubbing), so it skips padStart. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, "0"));

/**
 * SMPTE label of the frame `frameCount` frames after 00:00:00:00: "HH:MM:SS:FF", or "HH:MM:SS;FF"
 * in drop-frame, where the semicolon is what tells a reader the count skips labels. Wraps at 24 h.
 */
export function formatTimecode(frameCount: number, options: TimecodeOptions): string {
  return formatWithScheme(resolveTimecodeScheme(options), requireFrameCount(frameCount));
}

/** `formatTimecode` for a scheme resolved in advance; the frame count must already be checked. */
export function formatWithScheme(scheme: TimecodeScheme, frameCount: number): string {
  const { hours, minutes, seconds, frames } = framesToTimecodeParts(scheme, frameCount);
  const separator = scheme.dropFrame ? ";" : ":";
  const frameField = scheme.frameDigits === 2 ? twoDigits(frames) : String(frames).padStart(scheme.frameDigits, "0");
  return `${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}${separator}${frameField}`;
}

function twoDigits(value: number): string {
  return TWO_DIGITS[value] ?? String(value);
}
