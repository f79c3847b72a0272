import {
  createTimecodeContext,
  parseFrameRate,
  supportsDropFrame,
  type TimecodeContext,
} from "@sichter/shared/timecode";
import type { MediaInfo } from "./MediaInfo.ts";

/**
 * Timecode of a probed clip: its own start timecode and drop-frame flag when it carries one,
 * otherwise 00:00:00:00 non-drop (what Premiere and Resolve show for such media).
 */
export function clipTimecode(media: Pick<MediaInfo, "frameRate" | "startTimecode" | "dropFrame">): TimecodeContext {
  const rate = parseFrameRate(media.frameRate);
  const dropFrame = media.dropFrame && supportsDropFrame(rate);
  return createTimecodeContext({ rate, dropFrame, start: media.startTimecode ?? 0 });
}
