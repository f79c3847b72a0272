import { describe, expect, it } from "vitest";
import { precisionRecallF1, scoreDetections, type Detection } from "./evaluateShots.ts";

const cut = (frame: number): Detection => ({ type: "cut", frame, startFrame: frame, endFrame: frame });
const point = (frame: number): Detection => ({ type: "untyped", frame, startFrame: frame, endFrame: frame });

describe("scoreDetections", () => {
  const truth = [
    { type: "cut" as const, startFrame: 100, endFrame: 100 },
    { type: "cut" as const, startFrame: 200, endFrame: 200 },
    { type: "dissolve" as const, startFrame: 300, endFrame: 312 },
  ];

  it("matches cuts within one frame, once each", () => {
    const s = scoreDetections([cut(101), cut(100), cut(202)], truth, []);
    expect(s.cuts).toEqual({ tp: 1, fp: 2, fn: 1 });
  });

  it("matches gradual ranges by overlap and typed cuts inside them are cut false positives", () => {
    const s = scoreDetections([{ type: "dissolve", frame: 306, startFrame: 310, endFrame: 320 }, cut(305)], truth, []);
    expect(s.gradual).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s.cuts.fp).toBe(1);
  });

  it("judges untyped instants inside a transition as gradual detections", () => {
    const s = scoreDetections([point(306), point(100), point(200)], truth, []);
    expect(s.gradual.tp).toBe(1);
    expect(s.cuts).toEqual({ tp: 2, fp: 0, fn: 0 });
  });

  it("counts detections at flashes", () => {
    const s = scoreDetections([cut(51), cut(100)], truth, [{ startFrame: 50, endFrame: 51 }]);
    expect(s.flashFalseCuts).toBe(1);
  });

  it("computes F1", () => {
    expect(precisionRecallF1({ tp: 9, fp: 1, fn: 1 }).f1).toBeCloseTo(0.9, 10);
    expect(precisionRecallF1({ tp: 0, fp: 0, fn: 0 }).f1).toBe(1);
  });
});
