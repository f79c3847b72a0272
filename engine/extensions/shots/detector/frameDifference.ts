import { isFlat, type LumaFrame } from "./LumaFrame.ts";

/**
 * How different two frames are, in [0, 1]: about 0 for the same picture, about 0.5 for unrelated
 * pictures. `changed` is the fraction of blocks that found no match, which separates a cut (most
 * of the picture is new) from a lower third or a station bug popping on (a strip of it is new).
 */
export interface FrameDifference {
  readonly score: number;
  readonly changed: number;
  /** The global shift (working pixels) motion search found, where it searched: colour is matched around it. */
  readonly shift?: readonly [number, number];
  /**
   * Per block of the 8x6 grid (row by row), 1 where its structure found a match: where it did and
   * the colour still changed, only the colour did. Set by motion search on frames with contrast.
   */
  readonly matched?: Uint8Array;
}

/** Block size in pixels of the 64x36 working frame: 8x6 gives an 8x6 grid of 48 blocks. */
const BLOCK_W = 8;
const BLOCK_H = 6;
/** Per-block search around the global shift, in working pixels (2 px = 60 px at 1080p). */
const LOCAL_SEARCH = 2;
/** Global shift search, in working pixels (4 px = 120 px per frame at 1080p: a whip pan). */
const GLOBAL_SEARCH = 4;
/** A block whose best match is worse than this (in normalised units / 2) counts as changed. */
export const BLOCK_CHANGED = 0.2;

/**
 * Motion-compensated difference: finds the global shift between the frames (pans, tilts), then lets
 * every block search a little further around it (people and cars moving), and keeps each block's
 * best match. Camera and subject motion then cost little; new content cannot be matched away.
 * Flat frames (black, white) have no structure to normalise, so they are compared on raw levels.
 */
export function motionDifference(a: LumaFrame, b: LumaFrame): FrameDifference {
  if (isFlat(a) || isFlat(b)) return rawDifference(a, b);
  const [gx, gy] = globalShift(a, b);
  const { width, height } = a;
  const cols = Math.floor(width / BLOCK_W);
  const rows = Math.floor(height / BLOCK_H);
  let total = 0;
  let changed = 0;
  const matched = new Uint8Array(cols * rows);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      let best = Infinity;
      for (let dy = gy - LOCAL_SEARCH; dy <= gy + LOCAL_SEARCH; dy++) {
        for (let dx = gx - LOCAL_SEARCH; dx <= gx + LOCAL_SEARCH; dx++) {
          const err = blockError(a.z, b.z, width, height, bx * BLOCK_W, by * BLOCK_H, dx, dy, best);
          if (err < best) best = err;
        }
      }
      total += best;
      if (best > BLOCK_CHANGED) changed++;
      else matched[by * cols + bx] = 1;
    }
  }
  const blocks = cols * rows;
  return { score: Math.min(1, total / blocks), changed: changed / blocks, shift: [gx, gy], matched };
}

/** Mean |z_b - z_a(shifted)| / 2 over one block; stops early once it cannot beat `bound`. */
function blockError(
  za: Float32Array,
  zb: Float32Array,
  width: number,
  height: number,
  x0: number,
  y0: number,
  dx: number,
  dy: number,
  bound: number,
): number {
  const limit = bound * 2 * BLOCK_W * BLOCK_H;
  let sum = 0;
  for (let y = y0; y < y0 + BLOCK_H; y++) {
    const ya = clamp(y + dy, 0, height - 1) * width;
    const yb = y * width;
    for (let x = x0; x < x0 + BLOCK_W; x++) {
      sum += Math.abs(zb[yb + x]! - za[ya + clamp(x + dx, 0, width - 1)]!);
    }
    if (sum > limit) return Infinity;
  }
  return sum / (2 * BLOCK_W * BLOCK_H);
}

/** Best whole-frame shift of a onto b, searched on every second pixel of the inner frame. */
function globalShift(a: LumaFrame, b: LumaFrame): [number, number] {
  const { width, height } = a;
  const m = GLOBAL_SEARCH;
  let best = Infinity;
  let bestShift: [number, number] = [0, 0];
  for (let dy = -m; dy <= m; dy++) {
    for (let dx = -m; dx <= m; dx++) {
      let sum = 0;
      for (let y = m; y < height - m; y += 2) {
        const ya = (y + dy) * width;
        const yb = y * width;
        for (let x = m; x < width - m; x += 2) sum += Math.abs(b.z[yb + x]! - a.z[ya + x + dx]!);
        if (sum >= best) break;
      }
      // Prefer no motion on ties: a static shot must not drift to a spurious shift.
      if (
        sum < best ||
        (sum === best && Math.abs(dx) + Math.abs(dy) < Math.abs(bestShift[0]) + Math.abs(bestShift[1]))
      ) {
        best = sum;
        bestShift = [dx, dy];
      }
    }
  }
  return bestShift;
}

