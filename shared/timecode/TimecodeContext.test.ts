import { describe, expect, it } from "vitest";
import * as timecode from "./index.ts";

describe("createTimecodeContext", () => {
  const context = timecode.createTimecodeContext({
    rate: timecode.parseFrameRate("29.97"),
    dropFrame: true,
    start: "01:00:00;00",
  });

  it("exposes the resolved settings", () => {
    expect(context.rate).toEqual({ num: 30000, den: 1001 });
    expect(context.dropFrame).toBe(true);
    expect(context.startFrameOfDay).toBe(107892);
    expect(context.framesPerDay).toBe(2_589_408);
  });

  it("agrees with the pure functions", () => {
    const options = { rate: context.rate, dropFrame: true, start: "01:00:00;00" };
    for (const index of [-107893, -1, 0, 1, 1799, 1800, 17982, 1_000_000, 2_589_408]) {
      expect(context.toTimecode(index)).toBe(timecode.frameToTimecode(index, options));
    }
    for (const label of ["01:00:00;00", "01:01:00;02", "00:59:59;29", "13:00:00;00"]) {
      expect(context.toFrame(label)).toBe(timecode.timecodeToFrame(label, options));
    }
  });

  it("converts a clip frame to timecode, seconds and ticks and back", () => {
    expect(context.toTimecode(1800)).toBe("01:01:00;02");
    expect(context.toFrame("01:01:00;02")).toBe(1800);
    expect(context.toSeconds(30000)).toBe(1001);
    expect(context.fromSeconds(1001)).toBe(30000);
    expect(context.fromSeconds(1000.999, "floor")).toBe(29999);
    expect(context.toTicks(2)).toBe(16_951_334_400n);
    expect(context.fromTicks("16951334400")).toBe(2);
    expect(context.fromTicks(16_951_334_399n, "floor")).toBe(1);
  });

  it("validates its options up front", () => {
    expect(() => timecode.createTimecodeContext({ rate: timecode.frameRate(25), dropFrame: true })).toThrow(
      timecode.TimecodeError,
    );
    expect(() => timecode.createTimecodeContext({ rate: timecode.frameRate(25), start: "99:00:00:00" })).toThrow(
      timecode.TimecodeError,
    );
  });

  it("defaults to non-drop from midnight", () => {
    const plain = timecode.createTimecodeContext({ rate: timecode.frameRate(25) });
    expect(plain.dropFrame).toBe(false);
    expect(plain.toTimecode(90000)).toBe("01:00:00:00");
  });
});
