import { formatWithScheme } from "./formatTimecode.ts";
import { parseWithScheme } from "./parseTimecode.ts";
import { requireFrameCount } from "./requireFrameCount.ts";
import { resolveTimecodeScheme, type TimecodeOptions, type TimecodeScheme } from "./TimecodeScheme.ts";

/** Timecode of a media file whose first frame is labelled `start` (e.g. "01:00:00;00"). */
export interface ClipTimecodeOptions extends TimecodeOptions {
  /**
   * Label of the file's first frame: a timecode string, or a frame count since 00:00:00:00 (wrapped
   * into one day). Defaults to 00:00:00:00.
   */
  readonly start?: string | number;
}

/** Timecode label of the 0-based frame `frameIndex` of the file; wraps past midnight. */
export function frameToTimecode(frameIndex: number, options: ClipTimecodeOptions): string {
  const scheme = resolveTimecodeScheme(options);
  const index = requireFrameCount(frameIndex, "frame index");
  return formatWithScheme(scheme, startFrameOfDay(scheme, options.start) + index);
}

/**
 * The 0-based frame index in the file of a timecode label; negative when the label lies before the
 * start. A label only names a time of day, so the index is taken as the nearest one: the result is
 * in [-day/2, day/2). That makes a clip starting at 23:59:59:00 find "00:00:01:00" two seconds in,
 * after midnight, rather than a day before. Clips longer than 12 hours are ambiguous by nature.
 */
export function timecodeToFrame(timecode: string, options: ClipTimecodeOptions): number {
  const scheme = resolveTimecodeScheme(options);
  const start = startFrameOfDay(scheme, options.start);
  return indexFromStart(scheme, start, parseWithScheme(scheme, timecode));
}

/** Frame count since 00:00:00:00 of the clip's first frame. */
export function startFrameOfDay(scheme: TimecodeScheme, start: string | number | undefined): number {
  if (start === undefined) {
    return 0;
  }
  if (typeof start === "number") {
    const day = scheme.framesPerDay;
    return ((requireFrameCount(start, "start frame") % day) + day) % day;
  }
  return parseWithScheme(scheme, start);
}

/** The offset from `startOfDay` to `frameOfDay` closest to zero, as a frame index into the clip. */
export function indexFromStart(scheme: TimecodeScheme, startOfDay: number, frameOfDay: number): number {
  const day = scheme.framesPerDay;
  const half = Math.floor(day / 2);
  return ((((frameOfDay - startOfDay + half) % day) + day) % day) - half;
}