/** Zoom steps tried between consecutive frames: up to 6 % per frame in or out (a fast zoom). */
const ZOOM_SCALES = [0.94, 0.97, 0.985, 1.015, 1.03, 1.06] as const;

/** Bilinear taps of one axis for one zoom scale: source index pairs and weights, or -1 where outside. */
interface ZoomAxis {
  readonly low: Int32Array;
  readonly high: Int32Array;
  readonly weight: Float64Array;
}

function zoomAxis(size: number, scale: number): ZoomAxis {
  const centre = (size - 1) / 2;
  const low = new Int32Array(size);
  const high = new Int32Array(size);
  const weight = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const source = centre + (i - centre) / scale;
    if (source < 0 || source > size - 1) {
      low[i] = -1;
      continue;
    }
    low[i] = Math.floor(source);
    high[i] = Math.min(size - 1, low[i]! + 1);
    weight[i] = source - low[i]!;
  }
  return { low, high, weight };
}

/** Taps per frame size: the shot detector compares thousands of frame pairs of one size. */
const zoomTaps = new Map<string, ReadonlyArray<{ x: ZoomAxis; y: ZoomAxis }>>();

function zoomTapsFor(width: number, height: number): ReadonlyArray<{ x: ZoomAxis; y: ZoomAxis }> {
  const key = `${width}x${height}`;
  let taps = zoomTaps.get(key);
  if (!taps) {
    taps = ZOOM_SCALES.map((scale) => ({ x: zoomAxis(width, scale), y: zoomAxis(height, scale) }));
    zoomTaps.set(key, taps);
  }
  return taps;
}

/**
 * Structural difference after the best zoom about the picture centre. A zoom moves every block in
 * a different direction, which shift search cannot follow; scaling the previous frame can.
 */
export function zoomDifference(a: LumaFrame, b: LumaFrame): number {
  if (isFlat(a) || isFlat(b)) return rawDifference(a, b).score;
  const { width, height } = a;
  const za = a.z;
  const zb = b.z;
  let best = Infinity;
  for (const { x: xs, y: ys } of zoomTapsFor(width, height)) {
    let total = 0;
    let count = 0;
    for (let y = 0; y < height; y++) {
      const y0 = ys.low[y]!;
      if (y0 < 0) continue;
      const row0 = y0 * width;
      const row1 = ys.high[y]! * width;
      const fy = ys.weight[y]!;
      const out = y * width;
      for (let x = 0; x < width; x++) {
        const x0 = xs.low[x]!;
        if (x0 < 0) continue;
        const x1 = xs.high[x]!;
        const fx = xs.weight[x]!;
        const top = za[row0 + x0]! * (1 - fx) + za[row0 + x1]! * fx;
        const bottom = za[row1 + x0]! * (1 - fx) + za[row1 + x1]! * fx;
        total += Math.abs(zb[out + x]! - (top * (1 - fy) + bottom * fy));
        count++;
      }
    }
    best = Math.min(best, total / (2 * count));
  }
  return Math.min(1, best);
}

/**
 * Difference without motion search, on normalised structure (or raw levels when a frame is flat).
 * Used across wider frame gaps, where motion search would need a huge range and where a pan should
 * look like change.
 */
export function plainDifference(a: LumaFrame, b: LumaFrame): FrameDifference {
  if (isFlat(a) || isFlat(b)) return rawDifference(a, b);
  const n = a.z.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.abs(a.z[i]! - b.z[i]!);
  return { score: Math.min(1, total / (2 * n)), changed: changedBlocksPlain(a.z, b.z, a.width, a.height) };
}

function changedBlocksPlain(za: Float32Array, zb: Float32Array, width: number, height: number): number {
  const cols = Math.floor(width / BLOCK_W);
  const rows = Math.floor(height / BLOCK_H);
  let changed = 0;
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      if (blockError(za, zb, width, height, bx * BLOCK_W, by * BLOCK_H, 0, 0, Infinity) > BLOCK_CHANGED) changed++;
    }
  }
  return changed / (cols * rows);
}

/** Raw luma difference scaled so that black against an average picture scores about 1. */
function rawDifference(a: LumaFrame, b: LumaFrame): FrameDifference {
  const n = a.luma.length;
  let total = 0;
  let changedPixels = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(a.luma[i]! - b.luma[i]!);
    total += d;
    if (d > 24) changedPixels++;
  }
  return { score: Math.min(1, total / n / 64), changed: changedPixels / n };
}

