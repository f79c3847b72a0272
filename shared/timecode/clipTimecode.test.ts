import { describe, expect, it } from "vitest";
import { frameToTimecode, timecodeToFrame } from "./clipTimecode.ts";
import { frameRate, parseFrameRate } from "./FrameRate.ts";
import { TimecodeError } from "./TimecodeError.ts";

describe("clip starting at 01:00:00;00, 29.97 DF", () => {
  const clip = { rate: parseFrameRate("29.97"), dropFrame: true, start: "01:00:00;00" };

  it.each([
    [0, "01:00:00;00"],
    [1, "01:00:00;01"],
    [1799, "01:00:59;29"],
    [1800, "01:01:00;02"],
    [17982, "01:10:00;00"],
    [107892, "02:00:00;00"],
  ])("frame %i is %s and back", (index, timecode) => {
    expect(frameToTimecode(index, clip)).toBe(timecode);
    expect(timecodeToFrame(timecode, clip)).toBe(index);
  });

  it("gives negative indices before the start", () => {
    expect(timecodeToFrame("00:59:59;29", clip)).toBe(-1);
    expect(frameToTimecode(-1, clip)).toBe("00:59:59;29");
    expect(timecodeToFrame("00:00:00;00", clip)).toBe(-107892);
  });

  it("rejects a dropped label as start or target", () => {
    expect(() => frameToTimecode(0, { ...clip, start: "01:01:00;00" })).toThrow(TimecodeError);
    expect(() => timecodeToFrame("01:01:00;01", clip)).toThrow(TimecodeError);
  });
});

describe("clip crossing midnight, 25 fps", () => {
  const clip = { rate: frameRate(25), start: "23:59:59:00" };

  it("wraps forward past midnight", () => {
    expect(frameToTimecode(0, clip)).toBe("23:59:59:00");
    expect(frameToTimecode(24, clip)).toBe("23:59:59:24");
    expect(frameToTimecode(25, clip)).toBe("00:00:00:00");
    expect(frameToTimecode(50, clip)).toBe("00:00:01:00");
  });

  it("reads a label after midnight as later in the clip, not a day earlier", () => {
    expect(timecodeToFrame("00:00:01:00", clip)).toBe(50);
    expect(timecodeToFrame("00:00:00:00", clip)).toBe(25);
    expect(timecodeToFrame("23:59:58:24", clip)).toBe(-1);
  });

  it("keeps indices within half a day either side of the start", () => {
    const day = 24 * 3600 * 25;
    // 12 h after the start is the first index that flips to the negative side.
    expect(timecodeToFrame("11:59:58:24", clip)).toBe(day / 2 - 1);
    expect(timecodeToFrame("11:59:59:00", clip)).toBe(-day / 2);
  });
});

describe("start offsets", () => {
  it("defaults to 00:00:00:00", () => {
    expect(frameToTimecode(90000, { rate: frameRate(25) })).toBe("01:00:00:00");
    expect(timecodeToFrame("01:00:00:00", { rate: frameRate(25) })).toBe(90000);
    expect(timecodeToFrame("23:00:00:00", { rate: frameRate(25) })).toBe(-90000);
  });

  it("accepts the start as a frame count since midnight, wrapped into the day", () => {
    const rate = parseFrameRate("29.97");
    expect(frameToTimecode(0, { rate, dropFrame: true, start: 107892 })).toBe("01:00:00;00");
    expect(frameToTimecode(0, { rate, dropFrame: true, start: -1 })).toBe("23:59:59;29");
    expect(() => frameToTimecode(0, { rate, start: 0.5 })).toThrow(TimecodeError);
  });

  it("rejects a non-integer frame index", () => {
    expect(() => frameToTimecode(1.5, { rate: frameRate(25) })).toThrow(TimecodeError);
  });
});
