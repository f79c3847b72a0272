import { describe, expect, it } from "vitest";
import { formatTimecode } from "./formatTimecode.ts";
import { frameRate, parseFrameRate } from "./FrameRate.ts";
import { framesToSeconds, secondsToFrames } from "./seconds.ts";
import { TimecodeError } from "./TimecodeError.ts";

const ntsc = parseFrameRate("29.97");

describe("framesToSeconds", () => {
  it("gives real time, not the displayed drop-frame time", () => {
    expect(formatTimecode(107892, { rate: ntsc, dropFrame: true })).toBe("01:00:00;00");
    expect(framesToSeconds(107892, ntsc)).toBe(3599.9964);
    expect(framesToSeconds(107892, ntsc)).toBe((107892 * 1001) / 30000);
  });

  it("uses the exact ratio", () => {
    expect(framesToSeconds(30000, ntsc)).toBe(1001);
    expect(framesToSeconds(86400, parseFrameRate("23.976"))).toBe(3603.6);
    expect(framesToSeconds(90000, frameRate(25))).toBe(3600);
    expect(framesToSeconds(-25, frameRate(25))).toBe(-1);
  });

  it("rejects fractional frames", () => {
    expect(() => framesToSeconds(0.5, ntsc)).toThrow(TimecodeError);
  });
});

describe("secondsToFrames", () => {
  it("rounds to the nearest frame by default, a tie going to the later frame", () => {
    expect(secondsToFrames(1, frameRate(25))).toBe(25);
    expect(secondsToFrames(0.019, frameRate(25))).toBe(0);
    expect(secondsToFrames(0.021, frameRate(25))).toBe(1);
    expect(secondsToFrames(0.02, frameRate(25))).toBe(1);
    expect(secondsToFrames(0.06, frameRate(25))).toBe(2);
    expect(secondsToFrames(-0.02, frameRate(25))).toBe(0);
    expect(Object.is(secondsToFrames(-0.001, frameRate(25)), 0)).toBe(true);
  });

  it("floors to the frame on screen", () => {
    expect(secondsToFrames(0.079, frameRate(25), { round: "floor" })).toBe(1);
    expect(secondsToFrames(0.039, frameRate(25), { round: "floor" })).toBe(0);
    expect(secondsToFrames(-0.001, frameRate(25), { round: "floor" })).toBe(-1);
  });

  it("floors exact frame starts to themselves despite floating-point error", () => {
    const rates = ["23.976", "24", "25", "29.97", "30", "50", "59.94", "60"].map(parseFrameRate);
    const failures: string[] = [];
    for (const rate of rates) {
      for (let frame = 0; frame < 5_200_000; frame += 997) {
        const seconds = framesToSeconds(frame, rate);
        const where = `${rate.num}/${rate.den} frame ${frame}`;
        if (secondsToFrames(seconds, rate, { round: "floor" }) !== frame) failures.push(`floor ${where}`);
        if (secondsToFrames(seconds, rate) !== frame) failures.push(`nearest ${where}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it("does not snap a time that is really just before a frame", () => {
    // 1 ms before frame 30000 at 29.97 (which starts at 1001 s) is still frame 29999 on screen.
    expect(secondsToFrames(1000.999, ntsc, { round: "floor" })).toBe(29999);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("rejects %d", (seconds) => {
    expect(() => secondsToFrames(seconds, ntsc)).toThrow(TimecodeError);
  });
});
