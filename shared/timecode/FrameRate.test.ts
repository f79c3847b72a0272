import { describe, expect, it } from "vitest";
import {
  formatFrameRate,
  fps,
  frameRate,
  MAX_FRAMES_PER_SECOND,
  parseFrameRate,
  requireFrameRate,
  sameFrameRate,
} from "./FrameRate.ts";
import { TimecodeError } from "./TimecodeError.ts";

describe("parseFrameRate", () => {
  it.each([
    ["30000/1001", 30000, 1001],
    ["24000/1001", 24000, 1001],
    ["60000/1001", 60000, 1001],
    ["25/1", 25, 1],
    ["25", 25, 1],
    ["25.000", 25, 1],
    [" 50 / 1 ", 50, 1],
    ["60000/2002", 30000, 1001],
    ["50/2", 25, 1],
    ["29.97", 30000, 1001],
    ["29.970", 30000, 1001],
    ["23.976", 24000, 1001],
    ["23.98", 24000, 1001],
    ["59.94", 60000, 1001],
    ["1000", 1000, 1],
  ])("reads %j as %i/%i", (text, num, den) => {
    expect(parseFrameRate(text)).toEqual({ num, den });
  });

  it.each([
    "0/1",
    "0",
    "25/0",
    "abc",
    "",
    "-25",
    "29.96",
    "12.5",
    "1e3",
    "25fps",
    "1001/",
    "1001/1",
    "30000/1001/1",
    "99999999999999999999/1",
  ])("rejects %j with a TimecodeError", (text) => {
    expect(() => parseFrameRate(text)).toThrow(TimecodeError);
  });
});

describe("frameRate", () => {
  it("reduces the ratio", () => {
    expect(frameRate(120000, 4004)).toEqual({ num: 30000, den: 1001 });
  });

  it.each([
    [0, 1],
    [-30, 1],
    [30, -1],
    [29.97, 1],
    [Number.NaN, 1],
    [Number.POSITIVE_INFINITY, 1],
    [MAX_FRAMES_PER_SECOND + 1, 1],
  ])("rejects %d/%d", (num, den) => {
    expect(() => frameRate(num, den)).toThrow(TimecodeError);
  });

  it("accepts the sanity limit itself", () => {
    expect(frameRate(MAX_FRAMES_PER_SECOND)).toEqual({ num: 1000, den: 1 });
  });
});

describe("formatting and fps", () => {
  it("formats num/den and reads it back", () => {
    for (const text of ["30000/1001", "24000/1001", "60000/1001", "25/1", "24/1", "50/1"]) {
      expect(formatFrameRate(parseFrameRate(text))).toBe(text);
    }
  });

  it("formats an unreduced plain object reduced", () => {
    expect(formatFrameRate({ num: 50, den: 2 })).toBe("25/1");
  });

  it("gives fps as a double", () => {
    expect(fps(parseFrameRate("29.97"))).toBe(30000 / 1001);
    expect(fps(parseFrameRate("25"))).toBe(25);
  });

  it("compares reduced", () => {
    expect(sameFrameRate({ num: 60000, den: 2002 }, parseFrameRate("29.97"))).toBe(true);
    expect(sameFrameRate(parseFrameRate("30"), parseFrameRate("29.97"))).toBe(false);
  });

  it("returns an already valid rate object unchanged", () => {
    const rate = { num: 25, den: 1 };
    expect(requireFrameRate(rate)).toBe(rate);
    expect(() => requireFrameRate({ num: 25, den: 0 })).toThrow(TimecodeError);
  });
});
