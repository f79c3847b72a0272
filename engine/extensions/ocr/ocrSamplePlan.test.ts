import { describe, expect, it } from "vitest";
import { ocrSamplePlan } from "./ocrSamplePlan.ts";

const media = (keyframes: number[], frameCount = 300) => ({ frameRate: "25/1", frameCount, keyframes });
const shot = (
  index: number,
  startFrame: number,
  endFrame: number,
  transition: { type: "dissolve"; startFrame: number; endFrame: number } | null = null,
) => ({ index, startFrame, endFrame, transition });

describe("ocrSamplePlan", () => {
  it("reads every keyframe inside a shot, plus a frame where the last one is far from the shot's end", () => {
    const plan = ocrSamplePlan({ media: media([0, 50, 100, 150, 200, 250]), shots: [shot(0, 0, 300)] }, 2);
    expect(plan.map((p) => p.frame)).toEqual([0, 50, 100, 150, 200, 250, 275]);
    expect(plan.map((p) => p.keyframe)).toEqual([true, true, true, true, true, true, false]);
    // Ranges tile the shot, each running halfway to its neighbours.
    expect(plan.map((p) => [p.from, p.to])).toEqual([
      [0, 25],
      [25, 75],
      [75, 125],
      [125, 175],
      [175, 225],
      [225, 263],
      [263, 300],
    ]);
  });

  it("puts extra frames after a keyframe as near to it as the gap allows, evenly after a shot's start", () => {
    const plan = ocrSamplePlan({ media: media([0, 130, 400], 500), shots: [shot(0, 0, 200), shot(1, 200, 500)] }, 2);
    // 0 -> 130 needs two extra frames: 30 and 80 keep every gap at 50 or less and decode the fewest
    // frames after keyframe 0 (evenly spaced, 43 and 87, would decode more).
    expect(plan.filter((p) => p.shot === 0).map((p) => p.frame)).toEqual([0, 30, 80, 130, 175]);
    // Shot 1: spread evenly from its start to keyframe 400, then packed after it again.
    expect(plan.filter((p) => p.shot === 1).map((p) => p.frame)).toEqual([220, 265, 310, 355, 400, 425, 475]);
  });

  it("takes a frame that is ready for an extra one where it keeps every gap, and no other", () => {
    const shots = [shot(0, 0, 300)];
    // After keyframe 250 one extra frame is needed: anywhere from 275 (a gap before the shot's end
    // plus half a gap) to 300 keeps both gaps at 50 or less; 275 is the one decoded otherwise.
    expect(ocrSamplePlan({ media: media([0, 50, 100, 150, 200, 250]), shots }, 2, new Set([285])).at(-1)).toMatchObject(
      { frame: 285, from: 268, to: 300 },
    );
    // Outside that span (too early, or another shot's), a ready frame does not count.
    expect(
      ocrSamplePlan({ media: media([0, 50, 100, 150, 200, 250]), shots }, 2, new Set([260, 310])).at(-1)!.frame,
    ).toBe(275);
    // Of two in the span, the one nearer the frame it stands in for.
    expect(
      ocrSamplePlan({ media: media([0, 50, 100, 150, 200, 250]), shots }, 2, new Set([299, 280])).at(-1)!.frame,
    ).toBe(280);
    // Where a gap needs two extra frames, their places are fixed: a ready frame is not used.
    expect(
      ocrSamplePlan({ media: media([0, 130, 400], 500), shots: [shot(0, 0, 200)] }, 2, new Set([31])).map(
        (p) => p.frame,
      ),
    ).toEqual([0, 30, 80, 130, 175]);
  });

  it("adds frames where keyframes are far apart or far from a shot edge, and never reads a dissolve", () => {
    const plan = ocrSamplePlan(
      {
        media: media([0, 250]),
        shots: [shot(0, 0, 120), shot(1, 120, 300, { type: "dissolve", startFrame: 114, endFrame: 126 })],
      },
      2,
    );
    const first = plan.filter((p) => p.shot === 0).map((p) => p.frame);
    const second = plan.filter((p) => p.shot === 1);
    expect(first[0]).toBe(0);
    // Gaps of at most 50 frames between samples, at most 25 to each shot edge.
    for (const shotPlan of [plan.filter((p) => p.shot === 0), second]) {
      for (let i = 1; i < shotPlan.length; i++)
        expect(shotPlan[i]!.frame - shotPlan[i - 1]!.frame).toBeLessThanOrEqual(50);
    }
    expect(120 - first.at(-1)!).toBeLessThanOrEqual(25);
    expect(second[0]!.frame).toBeGreaterThanOrEqual(126);
    expect(second[0]!.frame - 126).toBeLessThanOrEqual(25);
    expect(second[0]!.from).toBe(126);
    expect(second.find((p) => p.frame === 250)?.keyframe).toBe(true);
    expect(second.filter((p) => p.frame !== 250).every((p) => !p.keyframe)).toBe(true);
  });

  it("gives a shot shorter than a gap one sample, and a clip without shots is one shot", () => {
    const plan = ocrSamplePlan(
      { media: media([0, 100]), shots: [shot(0, 0, 60), shot(1, 60, 70), shot(2, 70, 300)] },
      2,
    );
    expect(plan.filter((p) => p.shot === 1).map((p) => [p.frame, p.from, p.to])).toEqual([[65, 60, 70]]);
    expect(ocrSamplePlan({ media: media([], 100), shots: [] }, 2).map((p) => p.frame)).toEqual([25, 75]);
  });
  it("samples by time where keyframes are denser than a gap: an intra-only clip is read as often as a long GOP", () => {
    const every = Array.from({ length: 300 }, (_, i) => i);
    const intra = ocrSamplePlan({ media: media(every), shots: [shot(0, 0, 300)] }, 2);
    // Half a gap in, then a gap apart: each sample stands for 25 frames either side.
    expect(intra.map((p) => p.frame)).toEqual([25, 75, 125, 175, 225, 275]);
    expect(intra.every((p) => p.keyframe)).toBe(true);
    const longGop = ocrSamplePlan({ media: media([0]), shots: [shot(0, 0, 300)] }, 2);
    expect(intra.length).toBeLessThanOrEqual(longGop.length);
    // Keyframes twice a second: about every fourth is read, and one more to reach the shot's end.
    const shortGop = ocrSamplePlan({ media: media(every.filter((f) => f % 12 === 0)), shots: [shot(0, 0, 300)] }, 2);
    expect(shortGop.map((p) => p.frame)).toEqual([24, 72, 120, 168, 216, 264, 288]);
    for (const plan of [intra, shortGop]) {
      for (let i = 1; i < plan.length; i++) expect(plan[i]!.frame - plan[i - 1]!.frame).toBeLessThanOrEqual(50);
    }
  });
});
