import { measureBlocks, type Similarity } from "./blockMotion.ts";
import { blur, halve, type GrayImage } from "./GrayImage.ts";
import { fitSimilarity, supportOf, usableBlocks } from "./robustSimilarity.ts";
import { solve3 } from "./solve3.ts";

/**
 * Global motion between two frames, as the picture content moves (not the camera): `dx` > 0 means
 * content moves right (the camera pans left), `dy` > 0 content moves down (the camera tilts up),
 * `zoom` > 1 content grows (zoom in). Translations are in pixels of the frames given.
 */
export interface GlobalMotion {
  readonly dx: number;
  readonly dy: number;
  readonly zoom: number;
  /** Mean absolute residual after compensation (half size), in levels: high when the model does not fit. */
  readonly residual: number;
  /**
   * "No motion" explains at least as many blocks as the fitted motion. A locked-off camera with
   * something moving over a plain background (an inset, a graphic sliding in) may be fitted to
   * that, the only texture that moves; this tells the camera did not move.
   */
  readonly fitsNoMotion: boolean;
  /**
   * Share (0..1) of the blocks that can be tracked that move with the fitted warp: near 1 when the
   * whole picture follows one camera move, low when most of it does something else (a wipe's edge,
   * a picture being replaced, leaves in wind).
   */
  readonly inlierShare: number;
  /**
   * Standard error of the fitted translation (pixels of the frames given) from how the agreeing
   * blocks scatter about it: what sensor noise alone can make the measurement wander by.
   */
  readonly uncertainty: number;
}

/** Coarsest level's integer search range, in its pixels (at 40 px wide: +-8 px = +-384 px at 1080p). */
const COARSE_SEARCH = 8;
const ITERATIONS = 10;
/** Residuals beyond this (levels) are treated as outliers: people and cars moving in the frame. */
const ROBUST_SCALE = 12;

/**
 * A frame made ready for `globalMotion`: smoothed (see `blur`), with two coarser pyramid levels.
 * In a burst every inner frame is in two pairs; preparing it once saves half the smoothing.
 */
export interface MotionFrame {
  /** Smoothed full size, half and quarter size. */
  readonly pyramid: readonly [GrayImage, GrayImage, GrayImage];
}

export function motionFrame(sharp: GrayImage): MotionFrame {
  const smooth = blur(sharp);
  const half = halve(smooth);
  return { pyramid: [smooth, half, halve(half)] };
}

/**
 * Estimates translation plus zoom about the centre from `a` to `b`. A coarse-to-fine whole-picture
 * fit (integer shift search on the coarsest of three pyramid levels, then Gauss-Newton with robust
 * weights: Lucas-Kanade on b(p) = a(c + s (p - c) + t)) gives a start; on the finest level each
 * block of a grid then finds its own shift, and the camera's warp is the one most blocks agree with
 * (`fitSimilarity`). Static graphics over a moving scene, or a moving inset over a still one, are
 * outvoted instead of averaged in. Subpixel accurate: a 1 px/frame pan at 1080p is 0.08 px at 160x90.
 */
export function globalMotion(sharpA: GrayImage, sharpB: GrayImage): GlobalMotion {
  return globalMotionOf(motionFrame(sharpA), motionFrame(sharpB));
}

/**
 * `globalMotion` of two prepared frames. `near`, a motion expected from `a` to `b` (the last frame's
 * against the same reference), centres the coarse search on it instead of on no motion, so frames
 * several apart can be measured against one reference.
 */
