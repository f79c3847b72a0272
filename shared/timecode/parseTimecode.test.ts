import { describe, expect, it } from "vitest";
import { frameRate, parseFrameRate } from "./FrameRate.ts";
import { parseTimecode } from "./parseTimecode.ts";
import { TimecodeError } from "./TimecodeError.ts";

const df2997 = { rate: parseFrameRate("29.97"), dropFrame: true };
const df5994 = { rate: parseFrameRate("59.94"), dropFrame: true };
const fps25 = { rate: frameRate(25) };

describe("parseTimecode separators", () => {
  it.each(["00:01:00;02", "00:01:00:02", "00:01:00.02", "00:01:00,02", "00;01;00;02", " 00:01:00;02 "])(
    "reads %j at 29.97 DF as frame 1800",
    (text) => {
      expect(parseTimecode(text, df2997)).toBe(1800);
    },
  );

  it("takes drop-frame from the options, not from the separator", () => {
    expect(parseTimecode("00:01:00;00", { rate: parseFrameRate("29.97") })).toBe(1800);
    expect(parseTimecode("01:00:00:00", fps25)).toBe(90000);
    expect(parseTimecode("1:00:00:00", fps25)).toBe(90000);
  });
});

describe("parseTimecode rejects", () => {
  it.each([
    ["a dropped label at minute 1", "00:01:00;00", df2997],
    ["the second dropped label", "00:01:00;01", df2997],
    ["a dropped label at minute 11", "00:11:00;01", df2997],
    ["a dropped label written with a colon", "00:01:00:00", df2997],
    ["a dropped label at 59.94", "00:01:00;03", df5994],
    ["hours 25", "25:00:00:00", fps25],
    ["hours 24", "24:00:00:00", fps25],
    ["minutes 60", "00:60:00:00", fps25],
    ["seconds 60", "00:00:60:00", fps25],
    ["frames 25 at 25 fps", "00:00:00:25", fps25],
    ["frames 30 at 29.97", "00:00:00;30", df2997],
    ["an empty string", "", fps25],
    ["garbage", "garbage", fps25],
    ["too few fields", "00:00:00", fps25],
    ["too many fields", "00:00:00:00:00", fps25],
    ["a sign", "-00:00:00:01", fps25],
    ["letters", "0a:00:00:00", fps25],
    ["a single-digit frame field", "00:00:00:1", fps25],
    ["a wrong separator", "00-00-00-00", fps25],
  ])("%s (%j)", (_name, text, options) => {
    expect(() => parseTimecode(text, options)).toThrow(TimecodeError);
  });

  it("keeps the labels that only look dropped on every tenth minute", () => {
    expect(parseTimecode("00:10:00;00", df2997)).toBe(17982);
    expect(parseTimecode("00:20:00;01", df2997)).toBe(2 * 17982 + 1);
    expect(parseTimecode("00:10:00;00", df5994)).toBe(35964);
    expect(parseTimecode("00:00:00;00", df5994)).toBe(0);
  });

  it("rejects drop-frame at 25 fps", () => {
    expect(() => parseTimecode("00:00:00;00", { rate: frameRate(25), dropFrame: true })).toThrow(TimecodeError);
  });

  it("carries the stable error code and names the input", () => {
    let caught: unknown;
    try {
      parseTimecode("00:01:00;00", df2997);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TimecodeError);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as TimecodeError;
    expect(error.code).toBe("SICHTER_E_TIMECODE_INVALID");
    expect(error.name).toBe("TimecodeError");
    expect(error.detail).toContain("00:01:00;00");
    expect(error.message).toContain(error.detail);
  });

  it("rejects a non-string at runtime", () => {
    expect(() => parseTimecode(12 as unknown as string, fps25)).toThrow(TimecodeError);
  });
});
