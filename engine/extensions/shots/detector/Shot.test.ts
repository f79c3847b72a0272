import { describe, expect, it } from "vitest";
import { buildShots } from "./Shot.ts";
import type { ShotBoundary } from "./ShotBoundary.ts";

const cut = (frame: number, confidence = 1): ShotBoundary => ({
  type: "cut",
  frame,
  startFrame: frame,
  endFrame: frame,
  confidence,
});
const dissolve = (startFrame: number, endFrame: number, confidence = 1): ShotBoundary => ({
  type: "dissolve",
  frame: Math.floor((startFrame + endFrame) / 2),
  startFrame,
  endFrame,
  confidence,
});

describe("buildShots", () => {
  it("keeps shots as short as the minimum: cuts 2 and 3 frames apart", () => {
    const { shots } = buildShots([cut(10), cut(12), cut(15)], 40, 2);
    expect(shots.map((s) => [s.startFrame, s.endFrame])).toEqual([
      [0, 10],
      [10, 12],
      [12, 15],
      [15, 40],
    ]);
  });

  it("makes one dissolve of two overlapping pieces of one, over both ranges (refine windows can see it in two)", () => {
    const { boundaries, shots } = buildShots([dissolve(314, 326, 0.6), dissolve(313, 345, 0.9)], 600, 2);
    expect(boundaries).toEqual([{ type: "dissolve", frame: 329, startFrame: 313, endFrame: 345, confidence: 0.9 }]);
    expect(shots[1]!.transition).toEqual({ type: "dissolve", startFrame: 313, endFrame: 345 });
  });

  it("lets a cut inside a dissolve's range compete with it, far more than the minimum shot from its middle", () => {
    const { boundaries } = buildShots([dissolve(100, 140, 0.8), cut(135, 1)], 600, 2);
    expect(boundaries.map((b) => b.type)).toEqual(["dissolve"]);
  });
});
