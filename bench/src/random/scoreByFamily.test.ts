import { describe, expect, it } from "vitest";
import { randomClip } from "../../samples/random/randomClip.ts";
import { scoreDetections, type Detection } from "../evaluateShots.ts";
import { falsePerTenMinutes, scoreByFamily } from "./scoreByFamily.ts";

/** A clip with cuts and gradual transitions between different families (checked below). */
const truth = randomClip(2001).recipe.truth;

function perfect(): Detection[] {
  return truth.transitions.map((t) =>
    t.type === "cut"
      ? { type: "cut", frame: t.startFrame, startFrame: t.startFrame, endFrame: t.startFrame }
      : {
          type: t.type,
          frame: Math.floor((t.startFrame + t.endFrame) / 2),
          startFrame: t.startFrame,
          endFrame: t.endFrame,
        },
  );
}

describe("scoreByFamily", () => {
  it("finds everything and nothing false when detections are the truth", () => {
    expect(truth.transitions.some((t) => t.type === "cut") && truth.transitions.some((t) => t.type !== "cut")).toBe(
      true,
    );
    const score = scoreByFamily(perfect(), truth);
    expect(score.cuts.fn + score.cuts.fp + score.gradual.fn + score.gradual.fp).toBe(0);
    expect(score.falseInPlain).toBe(0);
    for (const [family, counts] of score.byTransition) expect(counts.found, family).toBe(counts.total);
    expect([...score.byShotFamily.values()].reduce((a, c) => a + c.plainFrames, 0)).toBe(
      truth.frameCount - truth.transitions.reduce((a, t) => a + t.endFrame - t.startFrame, 0),
    );
  });

  it("counts a missed cut against both families beside it, and a cut off by two frames as missed plus false", () => {
    const index = truth.transitions.findIndex((t) => t.type === "cut" && t.between[0] !== t.between[1]);
    const cut = truth.transitions[index]!;
    const detections = perfect().filter((_, i) => i !== index);
    const missed = scoreByFamily(detections, truth);
    const before = scoreByFamily(perfect(), truth);
    for (const f of cut.between)
      expect(missed.byShotFamily.get(f)!.cuts.fn - before.byShotFamily.get(f)!.cuts.fn).toBe(1);
    expect(missed.byTransition.get(cut.family)!.found).toBe(before.byTransition.get(cut.family)!.found - 1);

    const late = scoreByFamily(
      [
        ...detections,
        { type: "cut", frame: cut.startFrame + 2, startFrame: cut.startFrame + 2, endFrame: cut.startFrame + 2 },
      ],
      truth,
    );
    expect(late.cuts).toEqual({ tp: missed.cuts.tp, fp: 1, fn: missed.cuts.fn });
    // One frame off is still a hit.
    const near = scoreByFamily(
      [
        ...detections,
        { type: "cut", frame: cut.startFrame - 1, startFrame: cut.startFrame - 1, endFrame: cut.startFrame - 1 },
      ],
      truth,
    );
    expect(near.cuts).toEqual(before.cuts);
  });

  it("charges a false transition inside a shot to that shot's family and to plain footage", () => {
    const shotIndex = truth.shots.findIndex(
      (s, i) => (truth.transitions[i]?.startFrame ?? truth.frameCount) - (truth.transitions[i - 1]?.endFrame ?? 0) > 10,
    );
    const shot = truth.shots[shotIndex]!;
    const plainStart = truth.transitions[shotIndex - 1]?.endFrame ?? 0;
    const frame = plainStart + 5;
    const score = scoreByFamily(
      [...perfect(), { type: "dissolve", frame, startFrame: frame - 2, endFrame: frame + 2 }],
      truth,
    );
    expect(score.gradual.fp).toBe(1);
    expect(score.byShotFamily.get(shot.family)!.gradual.fp).toBe(1);
    expect(score.falseInPlain).toBe(1);
    expect(falsePerTenMinutes(score.falseInPlain, 60)).toBe(10);
  });

  it("agrees with the shot benchmark's own scoring on totals, for typed and untyped detections", () => {
    const shifted: Detection[] = perfect().flatMap((d, i) =>
      i % 3 === 0
        ? []
        : i % 3 === 1
          ? [{ ...d, type: "untyped" as const, startFrame: d.frame, endFrame: d.frame }]
          : [d, { ...d, frame: d.frame + 7, startFrame: d.frame + 7, endFrame: d.frame + 7, type: "cut" as const }],
    );
    const flashes = truth.distractors.filter((d) => d.type === "flash");
    const mine = scoreByFamily(shifted, truth);
    const theirs = scoreDetections(shifted, truth.transitions, flashes);
    expect(mine.cuts).toEqual(theirs.cuts);
    expect(mine.gradual).toEqual(theirs.gradual);
    expect(mine.flashFalseCuts).toBe(theirs.flashFalseCuts);
  });

  it("counts a detection on a flash as a flash cut", () => {
    const withFlash = Array.from({ length: 40 }, (_, i) => randomClip(1000 + i).recipe.truth).find((t) =>
      t.distractors.some((d) => d.type === "flash"),
    )!;
    const flash = withFlash.distractors.find((d) => d.type === "flash")!;
    const score = scoreByFamily(
      [{ type: "cut", frame: flash.startFrame, startFrame: flash.startFrame, endFrame: flash.startFrame }],
      withFlash,
    );
    expect(score.flashFalseCuts).toBe(1);
  });
});
