import { describe, expect, it } from "vitest";
import type { Shot } from "../detector/Shot.ts";
import { BURST, keyframePositions } from "./keyframePositions.ts";

const shot = (index: number, startFrame: number, endFrame: number, transition: Shot["transition"] = null): Shot => ({
  index,
  startFrame,
  endFrame,
  transition,
  confidence: 1,
});
const centre = (keyframe: number): number => keyframe + Math.floor(BURST / 2);

describe("keyframePositions", () => {
  it("spreads positions evenly away from the edges, one more per 8 s", () => {
    // 100 frames at 25 fps: 6 frames off each edge, the middle of the remaining 88.
    expect(keyframePositions([shot(0, 0, 100)], 25)).toEqual([{ shot: 0, frame: 50 }]);
    // 12 s: two positions.
    expect(keyframePositions([shot(0, 0, 300)], 25).map((p) => p.frame)).toEqual([78, 222]);
  });

  it("moves a burst onto a codec keyframe inside the shot", () => {
    expect(keyframePositions([shot(0, 0, 100)], 25, [0, 30])).toEqual([{ shot: 0, frame: centre(30) }]);
  });

  it("ignores keyframes on the cut, next to an edge or in a transition", () => {
    const shots = [shot(0, 0, 100), shot(1, 100, 200, { type: "dissolve", startFrame: 95, endFrame: 110 })];
    // 0 and 100: cuts; 90: in the dissolve; 112: in the edge margin after it; 190: the burst would
    // run into the edge margin at the end.
    expect(keyframePositions(shots, 25, [0, 90, 100, 112, 190]).map((p) => p.frame)).toEqual([47, 155]);
  });

  it("keeps each burst within half the spacing of its position and never shares a keyframe", () => {
    // Positions at 78 and 222 are 144 apart: a burst moves 72 frames at most.
    const frames = (keyframes: number[]) => keyframePositions([shot(0, 0, 300)], 25, keyframes).map((p) => p.frame);
    expect(frames([60, 200])).toEqual([centre(60), centre(200)]);
    expect(frames([150])).toEqual([78, centre(150)]);
    expect(frames([10, 290])).toEqual([centre(10), 222]);
    // 148 is in reach of both positions: the first takes it.
    expect(frames([148])).toEqual([centre(148), 222]);
  });
});
