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
  /** Below this mean translation and zoom, and with jitter below STATIC_JITTER: a locked-off camera. */
  staticMean: 1.0,
  /** Frame-to-frame wobble (RMS deviation from the burst's mean motion) of a tripod shot: encoder and scaler noise. */
  staticJitter: 1.0,
  /** A pan or tilt moves at least this (2 px/frame = 50 px/s at 25 fps, 2.6 % of the width per second). */
  moveMin: 2.0,
  /** A zoom moves the picture edge at least this. */
  zoomMin: 2.0,
  /** A move must be this many times its own wobble to count as deliberate; below, a steady hand. */
  consistency: 2.0,
  /** Wobble from this on, with no consistent move, is a handheld camera. */
  handheldJitter: 1.5,
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
 * Classifies the camera from bursts of consecutive-frame motions (each burst a few pairs). The mean
 * says where the camera goes; the wobble (pooled RMS deviation from each burst's own mean) says how
 * steadily. A deliberate move is large and steady; a handheld camera wobbles without going anywhere.
 * Returns null when the bursts say nothing clear (e.g. a moving subject in front of a still camera
 * that the robust fit only half explains), rather than guessing.
 */
export function classifyMotion(bursts: ReadonlyArray<readonly PairMotion[]>): MotionClass | null {
  const t = MOTION_THRESHOLDS;
  const pairs = bursts.flat();
  if (pairs.length === 0) return null;
  const mean = {
    dx: avg(pairs.map((p) => p.dx)),
    dy: avg(pairs.map((p) => p.dy)),
    dz: avg(pairs.map((p) => p.dz)),
  };
  let sq = 0;
  let n = 0;
  for (const burst of bursts) {
    if (burst.length < 2) continue;
    const bx = avg(burst.map((p) => p.dx));
    const by = avg(burst.map((p) => p.dy));
    const bz = avg(burst.map((p) => p.dz));
    for (const p of burst) {
      sq += (p.dx - bx) ** 2 + (p.dy - by) ** 2 + (p.dz - bz) ** 2;
      n++;
    }
  }
  const jitter = n > 0 ? Math.sqrt(sq / n) : 0;
  const result = (kind: MotionKind, confidence: number): MotionClass => ({ kind, confidence: clamp01(confidence), mean, jitter });

  const moves: Array<{ size: number; min: number; kind: MotionKind; sign: (p: PairMotion) => number }> = [
    { size: Math.abs(mean.dx), min: t.moveMin, kind: mean.dx < 0 ? "motion.pan-right" : "motion.pan-left", sign: (p) => Math.sign(p.dx) },
    { size: Math.abs(mean.dy), min: t.moveMin, kind: mean.dy > 0 ? "motion.tilt-up" : "motion.tilt-down", sign: (p) => Math.sign(p.dy) },
    { size: Math.abs(mean.dz), min: t.zoomMin, kind: mean.dz > 0 ? "motion.zoom-in" : "motion.zoom-out", sign: (p) => Math.sign(p.dz) },
  ];
  const strongest = moves.reduce((best, m) => (m.size / m.min > best.size / best.min ? m : best));
  if (strongest.size >= strongest.min && strongest.size >= t.consistency * jitter) {
    const direction = Math.sign(strongest.sign({ dx: mean.dx, dy: mean.dy, dz: mean.dz }));
    const agreeing = pairs.filter((p) => strongest.sign(p) === direction).length / pairs.length;
    if (agreeing >= 0.75) return result(strongest.kind, 0.5 + 0.5 * agreeing * Math.min(1, strongest.size / (2 * strongest.min)));
  }
  const meanSize = Math.max(Math.abs(mean.dx), Math.abs(mean.dy), Math.abs(mean.dz));
  if (meanSize < t.staticMean && jitter < t.staticJitter) return result("motion.static", 0.9 - 0.3 * Math.max(meanSize / t.staticMean, jitter / t.staticJitter));
  if (jitter >= t.handheldJitter) return result("motion.handheld", 0.5 + 0.4 * Math.min(1, jitter / (3 * t.handheldJitter)));
  return null;
}

function avg(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function clamp01(v: number): number {
  return Math.round(Math.min(1, Math.max(0, v)) * 100) / 100;
}
