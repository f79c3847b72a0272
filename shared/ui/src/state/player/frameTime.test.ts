import { describe, expect, it } from "vitest";
import { frameAt, seekTimeOf } from "./frameTime.ts";

describe("seekTimeOf and frameAt", () => {
  it("seeks just inside a frame by the clip's exact rate, and reads the same frame back", () => {
    expect(seekTimeOf(103, "25/1")).toBeCloseTo(4.12, 3);
    expect(seekTimeOf(103, "25/1")).toBeGreaterThan(4.12);
    // 29.97 fps: frame 1800 starts at 60.06 s, not at 60 s.
    expect(seekTimeOf(1800, "30000/1001")).toBeCloseTo(60.06, 3);
    for (const [frame, rate] of [
      [0, "25/1"],
      [103, "25/1"],
      [1799, "30000/1001"],
      [86_399, "24000/1001"],
      [7, "60000/1001"],
    ] as const) {
      expect(frameAt(seekTimeOf(frame, rate), rate, 100_000)).toBe(frame);
    }
  });

  it("never names a frame the clip does not have", () => {
    expect(frameAt(-1, "25/1", 750)).toBe(0);
    expect(frameAt(30.5, "25/1", 750)).toBe(749);
  });
});
