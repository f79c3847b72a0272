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
  readonly ends: readonly [GrayImage, GrayImage] | null;
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
  const ends = pictures.length > 0 ? ([pictures[0]!, pictures.at(-1)!] as const) : null;
  if (pictures.length < 2 || contrastOf(pictures[0]!) < MIN_CONTRAST) return NOTHING;
  // A repeated frame (a stutter, a zoom rendered in steps) shows no camera motion of its own: the
  // step over it is shared out over the frames it spans instead of reading as stop-and-go wobble.
  const kept = [0];
  for (let i = 1; i < pictures.length; i++) if (!repeats(pictures[kept.at(-1)!]!, pictures[i]!)) kept.push(i);
  if (kept.length === 1)
    return {
      pairs: pictures.slice(1).map(() => ({ dx: 0, dy: 0, dz: 0 })),
      inlierShare: 1,
      noise: 0,
      transition: false,
      ends,
    };
  const frames = [motionFrame(pictures[0]!)];
  const positions: GlobalMotion[] = [];
  const neighbours: GlobalMotion[] = [];
  const spans: number[] = [];
  let last: GlobalMotion | undefined;
  for (let j = 1; j < kept.length; j++) {
    const picture = pictures[kept[j]!]!;
    if (contrastOf(picture) < MIN_CONTRAST) break;
    frames.push(motionFrame(picture));
    const position = globalMotionOf(frames[0]!, frames[j]!, last);
    if (position.residual > MOTION_THRESHOLDS.maxResidual) break;
    positions.push(position);
    neighbours.push(globalMotionOf(frames[j - 1]!, frames[j]!));
    spans.push(kept[j]! - kept[j - 1]!);
    last = position;
  }
  if (positions.length === 0) return NOTHING;
  const inlierShare = positions.reduce((sum, p) => sum + p.inlierShare, 0) / positions.length;
  // Decided per burst, not per position: zeroing single steps of a real move would fake wobble.
  if (positions.filter((p) => p.fitsNoMotion).length * 2 > positions.length) {
    return { pairs: positions.map(() => ({ dx: 0, dy: 0, dz: 0 })), inlierShare, noise: 0, transition: false, ends };
  }
  const start: GlobalMotion = {
    dx: 0,
    dy: 0,
    zoom: 1,
    residual: 0,
    fitsNoMotion: true,
    inlierShare: 1,
    uncertainty: 0,
  };
  const perFrame = (m: GlobalMotion, span: number): PairMotion =>
    toPairMotion({ ...m, dx: m.dx / span, dy: m.dy / span, zoom: m.zoom ** (1 / span) }, width);
  const pairs = positions.map((p, i) => {
    const before = i === 0 ? start : positions[i - 1]!;
    return perFrame({ ...p, dx: p.dx - before.dx, dy: p.dy - before.dy, zoom: p.zoom / before.zoom }, spans[i]!);
  });
  const noise = disagreement(
    pairs,
    neighbours.map((n, i) => perFrame(n, spans[i]!)),
  );
  return { pairs, inlierShare, noise, transition: false, ends };
}

/** Mean level difference below which a frame repeats the one before (decoders reproduce a repeat exactly). */
const REPEAT_LEVEL = 0.3;

function repeats(a: GrayImage, b: GrayImage): boolean {
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i]! - b.data[i]!);
  return sum / a.data.length < REPEAT_LEVEL;
}

/**
 * How far a step measured between positions and the same step measured between neighbours disagree
 * (1080p px, as a standard deviation), once their steady offset is taken out: two measurements of
 * one real movement agree whatever its size, while sensor noise and busy texture move each
 * measurement its own way. Robust (median absolute deviation): one pair that a passing subject
 * threw off is not noise of the whole burst.
 */
function disagreement(steps: readonly PairMotion[], neighbours: readonly PairMotion[]): number {
  const dx = steps.map((s, i) => neighbours[i]!.dx - s.dx);
  const dy = steps.map((s, i) => neighbours[i]!.dy - s.dy);
  const dz = steps.map((s, i) => neighbours[i]!.dz - s.dz);
  const median = (v: number[]): number => {
    const sorted = [...v].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const spread = (v: number[]): number => {
    const centre = median(v);
    return (1.4826 * median(v.map((x) => Math.abs(x - centre)))) ** 2;
  };
  return Math.sqrt(spread(dx) + spread(dy) + spread(dz));
}
