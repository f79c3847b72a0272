import { framesToSeconds, parseFrameRate, secondsToFrames } from "@sichter/shared/timecode";

/**
 * How far past a frame's exact start the player seeks. Chromium keeps media time in whole
 * microseconds and truncates: frame 201 at 25 fps starts at 8.04 s, a double that arrives as
 * 8 039 999 µs and would show frame 200. A tenth of a millisecond is inside the frame at any rate
 * up to 1000 fps.
 */
const INTO_THE_FRAME_SECONDS = 0.0001;

/** The media time to seek a `<video>` to so it shows `frame` (0-based from the clip's first frame). */
export function seekTimeOf(frame: number, frameRate: string): number {
  return framesToSeconds(frame, parseFrameRate(frameRate)) + INTO_THE_FRAME_SECONDS;
}

/** The frame on screen at media time `seconds`, within the clip's frames. */
export function frameAt(seconds: number, frameRate: string, frameCount: number): number {
  const frame = secondsToFrames(Math.max(0, seconds), parseFrameRate(frameRate), { round: "floor" });
  return frameCount > 0 ? Math.min(frame, frameCount - 1) : frame;
}
