import type { RandomTruth, TransitionFamily } from "../../samples/random/RandomTruth.ts";
import type { ShotFamily } from "../../samples/random/sourceFamilies.ts";
import type { Counts, Detection } from "../evaluateShots.ts";

/**
 * The shot benchmark's scoring (evaluateShots.ts: cuts ±1 frame, gradual by overlap, untyped
 * detections gradual inside a truth range), kept per truth transition and per detection so it can
 * be summed by family. A miss counts against the families on both sides of the transition; a false
 * detection against the family of the shot it falls in.
 */
export interface FamilyCounts {
  cuts: Counts;
  gradual: Counts;
  /** Unmatched detections in plain frames (not within a frame of any transition). */
  falseInPlain: number;
  plainFrames: number;
}

export interface ClipFamilyScore {
  readonly cuts: Counts;
  readonly gradual: Counts;
  /** Detections at flash frames (±1): a flash counted as a boundary. */
  readonly flashFalseCuts: number;
  readonly falseInPlain: number;
  readonly plainSeconds: number;
  readonly byShotFamily: ReadonlyMap<ShotFamily, FamilyCounts>;
  /** Found and total truth transitions of each family (false detections have no transition family). */
  readonly byTransition: ReadonlyMap<TransitionFamily, { found: number; total: number }>;
}

const CUT_TOLERANCE = 1;

export function emptyFamilyCounts(): FamilyCounts {
  return { cuts: { tp: 0, fp: 0, fn: 0 }, gradual: { tp: 0, fp: 0, fn: 0 }, falseInPlain: 0, plainFrames: 0 };
}

export function scoreByFamily(detections: readonly Detection[], truth: RandomTruth): ClipFamilyScore {
  const transitions = truth.transitions;
  const isGradual = (t: (typeof transitions)[number]) => t.type !== "cut";
  const gradualTruth = transitions.filter(isGradual);
  const inGradual = (frame: number) => gradualTruth.some((t) => frame >= t.startFrame - 1 && frame <= t.endFrame);
  const gradualDetection = (d: Detection) =>
    d.type === "dissolve" || d.type === "fade" || (d.type === "untyped" && inGradual(d.frame));

  const matched = new Set<number>();
  const unmatched: Detection[] = [];
  for (const d of [...detections].sort((a, b) => a.frame - b.frame)) {
    const gradual = gradualDetection(d);
    const index = transitions.findIndex((t, i) => {
      if (matched.has(i) || isGradual(t) !== gradual) return false;
      if (!gradual) return Math.abs(d.frame - t.startFrame) <= CUT_TOLERANCE;
      return d.endFrame > d.startFrame
        ? d.startFrame < t.endFrame && t.startFrame < d.endFrame
        : d.frame >= t.startFrame - 1 && d.frame <= t.endFrame;
    });
    if (index >= 0) matched.add(index);
    else unmatched.push(d);
  }

  const byShotFamily = new Map<ShotFamily, FamilyCounts>();
  const family = (f: ShotFamily): FamilyCounts => {
    let counts = byShotFamily.get(f);
    if (!counts) byShotFamily.set(f, (counts = emptyFamilyCounts()));
    return counts;
  };
  const byTransition = new Map<TransitionFamily, { found: number; total: number }>();
  const cuts: Counts = { tp: 0, fp: 0, fn: 0 };
  const gradual: Counts = { tp: 0, fp: 0, fn: 0 };

  transitions.forEach((t, i) => {
    const hit = matched.has(i);
    const kind = isGradual(t) ? "gradual" : "cuts";
    (kind === "gradual" ? gradual : cuts)[hit ? "tp" : "fn"]++;
    for (const f of new Set(t.between)) family(f)[kind][hit ? "tp" : "fn"]++;
    const row = byTransition.get(t.family) ?? { found: 0, total: 0 };
    byTransition.set(t.family, { found: row.found + (hit ? 1 : 0), total: row.total + 1 });
  });

  const nearTransition = (frame: number) =>
    transitions.some((t) => frame >= t.startFrame - CUT_TOLERANCE && frame <= t.endFrame + CUT_TOLERANCE);
  let falseInPlain = 0;
  for (const d of unmatched) {
    const kind = gradualDetection(d) ? "gradual" : "cuts";
    (kind === "gradual" ? gradual : cuts).fp++;
    const shot = truth.shots.find((s) => d.frame >= s.startFrame && d.frame < s.endFrame) ?? truth.shots.at(-1)!;
    const counts = family(shot.family);
    counts[kind].fp++;
    if (!nearTransition(d.frame)) {
      counts.falseInPlain++;
      falseInPlain++;
    }
  }

  let plainFrames = 0;
  truth.shots.forEach((shot, i) => {
    const frames = (transitions[i]?.startFrame ?? truth.frameCount) - (transitions[i - 1]?.endFrame ?? 0);
    family(shot.family).plainFrames += frames;
    plainFrames += frames;
  });

  const flashes = truth.distractors.filter((d) => d.type === "flash");
  const flashFalseCuts = detections.filter((d) =>
    flashes.some((f) => d.frame >= f.startFrame - CUT_TOLERANCE && d.frame <= f.endFrame + CUT_TOLERANCE),
  ).length;

  return {
    cuts,
    gradual,
    flashFalseCuts,
    falseInPlain,
    plainSeconds: (plainFrames * truth.duration) / truth.frameCount,
    byShotFamily,
    byTransition,
  };
}

/** False transitions per 10 minutes of plain footage (frames not inside or next to a transition). */
export function falsePerTenMinutes(falseCount: number, plainSeconds: number): number {
  return plainSeconds === 0 ? 0 : (falseCount * 600) / plainSeconds;
}