export function globalMotionOf(
  frameA: MotionFrame,
  frameB: MotionFrame,
  near?: Pick<GlobalMotion, "dx" | "dy" | "zoom">,
): GlobalMotion {
  const pyramidA = frameA.pyramid;
  const pyramidB = frameB.pyramid;
  const a = pyramidA[0];
  const b = pyramidB[0];

  // Parameters in the coarsest level's pixels; t doubles per finer level, s is scale-free.
  const top = pyramidA.length - 1;
  const scale = 2 ** top;
  // Content moving by d under zoom z is b(p) = a(c + s (p - c) + t) with s = 1/z, t = -d s.
  let s = near ? 1 / near.zoom : 1;
  const centre: [number, number] = near
    ? [Math.round((-near.dx * s) / scale), Math.round((-near.dy * s) / scale)]
    : [0, 0];
  let [tx, ty] = integerShift(pyramidA[top]!, pyramidB[top]!, centre);
  let residual = 0;
  for (let level = top; level >= 1; level--) {
    if (level < top) {
      tx *= 2;
      ty *= 2;
    }
    ({ tx, ty, s, residual } = refine(pyramidA[level]!, pyramidB[level]!, tx, ty, s));
  }
  const whole = { tx: 2 * tx, ty: 2 * ty, s };
  const blocks = usableBlocks(measureBlocks(a, b, whole));
  const still = { tx: 0, ty: 0, s: 1 };
  const fit =
    blocks.length >= MIN_BLOCKS
      ? fitSimilarity(blocks, [whole, still, medianShift(blocks)], a.width, a.height)
      : { ...whole, support: 0 };
  // Ties go to no motion: a locked-off camera is the likelier story when both explain the blocks.
  const fitsNoMotion =
    blocks.length < MIN_BLOCKS || supportOf(blocks, still, a.width, a.height) >= fit.support - STILL_MARGIN;
  const inlierShare = blocks.length < MIN_BLOCKS ? 0 : agreeingShare(blocks, fit, a.width, a.height);
  const uncertainty = blocks.length < MIN_BLOCKS ? Infinity : scatterOf(blocks, fit, a.width, a.height);
  // b(p) = a(c + s (p - c) + t): content at a(q) shows at p = c + (q - c - t) / s, so it moves by -t/s.
  return {
    dx: -fit.tx / fit.s,
    dy: -fit.ty / fit.s,
    zoom: 1 / fit.s,
    residual,
    fitsNoMotion,
    inlierShare,
    uncertainty,
  };
}

/** Fewer trackable blocks than this (a flat picture with a logo) cannot tell a camera move. */
const MIN_BLOCKS = 4;
/** Blocks (soft count) by which a move must beat "no motion". */
const STILL_MARGIN = 0.5;

function medianShift(blocks: ReadonlyArray<{ ux: number; uy: number }>): Similarity {
  const median = (v: number[]) => v.sort((p, q) => p - q)[v.length >> 1]!;
  return { tx: median(blocks.map((b) => b.ux)), ty: median(blocks.map((b) => b.uy)), s: 1 };
}

/** A block within this distance (pixels) of the warp's prediction moves with it. */
const AGREEING_DISTANCE = 0.5;

/**
 * Share of the blocks within `AGREEING_DISTANCE` of the warp. Plainer than the fit's own support,
 * which weighs each block by how sharply it is placed: a zoom deforms every block a little, and by
 * that measure most blocks of a clean zoom would disagree with it.
 */
function agreeingShare(
  blocks: ReadonlyArray<{ x: number; y: number; ux: number; uy: number }>,
  w: Similarity,
  width: number,
  height: number,
): number {
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const m = w.s - 1;
  const near = blocks.filter(
    (b) => Math.hypot(b.ux - (w.tx + m * (b.x - cx)), b.uy - (w.ty + m * (b.y - cy))) <= AGREEING_DISTANCE,
  );
  return near.length / blocks.length;
}

/**
 * Standard error of the translation: the RMS distance of the blocks that agree (each weighted by how
 * much it agrees) from the warp's prediction, over the root of their count.
 */
function scatterOf(
  blocks: ReadonlyArray<{ x: number; y: number; ux: number; uy: number }>,
  w: Similarity,
  width: number,
  height: number,
): number {
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const m = w.s - 1;
  const distances = blocks.map((b) => Math.hypot(b.ux - (w.tx + m * (b.x - cx)), b.uy - (w.ty + m * (b.y - cy))));
  // The agreeing half: a block that follows something else says nothing about this warp's noise.
  const near = distances.sort((p, q) => p - q).slice(0, Math.max(MIN_BLOCKS, Math.ceil(distances.length / 2)));
  const rms = Math.sqrt(near.reduce((sum, d) => sum + d * d, 0) / near.length);
  return rms / Math.sqrt(near.length);
}

