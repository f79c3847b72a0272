import { describe, expect, it } from "vitest";
import { frameRate, parseFrameRate } from "./FrameRate.ts";
import {
  framesToTicks,
  PREMIERE_TICKS_PER_SECOND,
  ticksPerFrame,
  ticksToFrames,
  ticksToSeconds,
} from "./premiereTicks.ts";
import { framesPerDay } from "./TimecodeScheme.ts";
import { TimecodeError } from "./TimecodeError.ts";

describe("ticksPerFrame", () => {
  it.each([
    ["30000/1001", 8_475_667_200n],
    ["24000/1001", 10_594_584_000n],
    ["60000/1001", 4_237_833_600n],
    ["25", 10_160_640_000n],
    ["24", 10_584_000_000n],
    ["30", 8_467_200_000n],
    ["50", 5_080_320_000n],
    ["60", 4_233_600_000n],
  ])("%s: %s ticks", (text, ticks) => {
    expect(ticksPerFrame(parseFrameRate(text))).toBe(ticks);
    expect(framesToTicks(1, parseFrameRate(text))).toBe(ticks);
  });

  it("throws when a frame is not a whole number of ticks", () => {
    // 254016000000 = 2^12 * 3^4 * 5^6 * 7^2: a rate whose numerator has another prime factor.
    expect(() => ticksPerFrame(frameRate(11, 1))).toThrow(TimecodeError);
    expect(() => ticksPerFrame(frameRate(22, 3))).toThrow(TimecodeError);
  });

  it("rounds framesToTicks to the nearest tick at such rates", () => {
    // 254016000000 / 11 = 23092363636.36...; two frames = 46184727272.72...
    expect(framesToTicks(1, frameRate(11))).toBe(23_092_363_636n);
    expect(framesToTicks(2, frameRate(11))).toBe(46_184_727_273n);
    expect(framesToTicks(11, frameRate(11))).toBe(PREMIERE_TICKS_PER_SECOND);
  });
});

describe("frames and ticks", () => {
  it("round-trips every 997th frame of a 29.97 day with zero drift", () => {
    const rate = parseFrameRate("29.97");
    const perFrame = ticksPerFrame(rate);
    const failures: number[] = [];
    for (let frame = 0; frame < framesPerDay(rate, false); frame += 997) {
      const ticks = framesToTicks(frame, rate);
      if (ticks !== BigInt(frame) * perFrame) failures.push(frame);
      if (ticksToFrames(ticks, rate) !== frame) failures.push(frame);
      if (ticksToFrames(ticks.toString(), rate, "floor") !== frame) failures.push(frame);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it("is exact beyond the double range of a day of ticks", () => {
    const rate = parseFrameRate("29.97");
    const day = 2_589_408 * 2;
    const ticks = framesToTicks(day, rate);
    expect(ticks > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(ticks).toBe(8_475_667_200n * BigInt(day));
    expect(ticksToFrames(ticks + 1n, rate, "floor")).toBe(day);
  });

  it("reads Premiere's decimal tick strings", () => {
    const rate = parseFrameRate("29.97");
    expect(ticksToFrames("8475667200", rate)).toBe(1);
    expect(ticksToFrames("914456208038400", rate)).toBe(107892);
    expect(ticksToFrames(" 0 ", rate)).toBe(0);
    expect(ticksToFrames("-8475667200", rate)).toBe(-1);
  });

  it.each(["", "abc", "1.5", "1e9", "0x10", "12 34"])("rejects tick string %j", (text) => {
    expect(() => ticksToFrames(text, parseFrameRate("25"))).toThrow(TimecodeError);
  });

  it("rounds between frames: nearest with ties to the later frame, or floor", () => {
    const rate = frameRate(25);
    const perFrame = 10_160_640_000n;
    expect(ticksToFrames(perFrame / 2n - 1n, rate)).toBe(0);
    expect(ticksToFrames(perFrame / 2n, rate)).toBe(1);
    expect(ticksToFrames(perFrame - 1n, rate, "floor")).toBe(0);
    expect(ticksToFrames(-1n, rate, "floor")).toBe(-1);
    expect(ticksToFrames(-1n, rate)).toBe(0);
  });
});

describe("ticksToSeconds", () => {
  it("converts whole and fractional seconds", () => {
    expect(ticksToSeconds(PREMIERE_TICKS_PER_SECOND)).toBe(1);
    expect(ticksToSeconds("127008000000")).toBe(0.5);
    expect(ticksToSeconds(framesToTicks(107892, parseFrameRate("29.97")))).toBe(3599.9964);
    expect(ticksToSeconds(-PREMIERE_TICKS_PER_SECOND / 2n)).toBe(-0.5);
  });

  it("keeps precision where the tick count exceeds 2^53", () => {
    const ticks = PREMIERE_TICKS_PER_SECOND * 86_400n + 1n;
    expect(ticksToSeconds(ticks)).toBe(86_400 + 1 / 254_016_000_000);
  });
});
