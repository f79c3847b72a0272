import type { TimecodeContext } from "@sichter/shared/timecode";
import { clipTimecode } from "./clipTimecode.ts";
import type { MediaInfo } from "./MediaInfo.ts";

type TimedMedia = Pick<
  MediaInfo,
  "frameRate" | "timecodeRate" | "startTimecode" | "dropFrame" | "frameTimes" | "frameCount" | "durationSeconds"
>;

/** A clip's timecode as an editing application counts it, for Sichter's frame numbers. */
export interface MediaTimecode {
  /** The rate timecode and timeline frames count at, "num/den". */
  readonly frameRate: string;
  readonly context: TimecodeContext;
  /** The frame at that rate that file frame `frame` is shown on (`frameCount`: the clip's end). */
  timelineFrame(frame: number): number;
  /** Timecode of file frame `frame`. */
  toTimecode(frame: number): string;
}

/**
 * Sichter numbers frames as they lie in the file; an editing application numbers them by time at
 * the clip's nominal rate. The two agree for constant-rate clips. In a variable-rate clip the
 * frame at 3.754 s is 00:00:03:18 at 24000/1001 whatever number of frames came before it: file
 * frames there map to the nominal-rate frame their presentation time falls on.
 */
export function mediaTimecode(media: TimedMedia): MediaTimecode {
  const frameRate = media.timecodeRate ?? media.frameRate;
  const context = clipTimecode({ ...media, frameRate });
  const [num, den] = frameRate.split("/").map(Number) as [number, number];
  const timelineFrame =
    frameRate === media.frameRate
      ? (frame: number) => frame
      : (frame: number) =>
          Math.round(
            ((frame >= media.frameCount ? media.durationSeconds : (media.frameTimes[Math.max(0, frame)] ?? 0)) * num) /
              den,
          );
  return { frameRate, context, timelineFrame, toTimecode: (frame) => context.toTimecode(timelineFrame(frame)) };
}
