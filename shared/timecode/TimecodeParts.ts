import { TimecodeError } from "./TimecodeError.ts";
import type { TimecodeScheme } from "./TimecodeScheme.ts";

/** The four displayed fields of a timecode label, e.g. 01:00:00;02. */
export interface TimecodeParts {
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  readonly frames: number;
}

/**
 * The label of the frame `frameCount` frames after 00:00:00:00. Counts outside one day wrap the
 * way a timecode generator rolls over at midnight; negative counts wrap back from the day's end.
 */
export function framesToTimecodeParts(scheme: TimecodeScheme, frameCount: number): TimecodeParts {
  const day = scheme.framesPerDay;
  let label = ((frameCount % day) + day) % day;
  const dropped = scheme.droppedPerMinute;
  if (dropped > 0) {
    label += skippedLabelsBefore(label, scheme.nominalRate, dropped);
  }
  const n = scheme.nominalRate;
  const frames = label % n;
  const totalSeconds = (label - frames) / n;
  const seconds = totalSeconds % 60;
  const totalMinutes = (totalSeconds - seconds) / 60;
  const minutes = totalMinutes % 60;
  return { hours: (totalMinutes - minutes) / 60, minutes, seconds, frames };
}

/**
 * The frame count since 00:00:00:00 of a label. Rejects out-of-range fields and, in drop-frame,
 * labels that the count skips (frames 00 and 01 of 00:01:00;xx at 29.97): no frame carries them,
 * so accepting one would invent a position.
 */
export function timecodePartsToFrames(scheme: TimecodeScheme, parts: TimecodeParts): number {
  const { hours, minutes, seconds, frames } = parts;
  const n = scheme.nominalRate;
  const reject = (reason: string) => new TimecodeError(`${describe(scheme, parts)} ${reason}`);
  if (!isCount(hours) || hours >= 24) throw reject("is out of range: hours must be 0..23");
  if (!isCount(minutes) || minutes >= 60) throw reject("is out of range: minutes must be 0..59");
  if (!isCount(seconds) || seconds >= 60) throw reject("is out of range: seconds must be 0..59");
  if (!isCount(frames) || frames >= n) throw reject(`is out of range: frames must be 0..${n - 1}`);

  const totalMinutes = hours * 60 + minutes;
  const labelCount = (totalMinutes * 60 + seconds) * n + frames;
  const dropped = scheme.droppedPerMinute;
  if (dropped === 0) {
    return labelCount;
  }
  if (seconds === 0 && frames < dropped && minutes % 10 !== 0) {
    throw reject(
      `does not exist in drop-frame timecode: frame numbers 0..${dropped - 1} ` +
        `are skipped at the start of every minute except each tenth`,
    );
  }
  return labelCount - dropped * (totalMinutes - Math.floor(totalMinutes / 10));
}

/**
 * Labels skipped before frame `frame` (0 <= frame < one day): all nine dropping minutes of each
 * completed ten-minute block, plus the dropping minutes begun in the current block. The first
 * minute of a block keeps all its labels, hence `remainder - dropped`.
 */
function skippedLabelsBefore(frame: number, n: number, dropped: number): number {
  const framesPerTenMinutes = n * 600 - 9 * dropped;
  const framesPerDroppingMinute = n * 60 - dropped;
  const blocks = Math.floor(frame / framesPerTenMinutes);
  const remainder = frame % framesPerTenMinutes;
  const inBlock = remainder > dropped ? dropped * Math.floor((remainder - dropped) / framesPerDroppingMinute) : 0;
  return 9 * dropped * blocks + inBlock;
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** Echoes the label the way the user typed it (modulo separators) so the message is findable. */
function describe(scheme: TimecodeScheme, parts: TimecodeParts): string {
  const field = (value: number) => String(value).padStart(2, "0");
  const separator = scheme.dropFrame ? ";" : ":";
  const { hours, minutes, seconds, frames } = parts;
  return `"${field(hours)}:${field(minutes)}:${field(seconds)}${separator}${field(frames)}"`;
}
