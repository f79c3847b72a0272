import { describe, expect, it } from "vitest";
import { burstPositions } from "./burstPositions.ts";

const shot = { index: 0, startFrame: 0, endFrame: 250, transition: null, confidence: 1 };
const keyframes = [0, 30, 70, 130, 170, 240];

describe("burstPositions", () => {
  it("spreads bursts over the shot, each moved onto the nearest keyframe in reach", () => {
    // 10 s: three bursts, wanted at 38, 120 and 201, each keyframe within 41 frames counts.
    expect(burstPositions(shot, keyframes, 25)).toEqual([30, 130, 170]);
  });

  it("prefers a frame run in reach over a nearer keyframe: a run costs no decoding", () => {
    // 60 is 22 from 38 (keyframe 30 is 8), 150 is 30 from 120 (keyframe 130 is 10); 150 is taken
    // by then for 201, which gets keyframe 170.
    expect(burstPositions(shot, keyframes, 25, new Set([60, 150]))).toEqual([60, 150, 170]);
  });
});
