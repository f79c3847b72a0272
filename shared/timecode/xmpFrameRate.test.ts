import { describe, expect, it } from "vitest";
import { parseFrameRate } from "./FrameRate.ts";
import { TimecodeError } from "./TimecodeError.ts";
import { parseXmpFrameRate, toXmpFrameRate } from "./xmpFrameRate.ts";

describe("XMP frameRate notation", () => {
  it.each([
    ["23.976", "f24000s1001"],
    ["24", "f24"],
    ["25", "f25"],
    ["29.97", "f30000s1001"],
    ["30", "f30"],
    ["50", "f50"],
    ["59.94", "f60000s1001"],
    ["60", "f60"],
  ])("%s fps is %s and back", (text, xmp) => {
    const rate = parseFrameRate(text);
    expect(toXmpFrameRate(rate)).toBe(xmp);
    expect(parseXmpFrameRate(xmp)).toEqual(rate);
  });

  it("reduces an unreduced ratio", () => {
    expect(parseXmpFrameRate("f50s2")).toEqual({ num: 25, den: 1 });
    expect(toXmpFrameRate({ num: 50, den: 2 })).toBe("f25");
  });

  it.each(["f29.97", "25", "F25", "f", "fs1001", "f30000s", "f30000/1001", "f0", "f25s0", "x25"])(
    "rejects %j",
    (text) => {
      expect(() => parseXmpFrameRate(text)).toThrow(TimecodeError);
    },
  );
});
