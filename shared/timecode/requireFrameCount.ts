import { TimecodeError } from "./TimecodeError.ts";

/**
 * Frame counts must be safe integers: beyond 2^53 neighbouring frames collapse onto the same
 * double, and a fractional frame is always a caller bug that would otherwise surface far away as a
 * wrong timecode.
 */
export function requireFrameCount(value: number, what = "frame count"): number {
  if (!Number.isSafeInteger(value)) {
    throw new TimecodeError(`${what} must be a safe integer, got ${String(value)}`);
  }
  return value;
}
