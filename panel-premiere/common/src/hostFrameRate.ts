import { type FrameRate, PREMIERE_TICKS_PER_SECOND, frameRate } from "@sichter/shared/timecode";

/**
 * The exact rate of a Premiere "ticks per frame" value (sequence settings, ExtendScript's
 * `timebase`): 8475667200 ticks per frame is 30000/1001, not 29.97.
 */
export function rateFromTicksPerFrame(ticksPerFrame: bigint | number | string): FrameRate {
  const ticks = BigInt(ticksPerFrame);
  if (ticks <= 0n) throw new RangeError(`ticks per frame must be positive, got ${String(ticksPerFrame)}`);
  return frameRate(Number(PREMIERE_TICKS_PER_SECOND), Number(ticks));
}

/** NTSC rates as hosts print them in doubles (29.97002997...), matched within this distance. */
const NTSC_TOLERANCE = 1e-6;

/**
 * The exact rate behind a frames-per-second double from a host (a footage interpretation's frame
 * rate, a FrameRate's `value`): integers stay integers, n·1000/1001 becomes that ratio, and any
 * other value is taken as the whole number of ticks per frame Premiere stores it as.
 */
export function rateFromFps(value: number): FrameRate {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`frame rate must be positive, got ${value}`);
  const whole = Math.round(value);
  if (Math.abs(value - whole) < NTSC_TOLERANCE) return frameRate(whole);
  const ntsc = Math.round((value * 1001) / 1000);
  if (Math.abs(value - (ntsc * 1000) / 1001) < NTSC_TOLERANCE) return frameRate(ntsc * 1000, 1001);
  return rateFromTicksPerFrame(Math.round(Number(PREMIERE_TICKS_PER_SECOND) / value));
}
