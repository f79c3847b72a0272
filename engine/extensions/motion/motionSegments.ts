import { BURST_FRAMES } from "./burstPositions.ts";
import type { BurstMotion } from "./burstMotion.ts";
import {
  classifyMotion,
  MOTION_THRESHOLDS,
  type MotionClass,
  type MotionKind,
  type PairMotion,
} from "./classifyMotion.ts";
import { globalMotionOf, motionFrame } from "./globalMotion.ts";
import { halve } from "./GrayImage.ts";

/** A stretch of a shot and the camera motion found there (null: nothing sure enough to tag). */
export interface MotionSegment {
  readonly startFrame: number;
  readonly endFrame: number;
  readonly motion: MotionClass | null;
}

export interface MeasuredBurst {
  readonly at: number;
  readonly motion: BurstMotion;
}

/** Below this confidence a motion is not tagged: a wrong camera tag costs an editor more than none. */
export const MIN_MOTION_CONFIDENCE = 0.55;
/** Blocks following the camera's motion, as a share, from which the measurement is trusted fully. */
const FULL_INLIER_SHARE = 0.6;

const MOVES: ReadonlySet<MotionKind> = new Set([
  "motion.pan-left",
  "motion.pan-right",
  "motion.tilt-up",
  "motion.tilt-down",
  "motion.zoom-in",
  "motion.zoom-out",
]);

/**
 * A shot's bursts into tagged stretches. A burst that shows a transition (see `transitionInBurst`)
 * is a wall no tag reaches across: the stretches before and after it are judged apart. Within a
 * stretch, a long shot, or one whose bursts show different deliberate moves (a zoom that turns into
 * a pan), gets one segment per run of bursts of the same motion; otherwise one motion for the
 * stretch (see `stretchMotion`). Each motion's confidence is weighed by the evidence (how much of
 * the picture followed it, how many of the bursts agree) and dropped below `MIN_MOTION_CONFIDENCE`.
 */
export function motionSegments(
  bursts: readonly MeasuredBurst[],
  startFrame: number,
  endFrame: number,
  long: boolean,
): MotionSegment[] {
  const segments: MotionSegment[] = [];
  let from = startFrame;
  let stretch: MeasuredBurst[] = [];
  let drifted = false;
  const close = (to: number): void => {
    const found = to > from ? stretchSegments(stretch, from, to, long) : [];
    // Held still in every burst yet somewhere else later: the camera moved where no burst looked.
    segments.push(...found.map((s) => (drifted && s.motion?.kind === "motion.static" ? { ...s, motion: null } : s)));
    stretch = [];
    drifted = false;
  };
  for (const burst of bursts) {
    const before = stretch.at(-1);
    if (burst.motion.transition) {
      close(burst.at);
      from = Math.min(endFrame, burst.at + BURST_FRAMES);
    } else if (burst.motion.pairs.length > 0) {
      // A locked-off camera that shows another picture later was wiped or cut to something else in
      // between, where no burst looked: neither side's tag reaches into the gap.
      if (before && isStatic(before) && isStatic(burst) && picturesDiffer(before.motion.ends, burst.motion.ends)) {
        if (sameViewMoved(before.motion.ends, burst.motion.ends)) drifted = true;
        else {
          close(Math.min(endFrame, before.at + BURST_FRAMES));
          from = burst.at;
        }
      }
      stretch.push(burst);
    }
  }
  close(endFrame);
  return segments.map((s) => (s.motion && s.motion.confidence < MIN_MOTION_CONFIDENCE ? { ...s, motion: null } : s));
}

function stretchSegments(
  bursts: readonly MeasuredBurst[],
  startFrame: number,
  endFrame: number,
  long: boolean,
): MotionSegment[] {
  if (bursts.length === 0) return [];
  const noise = pooledNoise(bursts);
  const each = bursts.map((b) => classify([b], noise));
  const moves = new Set(each.filter((c) => c && MOVES.has(c.kind)).map((c) => c!.kind));
  if (!long && moves.size < 2) return [{ startFrame, endFrame, motion: stretchMotion(bursts, each, noise) }];
  // Runs of bursts of the same class; boundaries halfway between bursts.
  const runs: Array<{ first: number; last: number; kind: string | null }> = [];
  each.forEach((c, i) => {
    const kind = c?.kind ?? null;
    const run = runs.at(-1);
    if (run && run.kind === kind) run.last = i;
    else runs.push({ first: i, last: i, kind });
  });
  return runs.map((run, r) => {
    const members = bursts.slice(run.first, run.last + 1);
    return {
      startFrame:
        r === 0 ? startFrame : Math.round((bursts[run.first - 1]!.at + bursts[run.first]!.at + BURST_FRAMES) / 2),
      endFrame:
        r === runs.length - 1
          ? endFrame
          : Math.round((bursts[run.last]!.at + bursts[run.last + 1]!.at + BURST_FRAMES) / 2),
      motion: run.kind === null ? null : weighed(classify(members, noise), members, members.length),
    };
  });
}

