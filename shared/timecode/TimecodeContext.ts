import { indexFromStart, startFrameOfDay, type ClipTimecodeOptions } from "./clipTimecode.ts";
import { formatWithScheme } from "./formatTimecode.ts";
import type { FrameRate } from "./FrameRate.ts";
import type { FrameRounding } from "./FrameRounding.ts";
import { parseWithScheme } from "./parseTimecode.ts";
import { framesToTicks, ticksToFrames } from "./premiereTicks.ts";
import { requireFrameCount } from "./requireFrameCount.ts";
import { framesToSeconds, secondsToFrames } from "./seconds.ts";
import { resolveTimecodeScheme } from "./TimecodeScheme.ts";

/**
 * One clip's timecode settings bound together, so a panel that converts thousands of positions
 * neither repeats rate / drop-frame / start at every call nor re-validates them. Every method is a
 * thin wrapper over the module's pure functions; frame indices are 0-based into the clip.
 */
export interface TimecodeContext {
  readonly rate: FrameRate;
  readonly dropFrame: boolean;
  /** Frame count since 00:00:00:00 of the clip's first frame. */
  readonly startFrameOfDay: number;
  readonly framesPerDay: number;
  /** Timecode label of clip frame `frameIndex` (see `frameToTimecode`). */
  toTimecode(frameIndex: number): string;
  /** Clip frame index of a timecode label (see `timecodeToFrame`). */
  toFrame(timecode: string): number;
  toSeconds(frameIndex: number): number;
  fromSeconds(seconds: number, round?: FrameRounding): number;
  toTicks(frameIndex: number): bigint;
  fromTicks(ticks: bigint | string, round?: FrameRounding): number;
}

export function createTimecodeContext(options: ClipTimecodeOptions): TimecodeContext {
  const scheme = resolveTimecodeScheme(options);
  const { rate, dropFrame, framesPerDay } = scheme;
  const start = startFrameOfDay(scheme, options.start);
  return Object.freeze({
    rate,
    dropFrame,
    startFrameOfDay: start,
    framesPerDay,
    toTimecode: (frameIndex: number) => formatWithScheme(scheme, start + requireFrameCount(frameIndex, "frame index")),
    toFrame: (timecode: string) => indexFromStart(scheme, start, parseWithScheme(scheme, timecode)),
    toSeconds: (frameIndex: number) => framesToSeconds(frameIndex, rate),
    fromSeconds: (seconds: number, round: FrameRounding = "nearest") => secondsToFrames(seconds, rate, { round }),
    toTicks: (frameIndex: number) => framesToTicks(frameIndex, rate),
    fromTicks: (ticks: bigint | string, round: FrameRounding = "nearest") => ticksToFrames(ticks, rate, round),
  });
}
