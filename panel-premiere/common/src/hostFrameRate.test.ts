import { describe, expect, it } from "vitest";
import { ticksPerFrame } from "@sichter/shared/timecode";
import { rateFromFps, rateFromTicksPerFrame } from "./hostFrameRate.ts";

describe("rateFromTicksPerFrame", () => {
  it.each([
    ["10594584000", 24000, 1001],
    ["10584000000", 24, 1],
    ["10160640000", 25, 1],
    ["8475667200", 30000, 1001],
    ["5080320000", 50, 1],
    ["4237833600", 60000, 1001],
  ])("%s ticks per frame is %i/%i", (ticks, num, den) => {
    const rate = rateFromTicksPerFrame(ticks);
    expect(rate).toEqual({ num, den });
    expect(ticksPerFrame(rate)).toBe(BigInt(ticks));
  });

  it("refuses a frame of no ticks", () => {
    expect(() => rateFromTicksPerFrame(0)).toThrow(RangeError);
  });
});

describe("rateFromFps", () => {
  it.each([
    [23.976023976023978, 24000, 1001],
    [24, 24, 1],
    [25, 25, 1],
    [29.97002997002997, 30000, 1001],
    [50, 50, 1],
    [59.94005994005994, 60000, 1001],
  ])("%d fps is the exact rate", (fps, num, den) => {
    expect(rateFromFps(fps)).toEqual({ num, den });
  });

  it("does not read a rounded label such as 23.976 as an NTSC rate", () => {
    // Hosts hand over doubles of the exact rate; a label is 24 ppm off and means something else.
    expect(rateFromFps(23.976)).not.toEqual({ num: 24000, den: 1001 });
  });

  it("keeps odd rates exact through Premiere's ticks per frame", () => {
    // 12.5 fps is 20321280000 ticks per frame.
    expect(rateFromFps(12.5)).toEqual({ num: 25, den: 2 });
  });
});
