import type { GlobalMotion } from "./globalMotion.ts";

export type MotionKind =
  | "motion.static"
  | "motion.pan-left"
  | "motion.pan-right"
  | "motion.tilt-up"
  | "motion.tilt-down"
  | "motion.zoom-in"
  | "motion.zoom-out"
  | "motion.handheld";

/**
 * Thresholds in pixels per frame of a 1920x1080 picture (whatever the clip's size), so they mean
 * the same on every format. Zoom is measured as how far the left/right picture edge moves per
 * frame: (zoom - 1) x 960 px.
 */
export const MOTION_THRESHOLDS = {
  /** Below this mean translation and zoom, and with wobble below `staticWobble`: a locked-off camera. */
  staticMean: 1.0,
  /** Wobble (RMS of the pairs' translation about the shot's steady motion) of a tripod: encoder and scaler noise. */
  staticWobble: 0.4,
  /** A pan or tilt moves at least this (2 px/frame = 50 px/s at 25 fps, 2.6 % of the width per second). */
  moveMin: 2.0,
  /** A zoom moves the picture edge at least this (1.2 px/frame: a 1.5x zoom takes about ten seconds). */
  zoomMin: 1.2,
  /** A move must be this many times the spread of its own axis to count as deliberate. */
  consistency: 2.0,
  /** Wobble from this on, with no consistent move, is a handheld camera (a hand shakes by 1 to 4 px/frame). */
  handheldWobble: 1.0,
  /** Wobble within this many times the measurement's own noise is noise, not a hand. */
  noiseMargin: 2,
  /** Pairs whose residual (levels) is above this are not explained by camera motion (cuts, big subjects). */
  maxResidual: 25,
} as const;

/** Motion of one frame pair, in 1080p pixels per frame (see MOTION_THRESHOLDS). */
export interface PairMotion {
  readonly dx: number;
  readonly dy: number;
  /** (zoom - 1) x 960: the edge's movement, > 0 zooming in. */
  readonly dz: number;
}

export function toPairMotion(m: GlobalMotion, frameWidth: number): PairMotion {
  const k = 1920 / frameWidth;
  return { dx: m.dx * k, dy: m.dy * k, dz: (m.zoom - 1) * 960 };
}

export interface MotionClass {
  readonly kind: MotionKind;
  /** 0..1: how clearly the measurements fall into the class. */
  readonly confidence: number;
  /** Mean motion and wobble (1080p px/frame), for evidence. */
  readonly mean: PairMotion;
  readonly jitter: number;
}

/**
 * Classifies the camera from bursts of consecutive-frame motions (each burst a few pairs).
 *
 * A deliberate move (pan, tilt, zoom) is judged on its own axis: each burst's trimmed mean speed
 * there (a dropped or repeated frame is one odd pair, not a slower move), large, with the same sign in
 * every burst and nearly every pair, and steady against that axis's own spread. Zoom is separate
 * from translation, so a zoom whose picture shivers a little sideways is still a zoom.
 *
 * Otherwise the wobble decides: the RMS of the translation of single pairs about the shot's steady
 * motion, over all bursts. A hand's wobble keeps changing direction, so within one short burst it
 * can look like a slow drift; only across bursts does it average out to going nowhere. `noise` is
 * what the measurement of one pair wanders by on its own (sensor noise, a busy texture; 1080p px,
 * RMS): wobble counts as a hand only well above it, and wobble within it is a locked-off camera.
 * Returns null when the bursts say nothing clear rather than guessing.
 */