function integerShift(a: GrayImage, b: GrayImage, [cx, cy]: [number, number] = [0, 0]): [number, number] {
  const { width, height } = a;
  const ad = a.data;
  const bd = b.data;
  const m = COARSE_SEARCH;
  let best = Infinity;
  let bestShift: [number, number] = [cx, cy];
  for (let ty = cy - m; ty <= cy + m; ty++) {
    for (let tx = cx - m; tx <= cx + m; tx++) {
      const y0 = Math.max(0, -ty);
      const y1 = Math.min(height, height - ty);
      const x0 = Math.max(0, -tx);
      const x1 = Math.min(width, width - tx);
      const count = Math.max(0, y1 - y0) * Math.max(0, x1 - x0);
      // The overlap must stay large, and ties prefer no motion.
      if (count < width * height * 0.4) continue;
      const penalty = 0.01 * (Math.abs(tx - cx) + Math.abs(ty - cy));
      let sum = 0;
      for (let y = y0; y < y1; y++) {
        const rowB = y * width;
        const rowA = (y + ty) * width + tx;
        for (let x = x0; x < x1; x++) sum += Math.abs(bd[rowB + x]! - ad[rowA + x]!);
        // The sum only grows: once it cannot win, the rest of the overlap cannot change that.
        if (sum / count + penalty >= best) break;
      }
      const cost = sum / count + penalty;
      if (cost < best) {
        best = cost;
        bestShift = [tx, ty];
      }
    }
  }
  return bestShift;
}

function refine(
  a: GrayImage,
  b: GrayImage,
  tx0: number,
  ty0: number,
  s0: number,
): { tx: number; ty: number; s: number; residual: number } {
  const { width, height } = a;
  const d = a.data;
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  // Where each column samples `a` this iteration (the warp is separable in x and y): whole and
  // fractional part, or -1 outside the picture.
  const ixs = new Int32Array(width);
  const fxs = new Float64Array(width);
  let tx = tx0;
  let ty = ty0;
  let s = s0;
  let residual = 0;
  for (let iter = 0; iter < ITERATIONS; iter++) {
    for (let x = 1; x < width - 1; x++) {
      const qx = cx + s * (x - cx) + tx;
      const inside = !(qx < 1 || qx > width - 2);
      ixs[x] = inside ? Math.floor(qx) : -1;
      fxs[x] = inside ? qx - Math.floor(qx) : 0;
    }
    // Normal equations for (tx, ty, s).
    let h00 = 0,
      h01 = 0,
      h02 = 0,
      h11 = 0,
      h12 = 0,
      h22 = 0;
    let g0 = 0,
      g1 = 0,
      g2 = 0;
    let absSum = 0;
    let count = 0;
    for (let y = 1; y < height - 1; y++) {
      const py = y - cy;
      const qy = cy + s * py + ty;
      if (qy < 1 || qy > height - 2) continue;
      const y0 = Math.floor(qy);
      const fy = qy - y0;
      const rowB = y * width;
      for (let x = 1; x < width - 1; x++) {
        const px = x - cx;
        const x0 = ixs[x]!;
        if (x0 < 0) continue;
        const fx = fxs[x]!;
        const i = y0 * width + x0;
        const v00 = d[i]!,
          v10 = d[i + 1]!,
          v01 = d[i + width]!,
          v11 = d[i + width + 1]!;
        const value = (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy;
        const gx = (v10 - v00) * (1 - fy) + (v11 - v01) * fy;
        const gy = (v01 - v00) * (1 - fx) + (v11 - v10) * fx;
        const r = value - b.data[rowB + x]!;
        const w = 1 / (1 + (r / ROBUST_SCALE) ** 2);
        const j2 = gx * px + gy * py;
        h00 += w * gx * gx;
        h01 += w * gx * gy;
        h02 += w * gx * j2;
        h11 += w * gy * gy;
        h12 += w * gy * j2;
        h22 += w * j2 * j2;
        g0 += w * gx * r;
        g1 += w * gy * r;
        g2 += w * j2 * r;
        absSum += Math.abs(r);
        count++;
      }
    }
    if (count === 0) break;
    residual = absSum / count;
    // Small ridge terms keep a flat or one-directional picture from producing wild steps.
    const lambda = 1e-3 * (h00 + h11) + 1e-6;
    const delta = solve3(
      [h00 + lambda, h01, h02, h01, h11 + lambda, h12, h02, h12, h22 + lambda * cx * cx],
      [-g0, -g1, -g2],
    );
    if (!delta) break;
    tx += delta[0];
    ty += delta[1];
    s += delta[2];
    if (Math.abs(delta[0]) < 1e-3 && Math.abs(delta[1]) < 1e-3 && Math.abs(delta[2]) < 1e-5) break;
  }
  return { tx, ty, s, residual };
}
