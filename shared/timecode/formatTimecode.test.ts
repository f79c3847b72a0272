import { describe, expect, it } from "vitest";
import { formatTimecode } from "./formatTimecode.ts";
import { frameRate, parseFrameRate } from "./FrameRate.ts";
import { parseTimecode } from "./parseTimecode.ts";
import { TimecodeError } from "./TimecodeError.ts";

const df2997 = { rate: parseFrameRate("30000/1001"), dropFrame: true };
const df5994 = { rate: parseFrameRate("60000/1001"), dropFrame: true };
const ndf2997 = { rate: parseFrameRate("30000/1001"), dropFrame: false };
const fps25 = { rate: frameRate(25) };

describe("formatTimecode anchors", () => {
  it.each([
    [df2997, 0, "00:00:00;00"],
    [df2997, 1799, "00:00:59;29"],
    [df2997, 1800, "00:01:00;02"],
    [df2997, 17981, "00:09:59;29"],
    [df2997, 17982, "00:10:00;00"],
    [df2997, 107892, "01:00:00;00"],
    [df5994, 3599, "00:00:59;59"],
    [df5994, 3600, "00:01:00;04"],
    [df5994, 35963, "00:09:59;59"],
    [df5994, 35964, "00:10:00;00"],
    [ndf2997, 1800, "00:01:00:00"],
    [ndf2997, 107892, "00:59:56:12"],
    [fps25, 90000, "01:00:00:00"],
    [fps25, 24, "00:00:00:24"],
    [fps25, 25, "00:00:01:00"],
    [{ rate: parseFrameRate("23.976") }, 86400, "01:00:00:00"],
  ])("%o frame %i is %s", (options, frames, expected) => {
    expect(formatTimecode(frames, options)).toBe(expected);
    expect(parseTimecode(expected, options)).toBe(frames);
  });
});

// For every minute boundary in the first 20 minutes: the first frame of the minute carries the
// first label that is not dropped (;02 / ;04, or ;00 on every tenth minute), and the frame right
// before it is the last label of the previous minute.
describe.each([
  ["29.97 DF", df2997, 30, 2],
  ["59.94 DF", df5994, 60, 4],
] as const)("%s minute boundaries", (_name, options, nominal, dropped) => {
  const framesPerMinute = nominal * 60 - dropped;
  const framesPerTenMinutes = nominal * 600 - 9 * dropped;
  for (let minute = 1; minute <= 20; minute++) {
    const tenths = Math.floor(minute / 10);
    const firstFrame =
      tenths * framesPerTenMinutes + (minute % 10 === 0 ? 0 : nominal * 60 + ((minute % 10) - 1) * framesPerMinute);
    const firstLabel = minute % 10 === 0 ? 0 : dropped;
    const mm = String(minute).padStart(2, "0");
    const previousMm = String(minute - 1).padStart(2, "0");
    const first = `00:${mm}:00;${String(firstLabel).padStart(2, "0")}`;
    const last = `00:${previousMm}:59;${nominal - 1}`;
    it(`minute ${minute}: frame ${firstFrame} is ${first}, frame ${firstFrame - 1} is ${last}`, () => {
      expect(formatTimecode(firstFrame, options)).toBe(first);
      expect(formatTimecode(firstFrame - 1, options)).toBe(last);
      expect(parseTimecode(first, options)).toBe(firstFrame);
      expect(parseTimecode(last, options)).toBe(firstFrame - 1);
    });
  }
});

describe("24-hour wrap", () => {
  it.each([
    [df2997, 2_589_408],
    [df5994, 5_178_816],
    [ndf2997, 24 * 3600 * 30],
    [fps25, 24 * 3600 * 25],
  ])("%o wraps after %i frames", (options, day) => {
    expect(formatTimecode(day, options)).toBe(formatTimecode(0, options));
    expect(formatTimecode(day + 1800, options)).toBe(formatTimecode(1800, options));
    expect(formatTimecode(3 * day + 12345, options)).toBe(formatTimecode(12345, options));
    expect(formatTimecode(-day, options)).toBe(formatTimecode(0, options));
  });

  it("wraps negative frames back from the end of the day", () => {
    expect(formatTimecode(-1, df2997)).toBe("23:59:59;29");
    expect(formatTimecode(-1, df5994)).toBe("23:59:59;59");
    expect(formatTimecode(-1, fps25)).toBe("23:59:59:24");
    expect(formatTimecode(-25, fps25)).toBe("23:59:59:00");
    expect(formatTimecode(2_589_408 - 1, df2997)).toBe("23:59:59;29");
  });
});

describe("formatTimecode input", () => {
  it("uses three frame digits above 100 fps", () => {
    expect(formatTimecode(119, { rate: frameRate(120) })).toBe("00:00:00:119");
    expect(formatTimecode(99, { rate: frameRate(100) })).toBe("00:00:00:99");
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])("rejects frame count %d", (frames) => {
    expect(() => formatTimecode(frames, fps25)).toThrow(TimecodeError);
  });

  it("rejects drop-frame at rates without it", () => {
    expect(() => formatTimecode(0, { rate: frameRate(25), dropFrame: true })).toThrow(TimecodeError);
    expect(() => formatTimecode(0, { rate: parseFrameRate("23.976"), dropFrame: true })).toThrow(TimecodeError);
  });
});