/**
 * One motion for a stretch. When its bursts disagree and those that show a deliberate move agree on
 * it, the move wins (a shot that pans and then holds is logged by its move), with less confidence
 * the fewer bursts show it. Otherwise all bursts are classified together and weighed by how many of
 * them, alone, say the same.
 */
function stretchMotion(
  bursts: readonly MeasuredBurst[],
  each: ReadonlyArray<MotionClass | null>,
  noise: number,
): MotionClass | null {
  const moving = bursts.filter((_, i) => MOVES.has(each[i]?.kind ?? "motion.static"));
  // Only a hold beside a move lets the move stand for the stretch: beside a hand's wobble, a
  // burst that looks like a pan is more likely one drift of that hand.
  const holding = each.every((c) => !c || c.kind === "motion.static" || MOVES.has(c.kind));
  if (moving.length > 0 && moving.length < bursts.length && holding) {
    const move = weighed(classify(moving, noise), moving, moving.length);
    return move && { ...move, confidence: round2(move.confidence * (0.6 + (0.4 * moving.length) / bursts.length)) };
  }
  const all = classify(bursts, noise);
  if (!all) return null;
  // A burst of a hand's wobble can drift one way for its fifth of a second: as a move it still agrees
  // with handheld. A hand's shake also comes and goes: a burst that wobbles too much for a tripod
  // and too little for a hand (no class of its own) does not speak against the hand the others show.
  const agrees = (c: MotionClass | null): boolean =>
    c?.kind === all.kind || (all.kind === "motion.handheld" && (c === null || MOVES.has(c.kind)));
  const agreeing = each.filter(agrees).length;
  return weighed(all, bursts, Math.max(agreeing, bursts.length === 1 ? 1 : 0));
}

function isStatic(burst: MeasuredBurst): boolean {
  return classify([burst])?.kind === "motion.static";
}

/** Levels by which the typical pixel of two pictures of one held view differs at most (noise, grain). */
const SAME_VIEW = 12;

/**
 * The later burst's first frame is not the earlier burst's last: most of the picture changed. Judged
 * at a quarter of the size, where sensor noise and grain have averaged away and only the picture is left.
 */
function picturesDiffer(a: BurstMotion["ends"], b: BurstMotion["ends"]): boolean {
  if (!a || !b || a[1].data.length !== b[0].data.length) return false;
  const from = halve(halve(a[1])).data;
  const to = halve(halve(b[0])).data;
  const differences = Array.from(from, (v, i) => Math.abs(v - to[i]!)).sort((p, q) => p - q);
  return differences[differences.length >> 1]! > SAME_VIEW;
}

/** The later picture is the earlier one moved by a camera (a slow pan or zoom between bursts), not another picture. */
function sameViewMoved(a: BurstMotion["ends"], b: BurstMotion["ends"]): boolean {
  if (!a || !b) return false;
  const from = motionFrame(a[1]);
  const to = motionFrame(b[0]);
  // Bursts are seconds apart: a zoom may have changed the scale by a quarter, beyond one fit's reach.
  return DRIFT_ZOOMS.some((zoom) => {
    const motion = globalMotionOf(from, to, { dx: 0, dy: 0, zoom });
    return (
      motion.residual <= MOTION_THRESHOLDS.maxResidual && motion.inlierShare >= DRIFT_INLIERS && !motion.fitsNoMotion
    );
  });
}

/** Share of blocks that must follow one camera motion for two pictures to be one view moved. */
const DRIFT_INLIERS = 0.5;
/** Scales from which a camera's drift between two bursts is looked for. */
const DRIFT_ZOOMS = [0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.4];

/**
 * Classified against `noise`, by default the bursts' own pooled. A burst's noise comes from five
 * pairs and is itself noisy; the footage's noise is the same all through a stretch, so its bursts
 * are each judged against the stretch's pooled noise.
 */
function classify(bursts: readonly MeasuredBurst[], noise = pooledNoise(bursts)): MotionClass | null {
  return classifyMotion(
    bursts.map((b): PairMotion[] => b.motion.pairs),
    noise,
  );
}

function pooledNoise(bursts: readonly MeasuredBurst[]): number {
  return Math.sqrt(bursts.reduce((sum, b) => sum + b.motion.noise ** 2, 0) / Math.max(1, bursts.length));
}

/** Confidence times the evidence: the share of the picture that followed the motion, and of the bursts that agree. */
function weighed(motion: MotionClass | null, bursts: readonly MeasuredBurst[], agreeing: number): MotionClass | null {
  if (!motion) return null;
  const inliers = bursts.reduce((sum, b) => sum + b.motion.inlierShare, 0) / bursts.length;
  const support = motion.kind === "motion.static" ? 1 : Math.min(1, inliers / FULL_INLIER_SHARE);
  return { ...motion, confidence: round2(motion.confidence * support * (agreeing / bursts.length)) };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
