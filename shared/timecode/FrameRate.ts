import { TimecodeError } from "./TimecodeError.ts";

/**
 * A frame rate as an exact rational `num / den` frames per second, always reduced and with both
 * parts positive integers. NTSC rates are not 29.97 but 30000/1001; keeping the ratio exact is what
 * lets seconds and Premiere ticks convert without drift over a 24-hour recording.
 *
 * A plain object rather than a class so it survives JSON between engine and host panels.
 */
export interface FrameRate {
  readonly num: number;
  readonly den: number;
}

/** Anything faster is a typo or a corrupt header, not footage a logger will ever see. */
export const MAX_FRAMES_PER_SECOND = 1000;

/**
 * Decimal spellings in the wild (camera menus, NLE dialogs, file names) of the NTSC rates. They are
 * rounded labels of 1000/1001 rates, so they map to the exact ratio, not to their literal value.
 */
const NTSC_DECIMALS: Readonly<Record<string, FrameRate>> = {
  "23.976": { num: 24000, den: 1001 },
  "23.98": { num: 24000, den: 1001 },
  "29.97": { num: 30000, den: 1001 },
  "59.94": { num: 60000, den: 1001 },
};

const RATIO_PATTERN = /^(\d+)\s*\/\s*(\d+)$/;
const DECIMAL_PATTERN = /^(\d+)(?:\.(\d+))?$/;

/** Builds a validated, reduced frame rate: `frameRate(60000, 2002)` is {num: 30000, den: 1001}. */
export function frameRate(num: number, den = 1): FrameRate {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) {
    throw new TimecodeError(`frame rate ${String(num)}/${String(den)} must be a ratio of integers`);
  }
  if (num <= 0 || den <= 0) {
    throw new TimecodeError(`frame rate ${num}/${den} must be positive`);
  }
  if (num / den > MAX_FRAMES_PER_SECOND) {
    throw new TimecodeError(`frame rate ${num}/${den} exceeds ${MAX_FRAMES_PER_SECOND} fps`);
  }
  const divisor = greatestCommonDivisor(num, den);
  return Object.freeze({ num: num / divisor, den: den / divisor });
}

/**
 * Checks a frame rate that arrived as a plain object (JSON, a host panel) and returns it reduced.
 * Returns the very same object when it already is valid and reduced, so hot paths allocate nothing.
 */
export function requireFrameRate(rate: FrameRate): FrameRate {
  const checked = frameRate(rate.num, rate.den);
  return checked.num === rate.num && checked.den === rate.den ? rate : checked;
}

/**
 * Parses "30000/1001", "25/1", "25", "25.00" and the NTSC decimals "23.976", "23.98", "29.97",
 * "59.94". Any other decimal is rejected: "29.97" is a label for 30000/1001, but "12.34" has no
 * known exact meaning and guessing one would silently drift.
 */
export function parseFrameRate(text: string): FrameRate {
  const trimmed = text.trim();
  const ratio = RATIO_PATTERN.exec(trimmed);
  if (ratio) {
    return frameRate(Number(ratio[1]), Number(ratio[2]));
  }
  const decimal = DECIMAL_PATTERN.exec(trimmed);
  if (decimal) {
    const whole = decimal[1] ?? "";
    const fraction = (decimal[2] ?? "").replace(/0+$/, "");
    if (fraction === "") {
      return frameRate(Number(whole));
    }
    const ntsc = NTSC_DECIMALS[`${Number(whole)}.${fraction}`];
    if (ntsc) {
      return frameRate(ntsc.num, ntsc.den);
    }
    throw new TimecodeError(`frame rate "${text}" is a decimal without a known exact ratio; write it as num/den`);
  }
  throw new TimecodeError(`"${text}" is not a frame rate`);
}

/** Always "num/den" (also "25/1"), the form ffprobe reports and `parseFrameRate` reads back. */
export function formatFrameRate(rate: FrameRate): string {
  const checked = requireFrameRate(rate);
  return `${checked.num}/${checked.den}`;
}

/** Frames per second as a double, for display and for APIs that want a number; never for math. */
export function fps(rate: FrameRate): number {
  const checked = requireFrameRate(rate);
  return checked.num / checked.den;
}

export function sameFrameRate(a: FrameRate, b: FrameRate): boolean {
  const left = requireFrameRate(a);
  const right = requireFrameRate(b);
  return left.num === right.num && left.den === right.den;
}

function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) {
    const remainder = a % b;
    a = b;
    b = remainder;
  }
  return a;
}
