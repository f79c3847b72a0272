import { describe, expect, it } from "vitest";
import { dropFramesPerMinute, supportsDropFrame } from "./dropFrame.ts";
import { frameRate, parseFrameRate } from "./FrameRate.ts";
import { TimecodeError } from "./TimecodeError.ts";
import { framesPerDay, nominalRate, resolveTimecodeScheme } from "./TimecodeScheme.ts";

const rate = parseFrameRate;

describe("nominalRate", () => {
  it.each([
    ["23.976", 24],
    ["24", 24],
    ["25", 25],
    ["29.97", 30],
    ["30", 30],
    ["50", 50],
    ["59.94", 60],
    ["60", 60],
  ])("counts %s at %i labels per second", (text, nominal) => {
    expect(nominalRate(rate(text))).toBe(nominal);
  });

  it("refuses timecode below one frame per second", () => {
    expect(() => nominalRate(frameRate(1, 3))).toThrow(TimecodeError);
  });
});

describe("drop-frame availability", () => {
  it("drops 2 labels at 29.97 and 4 at 59.94", () => {
    expect(dropFramesPerMinute(rate("30000/1001"))).toBe(2);
    expect(dropFramesPerMinute(rate("60000/1001"))).toBe(4);
  });

  it.each(["23.976", "24", "25", "30", "50", "60", "120000/1001", "48000/1001"])("has no drop-frame at %s", (text) => {
    expect(supportsDropFrame(rate(text))).toBe(false);
    expect(() => dropFramesPerMinute(rate(text))).toThrow(TimecodeError);
    expect(() => resolveTimecodeScheme({ rate: rate(text), dropFrame: true })).toThrow(TimecodeError);
  });

  it("allows both counts at the NTSC rates", () => {
    expect(resolveTimecodeScheme({ rate: rate("29.97"), dropFrame: false }).droppedPerMinute).toBe(0);
    expect(resolveTimecodeScheme({ rate: rate("29.97"), dropFrame: true }).droppedPerMinute).toBe(2);
  });
});

describe("framesPerDay", () => {
  it.each([
    ["29.97", true, 2_589_408],
    ["59.94", true, 5_178_816],
    ["29.97", false, 24 * 3600 * 30],
    ["59.94", false, 24 * 3600 * 60],
    ["23.976", false, 24 * 3600 * 24],
    ["24", false, 24 * 3600 * 24],
    ["25", false, 24 * 3600 * 25],
    ["30", false, 24 * 3600 * 30],
    ["50", false, 24 * 3600 * 50],
    ["60", false, 24 * 3600 * 60],
  ] as const)("%s fps, drop-frame %s: %i frames", (text, dropFrame, frames) => {
    expect(framesPerDay(rate(text), dropFrame)).toBe(frames);
  });

  it("throws for drop-frame at 25", () => {
    expect(() => framesPerDay(rate("25"), true)).toThrow(TimecodeError);
  });
});
