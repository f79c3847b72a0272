import type { FrameRounding } from "./FrameRounding.ts";
import { type FrameRate, requireFrameRate } from "./FrameRate.ts";
import { requireFrameCount } from "./requireFrameCount.ts";
import { TimecodeError } from "./TimecodeError.ts";

/**
 * Premiere Pro's time unit. It is divisible by every common frame duration (including the 1001
 * rates), so Premiere positions are exact integers, but a day of ticks (2.2e16) is beyond the
 * doubles' exact range (9e15): all tick math here is BigInt.
 */
export const PREMIERE_TICKS_PER_SECOND = 254_016_000_000n;

const TICKS_PATTERN = /^-?\d+$/;

/** Ticks per frame at `rate`, e.g. 8475667200n at 30000/1001; throws when not a whole number. */
export function ticksPerFrame(rate: FrameRate): bigint {
  const { num, den } = requireFrameRate(rate);
  const ticks = PREMIERE_TICKS_PER_SECOND * BigInt(den);
  if (ticks % BigInt(num) !== 0n) {
    throw new TimecodeError(`a frame at ${num}/${den} fps is not a whole number of Premiere ticks`);
  }
  return ticks / BigInt(num);
}

/**
 * Tick position at which frame `frameIndex` starts. Exact for every rate Premiere supports; for a
 * rate whose frame is not a whole number of ticks the position is rounded to the nearest tick
 * (a tie goes to the later tick).
 */
export function framesToTicks(frameIndex: number, rate: FrameRate): bigint {
  const { num, den } = requireFrameRate(rate);
  const frames = BigInt(requireFrameCount(frameIndex, "frame index"));
  const product = frames * PREMIERE_TICKS_PER_SECOND * BigInt(den);
  return divideRounded(product, BigInt(num), "nearest");
}

/**
 * Frame at tick position `ticks`; Premiere's APIs hand ticks over as decimal strings, which are
 * accepted as they are. Rounding as in `secondsToFrames` ("nearest" by default, ties to the later
 * frame; "floor" for the frame on screen), but exact: no tolerance is needed with integers.
 */
export function ticksToFrames(ticks: bigint | string, rate: FrameRate, round: FrameRounding = "nearest"): number {
  const { num, den } = requireFrameRate(rate);
  // ticks * num / (TICKS_PER_SECOND * den) with one division at the end, so the result is exact
  // even at rates whose frame is not a whole number of ticks.
  const ticksForNumFrames = PREMIERE_TICKS_PER_SECOND * BigInt(den);
  const frames = divideRounded(toTicks(ticks) * BigInt(num), ticksForNumFrames, round);
  return requireFrameCount(Number(frames), "frame index");
}

/** Seconds of a tick position, split into whole seconds first so long positions keep precision. */
export function ticksToSeconds(ticks: bigint | string): number {
  const value = toTicks(ticks);
  const wholeSeconds = floorDivide(value, PREMIERE_TICKS_PER_SECOND);
  const remainder = value - wholeSeconds * PREMIERE_TICKS_PER_SECOND;
  return Number(wholeSeconds) + Number(remainder) / Number(PREMIERE_TICKS_PER_SECOND);
}

function toTicks(ticks: bigint | string): bigint {
  if (typeof ticks === "bigint") {
    return ticks;
  }
  const trimmed = typeof ticks === "string" ? ticks.trim() : "";
  if (!TICKS_PATTERN.test(trimmed)) {
    throw new TimecodeError(`"${String(ticks)}" is not a Premiere tick count (an integer)`);
  }
  return BigInt(trimmed);
}

/** BigInt `/` truncates toward zero; positions before zero need true floor division. */
function floorDivide(dividend: bigint, divisor: bigint): bigint {
  const quotient = dividend / divisor;
  return dividend % divisor < 0n ? quotient - 1n : quotient;
}

function divideRounded(dividend: bigint, divisor: bigint, round: FrameRounding): bigint {
  return round === "floor" ? floorDivide(dividend, divisor) : floorDivide(2n * dividend + divisor, 2n * divisor);
}
