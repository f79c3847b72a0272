import { describe, expect, it } from "vitest";
import type { PlannedSample } from "./ocrSamplePlan.ts";
import { planParts } from "./planParts.ts";

/** A plan with one sample per entry, each entry the shot index of its sample. */
const plan = (shots: number[]): PlannedSample[] => shots.map((shot, i) => ({ frame: i * 10, from: i * 10, to: i * 10 + 10, keyframe: true, shot }));
const shotsOf = (parts: PlannedSample[][]): number[][] => parts.map((p) => p.map((s) => s.shot));

describe("planParts", () => {
  it("cuts at the shot boundary nearest to an even split, keeping every sample in order", () => {
    const whole = plan([0, 0, 0, 1, 1, 2, 2, 2, 3, 3]);
    const parts = planParts(whole, 2);
    expect(shotsOf(parts)).toEqual([[0, 0, 0, 1, 1], [2, 2, 2, 3, 3]]);
    expect(parts.flat()).toEqual(whole);
  });

  it("takes a far boundary rather than split a shot, and leaves a plan of one shot whole", () => {
    expect(shotsOf(planParts(plan([0, 1, 1, 1, 1, 1, 1, 1]), 2))).toEqual([[0], [1, 1, 1, 1, 1, 1, 1]]);
    expect(shotsOf(planParts(plan([4, 4, 4, 4]), 2))).toEqual([[4, 4, 4, 4]]);
    expect(planParts([], 2)).toEqual([[]]);
  });

  it("makes up to as many parts as asked, never an empty one", () => {
    expect(shotsOf(planParts(plan([0, 0, 1, 1, 2, 2]), 3))).toEqual([[0, 0], [1, 1], [2, 2]]);
    expect(shotsOf(planParts(plan([0, 1]), 3))).toEqual([[0], [1]]);
    expect(shotsOf(planParts(plan([0, 0, 1, 1]), 1))).toEqual([[0, 0, 1, 1]]);
  });
});
