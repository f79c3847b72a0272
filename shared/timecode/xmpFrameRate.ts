import { type FrameRate, frameRate, requireFrameRate } from "./FrameRate.ts";
import { TimecodeError } from "./TimecodeError.ts";

/** XMP Dynamic Media writes rates as "f25" or "f30000s1001" (frames numerator, 's' denominator). */
const XMP_FRAME_RATE_PATTERN = /^f(\d+)(?:s(\d+))?$/;

/** "f25" for whole rates, "f30000s1001" otherwise; the notation of xmpDM:frameRate / timeScale. */
export function toXmpFrameRate(rate: FrameRate): string {
  const { num, den } = requireFrameRate(rate);
  return den === 1 ? `f${num}` : `f${num}s${den}`;
}

/**
 * Reads "fN" or "fNsD". Decimal forms such as "f29.97" are not XMP and are rejected rather than
 * guessed at, so a malformed sidecar is reported instead of drifting.
 */
export function parseXmpFrameRate(text: string): FrameRate {
  const match = typeof text === "string" ? XMP_FRAME_RATE_PATTERN.exec(text.trim()) : null;
  if (!match) {
    throw new TimecodeError(`"${String(text)}" is not an XMP frame rate such as f25 or f30000s1001`);
  }
  return frameRate(Number(match[1]), match[2] === undefined ? 1 : Number(match[2]));
}
