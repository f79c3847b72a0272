import { describe, expect, it } from "vitest";
import { burstPositions } from "./burstPositions.ts";

const shot = { index: 0, startFrame: 0, endFrame: 250, transition: null };

describe("burstPositions", () => {
  it("spreads bursts evenly over the shot by time", () => {
    // 10 s: three bursts, centred in thirds of frames 0..244.
    expect(burstPositions(shot, 25)).toEqual([38, 120, 201]);
  });

  it("starts after the shot's opening transition", () => {
    const faded = { ...shot, transition: { type: "fade" as const, startFrame: 0, endFrame: 40 } };
    expect(burstPositions(faded, 25).every((at) => at >= 40)).toBe(true);
  });
});
