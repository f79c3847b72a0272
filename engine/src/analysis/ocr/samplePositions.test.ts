import { describe, expect, it } from "vitest";
import { samplePositions } from "./OcrAnalyzer.ts";

const media = (keyframes: number[]) => ({ frameRate: "25/1", frameCount: 300, keyframes });

describe("samplePositions", () => {
  it("samples each shot once a second from its first clean frame, steps reaching the next sample", () => {
    const shots = [
      { index: 0, startFrame: 0, endFrame: 60, transition: null },
      { index: 1, startFrame: 60, endFrame: 300, transition: { type: "dissolve" as const, startFrame: 54, endFrame: 66 } },
    ];
    const p = samplePositions({ media: media([0]), shots }, 1, 30);
    expect(p.slice(0, 4)).toEqual([
      { frame: 0, step: 25, limit: 60 },
      { frame: 25, step: 25, limit: 60 },
      { frame: 50, step: 10, limit: 60 },
      { frame: 66, step: 25, limit: 300 },
    ]);
  });
  it("moves a sample to a keyframe within half a step, and thins out long shots", () => {
    const p = samplePositions({ media: media([0, 30, 62]), shots: [] }, 1, 30);
    expect(p.slice(0, 4).map((s) => [s.frame, s.step])).toEqual([[0, 30], [30, 32], [62, 13], [75, 25]]);
    expect(samplePositions({ media: media([]), shots: [] }, 0.1, 5).map((s) => s.frame)).toEqual([0, 60, 120, 180, 240]);
  });
});