/**
 * How far the middle frame is from the average of its two neighbours, relative to how far apart the
 * neighbours are. In a dissolve every frame is a mix of the frames around it, so this is near 0; in
 * a pan or zoom the average is a double image and this is near 0.5 or more; at a cut it is 0.5.
 * Measured on pixels (`fine`), where texture motion and noise add to it, and on 4x4 cell means
 * (`coarse`), where they average out but a smooth pan or zoom looks almost linear too.
 */
export function blendResidual(
  before: LumaFrame,
  middle: LumaFrame,
  after: LumaFrame,
): { fine: number; coarse: number } {
  return {
    fine: relativeResidual(before.luma, middle.luma, after.luma),
    coarse: relativeResidual(blockMeans(before), blockMeans(middle), blockMeans(after)),
  };
}

function relativeResidual(a: ArrayLike<number>, m: ArrayLike<number>, b: ArrayLike<number>): number {
  let residual = 0;
  let spread = 0;
  for (let i = 0; i < m.length; i++) {
    residual += Math.abs(m[i]! - (a[i]! + b[i]!) / 2);
    spread += Math.abs(b[i]! - a[i]!);
  }
  return spread === 0 ? 1 : residual / spread;
}

/** Grid cell size for the blend test: fine texture and noise average out, picture layout stays. */
const MEAN_CELL = 4;

/**
 * Luma averaged over 4x4 cells (16x9 values at 64x36). Cached per frame: every frame is the middle
 * or an end of several blend tests.
 */
export function blockMeans(frame: LumaFrame): Float32Array {
  const cached = meansCache.get(frame);
  if (cached) return cached;
  const { width, height, luma } = frame;
  const cols = Math.floor(width / MEAN_CELL);
  const rows = Math.floor(height / MEAN_CELL);
  const means = new Float32Array(cols * rows);
  for (let y = 0; y < rows * MEAN_CELL; y++) {
    for (let x = 0; x < cols * MEAN_CELL; x++)
      means[Math.floor(y / MEAN_CELL) * cols + Math.floor(x / MEAN_CELL)]! += luma[y * width + x]!;
  }
  for (let i = 0; i < means.length; i++) means[i]! /= MEAN_CELL * MEAN_CELL;
  meansCache.set(frame, means);
  return means;
}
const meansCache = new WeakMap<LumaFrame, Float32Array>();

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * How far the picture's coarse layout of light moved: mean |difference| of the 4x4-cell luma means
 * on raw levels, scaled like rawDifference (64 levels scores 1). Fine texture that changes every
 * frame (water, snow, sensor noise) averages out in the cells, so inside a busy shot this stays low
 * while a cut to another picture moves it; a pan moves it every frame alike.
 */
export function levelDifference(a: LumaFrame, b: LumaFrame): number {
  const ma = blockMeans(a);
  const mb = blockMeans(b);
  let total = 0;
  for (let i = 0; i < ma.length; i++) total += Math.abs(ma[i]! - mb[i]!);
  return Math.min(1, total / ma.length / 64);
}

/**
 * Share of the change from a to b that one sub-pixel translation does not explain (a global
 * Lucas-Kanade step on luma): near 0 for a pan or tilt, however slow, near 1 for a blend towards
 * another picture, whose change has nothing to do with the picture's edges. Block matching sees
 * only whole pixels, so a slow pan over a smooth picture looks like a blend to it; this does not.
 * 1 when nothing changed or the picture has no edges to follow.
 */
export function translationResidual(a: LumaFrame, b: LumaFrame): number {
  const { width, height } = a;
  const la = a.luma;
  const lb = b.luma;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  let sxt = 0;
  let syt = 0;
  let stt = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const ix = (la[i + 1]! - la[i - 1]! + lb[i + 1]! - lb[i - 1]!) / 4;
      const iy = (la[i + width]! - la[i - width]! + lb[i + width]! - lb[i - width]!) / 4;
      const it = lb[i]! - la[i]!;
      sxx += ix * ix;
      sxy += ix * iy;
      syy += iy * iy;
      sxt += ix * it;
      syt += iy * it;
      stt += it * it;
    }
  }
  const det = sxx * syy - sxy * sxy;
  if (stt === 0 || det <= 1e-9 * (sxx + syy) ** 2) return 1;
  // The flow (vx, vy) minimises sum (it + vx ix + vy iy)^2; what it removes is its projection.
  const vx = -(syy * sxt - sxy * syt) / det;
  const vy = -(sxx * syt - sxy * sxt) / det;
  const explained = -(vx * sxt + vy * syt);
  return Math.max(0, Math.min(1, (stt - explained) / stt));
}
