import { MOTION_THRESHOLDS, toPairMotion, type PairMotion } from "./classifyMotion.ts";
import { globalMotionOf, motionFrame, type GlobalMotion } from "./globalMotion.ts";
import { contrastOf, type GrayImage } from "./GrayImage.ts";
import { transitionInBurst } from "./transitionInBurst.ts";

/** Pictures with less contrast than this (levels) have nothing to track: black, white, a flat wall. */
const MIN_CONTRAST = 4;

/** What one burst of consecutive frames says about the camera. */
export interface BurstMotion {
  /** Camera motion between neighbouring frames (1080p px per frame); empty when nothing could be measured. */
  readonly pairs: PairMotion[];
  /** Mean share of the trackable blocks that followed the fitted motion (0..1). */
  readonly inlierShare: number;
  /** What noise alone moves a single pair's measurement by (1080p px, RMS). */
  readonly noise: number;
  /** The frames show a transition (a fade's luma ramp, a wipe's edge): they say nothing about the camera. */
  readonly transition: boolean;
  /** The burst's first and last frame as measured, to tell whether the picture changed between bursts. */
  readonly ends: readonly [Uint8Array, Uint8Array] | null;
}

const NOTHING: BurstMotion = { pairs: [], inlierShare: 0, noise: 0, transition: false, ends: null };

/**
 * Camera motion in a burst, measured against its first frame rather than between neighbours: where
 * each frame sits relative to the first, then the steps between those positions. Matching two noisy
 * frames by interpolation favours shifts that smooth the reference's noise (up to a third of a pixel
 * here), the same offset whichever frame is matched; between neighbours that offset repeats in every
 * pair and reads as a steady slow pan of a locked-off camera, while against one reference it is the
 * same in every position and cancels in the steps. Frames too flat to track, or that no camera motion
 * explains (a cut, a big subject), end the burst there.
 */
export function burstMotion(data: readonly Uint8Array[], width: number, height: number): BurstMotion {
  const pictures = data.map((d): GrayImage => ({ width, height, data: Float32Array.from(d) }));
  if (transitionInBurst(pictures)) return { ...NOTHING, transition: true };
  const ends = data.length > 0 ? ([Uint8Array.from(data[0]!), Uint8Array.from(data.at(-1)!)] as const) : null;
  if (pictures.length < 2 || contrastOf(pictures[0]!) < MIN_CONTRAST) return NOTHING;
  const frames = [motionFrame(pictures[0]!)];
  const positions: GlobalMotion[] = [];
  const neighbours: GlobalMotion[] = [];
  let last: GlobalMotion | undefined;
  for (let i = 1; i < pictures.length; i++) {
    if (contrastOf(pictures[i]!) < MIN_CONTRAST) break;
    frames.push(motionFrame(pictures[i]!));
    const position = globalMotionOf(frames[0]!, frames[i]!, last);
    if (position.residual > MOTION_THRESHOLDS.maxResidual) break;
    positions.push(position);
    neighbours.push(globalMotionOf(frames[i - 1]!, frames[i]!));
    last = position;
  }
  if (positions.length === 0) return NOTHING;
  const k = 1920 / width;
  const inlierShare = positions.reduce((sum, p) => sum + p.inlierShare, 0) / positions.length;
  // Decided per burst, not per position: zeroing single steps of a real move would fake wobble.
  if (positions.filter((p) => p.fitsNoMotion).length * 2 > positions.length) {
    return { pairs: positions.map(() => ({ dx: 0, dy: 0, dz: 0 })), inlierShare, noise: 0, transition: false, ends };
  }
  const start: GlobalMotion = { dx: 0, dy: 0, zoom: 1, residual: 0, fitsNoMotion: true, inlierShare: 1, uncertainty: 0 };
  const pairs = positions.map((p, i) => {
    const before = i === 0 ? start : positions[i - 1]!;
    return toPairMotion({ ...p, dx: p.dx - before.dx, dy: p.dy - before.dy, zoom: p.zoom / before.zoom }, width);
  });
  return { pairs, inlierShare, noise: disagreement(pairs, neighbours.map((n) => toPairMotion(n, width))), transition: false, ends };
}

/**
 * How far a step measured between positions and the same step measured between neighbours disagree
 * (RMS, 1080p px), once their steady offset is taken out: two measurements of one real movement
 * agree whatever its size, while sensor noise and busy texture move each measurement its own way.
 */
function disagreement(steps: readonly PairMotion[], neighbours: readonly PairMotion[]): number {
  const dx = steps.map((s, i) => neighbours[i]!.dx - s.dx);
  const dy = steps.map((s, i) => neighbours[i]!.dy - s.dy);
  const spread = (v: number[]): number => {
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    return v.reduce((sum, x) => sum + (x - mean) ** 2, 0) / v.length;
  };
  return Math.sqrt(spread(dx) + spread(dy));
}
