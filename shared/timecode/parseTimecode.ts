import { TimecodeError } from "./TimecodeError.ts";
import { timecodePartsToFrames } from "./TimecodeParts.ts";
import { resolveTimecodeScheme, type TimecodeOptions, type TimecodeScheme } from "./TimecodeScheme.ts";

/**
 * Hours may have one digit ("1:00:00:00" from hand entry). Premiere displays drop-frame as
 * "00;00;00;00", so ';' is accepted between every field; before the frames other tools also write
 * '.' or ','. The separator is never trusted to say whether a label is drop-frame (tools disagree
 * on what '.' and ',' mean, and users retype labels): the options say that.
 */
const TIMECODE_PATTERN = /^(\d{1,2})[:;](\d{2})[:;](\d{2})[:;.,](\d{2,3})$/;

/** Frame count since 00:00:00:00 (0 <= result < one day) of a timecode label. */
export function parseTimecode(text: string, options: TimecodeOptions): number {
  return parseWithScheme(resolveTimecodeScheme(options), text);
}

/** `parseTimecode` for a scheme resolved in advance. */
export function parseWithScheme(scheme: TimecodeScheme, text: string): number {
  const match = typeof text === "string" ? TIMECODE_PATTERN.exec(text.trim()) : null;
  if (!match) {
    throw new TimecodeError(`"${String(text)}" is not a timecode of the form HH:MM:SS:FF`);
  }
  return timecodePartsToFrames(scheme, {
    hours: Number(match[1]),
    minutes: Number(match[2]),
    seconds: Number(match[3]),
    frames: Number(match[4]),
  });
}