export function classifyMotion(bursts: ReadonlyArray<readonly PairMotion[]>, noise = 0): MotionClass | null {
  const t = MOTION_THRESHOLDS;
  const filled = bursts.filter((b) => b.length > 0);
  const pairs = filled.flat();
  if (pairs.length === 0) return null;
  const axes = (["dx", "dy", "dz"] as const).map((axis) => axisMotion(filled, axis));
  const mean = { dx: axes[0]!.mean, dy: axes[1]!.mean, dz: axes[2]!.mean };
  const wobble = Math.sqrt(avg(pairs.map((p) => (p.dx - mean.dx) ** 2 + (p.dy - mean.dy) ** 2)));
  const result = (kind: MotionKind, confidence: number): MotionClass => ({
    kind,
    confidence: clamp01(confidence),
    mean,
    jitter: wobble,
  });

  const kinds: ReadonlyArray<readonly [MotionKind, MotionKind]> = [
    ["motion.pan-left", "motion.pan-right"],
    ["motion.tilt-up", "motion.tilt-down"],
    ["motion.zoom-in", "motion.zoom-out"],
  ];
  const mins = [t.moveMin, t.moveMin, t.zoomMin];
  let best: { kind: MotionKind; strength: number; agreeing: number } | null = null;
  axes.forEach((axis, i) => {
    const size = Math.abs(axis.mean);
    // The mean of n pairs wanders by noise / sqrt(n) on its own.
    const floor = (t.noiseMargin * noise) / Math.sqrt(pairs.length);
    if (size < mins[i]! + floor || size < t.consistency * axis.spread || !axis.burstsAgree || axis.agreeing < 0.75)
      return;
    const strength = size / mins[i]!;
    if (!best || strength > best.strength)
      best = { kind: kinds[i]![axis.mean > 0 ? 0 : 1], strength, agreeing: axis.agreeing };
  });
  if (best) {
    const { kind, strength, agreeing } = best as { kind: MotionKind; strength: number; agreeing: number };
    return result(kind, 0.5 + 0.5 * agreeing * Math.min(1, strength / 2));
  }
  const meanSize = Math.max(Math.abs(mean.dx), Math.abs(mean.dy), Math.abs(mean.dz));
  const staticWobble = Math.max(t.staticWobble, t.noiseMargin * noise);
  // A zoom that goes in and out by turns is not a locked-off camera either, though it goes nowhere.
  const zoomWobble = Math.sqrt(avg(pairs.map((p) => (p.dz - mean.dz) ** 2)));
  if (meanSize < t.staticMean + noise && Math.hypot(wobble, zoomWobble) < staticWobble) {
    return result("motion.static", 0.9 - 0.3 * Math.max(meanSize / (t.staticMean + noise), wobble / staticWobble));
  }
  const handheldWobble = Math.max(t.handheldWobble, t.noiseMargin * noise);
  if (wobble >= handheldWobble)
    return result("motion.handheld", 0.5 + 0.4 * Math.min(1, wobble / (3 * handheldWobble)));
  return null;
}

interface AxisMotion {
  /** Mean of the bursts' speeds (each without its fastest and slowest pair), weighted by their pairs. */
  readonly mean: number;
  /** Robust spread of single pairs about their burst's median (1.4826 x median absolute deviation). */
  readonly spread: number;
  /** Every burst's median has the mean's sign. */
  readonly burstsAgree: boolean;
  /** Share of pairs moving the mean's way. */
  readonly agreeing: number;
}

function axisMotion(bursts: ReadonlyArray<readonly PairMotion[]>, axis: keyof PairMotion): AxisMotion {
  const medians = bursts.map((b) => median(b.map((p) => p[axis])));
  const speeds = bursts.map((b) => trimmedMean(b.map((p) => p[axis])));
  const weights = bursts.map((b) => b.length);
  const total = weights.reduce((a, b) => a + b, 0);
  const mean = speeds.reduce((sum, m, i) => sum + m * weights[i]!, 0) / total;
  const deviations = bursts.flatMap((b, i) => b.map((p) => Math.abs(p[axis] - medians[i]!)));
  const sign = Math.sign(mean);
  const pairs = bursts.flat();
  return {
    mean,
    spread: 1.4826 * median(deviations),
    burstsAgree: speeds.every((m) => Math.sign(m) === sign),
    agreeing: pairs.filter((p) => Math.sign(p[axis]) === sign).length / pairs.length,
  };
}

/**
 * Mean without the lowest and the highest value (from three values on): one repeated frame does not
 * slow a pan down, and a move in uneven steps (2, 4, 2, 4 px) keeps its true average, which the
 * median would not.
 */
function trimmedMean(values: readonly number[]): number {
  if (values.length < 3) return avg(values);
  const sorted = [...values].sort((a, b) => a - b);
  return avg(sorted.slice(1, -1));
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function avg(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function clamp01(v: number): number {
  return Math.round(Math.min(1, Math.max(0, v)) * 100) / 100;
}
