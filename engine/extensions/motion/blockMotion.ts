import type { GrayImage } from "./GrayImage.ts";

/** A similarity warp b(p) = a(c + s (p - c) + t), c the picture centre; pixels of the frames given. */
export interface Similarity {
  readonly tx: number;
  readonly ty: number;
  readonly s: number;
}

/**
 * One block's own displacement q - p (where its content in `a` sits relative to `b`), measured at its
 * centre, with how well it is determined: `info` is the (robustly weighted) structure tensor, so a
 * block of vertical stripes constrains x and says nothing about y.
 */
export interface BlockMeasurement {
  readonly x: number;
  readonly y: number;
  readonly ux: number;
  readonly uy: number;
  /** Structure tensor [gxx, gxy, gyy] over the block, levels^2 per pixel^2. */
  readonly info: readonly [number, number, number];
  /** Mean squared residual after alignment (levels^2): compression noise, or content the block cannot follow. */
  readonly noise: number;
}

/** Blocks across and down: small enough that a banner or a lower third fills whole blocks of its own. */
export const BLOCK_COLUMNS = 8;
export const BLOCK_ROWS = 6;
const ITERATIONS = 6;
/** Residuals beyond this (levels) count less inside a block: an edge of an overlay crossing it. */
const ROBUST_SCALE = 16;

/**
 * Lucas-Kanade per block on a grid, each block starting from the global warp and free to shift on
 * its own. Overlays, insets and moving subjects then show up as blocks that disagree with the
 * camera, instead of dragging one whole-picture fit towards a compromise. Give it smoothed pictures
 * (`blur`): a slow zoom or a 2 px jolt at 1080p is a fifth of a pixel here, and on raw detail
 * bilinear sampling pulls such shifts towards whole pixels.
 */
export function measureBlocks(a: GrayImage, b: GrayImage, start: Similarity): BlockMeasurement[] {
  const { width, height } = a;
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const blocks: BlockMeasurement[] = [];
  const bw = Math.floor((width - 2) / BLOCK_COLUMNS);
  const bh = Math.floor((height - 2) / BLOCK_ROWS);
  const m = start.s - 1;
  // The warp's part of each sample position depends on one coordinate only; a block's own shift is
  // added per iteration. Same sums in the same order as warping each pixel afresh, so the same bits.
  const warpedX = new Float64Array(width);
  const warpedY = new Float64Array(height);
  for (let x = 0; x < width; x++) warpedX[x] = cx + start.s * (x - cx) + start.tx;
  for (let y = 0; y < height; y++) warpedY[y] = cy + start.s * (y - cy) + start.ty;
  for (let row = 0; row < BLOCK_ROWS; row++) {
    for (let col = 0; col < BLOCK_COLUMNS; col++) {
      const x0 = 1 + col * bw;
      const y0 = 1 + row * bh;
      const fit = fitBlock(a, b, x0, y0, bw, bh, warpedX, warpedY);
      const x = x0 + (bw - 1) / 2;
      const y = y0 + (bh - 1) / 2;
      blocks.push({
        x,
        y,
        ux: m * (x - cx) + start.tx + fit.ex,
        uy: m * (y - cy) + start.ty + fit.ey,
        info: [fit.gxx, fit.gxy, fit.gyy],
        noise: fit.noise,
      });
    }
  }
  return blocks;
}

/** Gauss-Newton for one block's own shift (ex, ey) on top of the warp, with robust weights. */
function fitBlock(
  a: GrayImage,
  b: GrayImage,
  x0: number,
  y0: number,
  bw: number,
  bh: number,
  warpedX: Float64Array,
  warpedY: Float64Array,
): { ex: number; ey: number; gxx: number; gxy: number; gyy: number; noise: number } {
  const { width, height } = a;
  const ad = a.data;
  const bd = b.data;
  const maxX = width - 1.001;
  const maxY = height - 1.001;
  // Sample columns of this iteration: whole and fractional part, or -1 outside the picture.
  const ixs = new Int32Array(bw);
  const fxs = new Float64Array(bw);
  let ex = 0;
  let ey = 0;
  let gxx = 0,
    gxy = 0,
    gyy = 0,
    noise = 0;
  for (let iter = 0; iter < ITERATIONS; iter++) {
    for (let k = 0; k < bw; k++) {
      const qx = warpedX[x0 + k]! + ex;
      const inside = !(qx < 0 || qx > maxX);
      ixs[k] = inside ? Math.floor(qx) : -1;
      fxs[k] = inside ? qx - Math.floor(qx) : 0;
    }
    gxx = 0;
    gxy = 0;
    gyy = 0;
    let bx = 0,
      by = 0,
      sq = 0,
      wsum = 0;
    for (let y = y0; y < y0 + bh; y++) {
      const qy = warpedY[y]! + ey;
      if (qy < 0 || qy > maxY) continue;
      const iy = Math.floor(qy);
      const fy = qy - iy;
      const rowA = iy * width;
      const rowB = y * width + x0;
      for (let k = 0; k < bw; k++) {
        const ix = ixs[k]!;
        if (ix < 0) continue;
        // Bilinear value and gradient of `a` at (qx, qy).
        const fx = fxs[k]!;
        const i = rowA + ix;
        const v00 = ad[i]!,
          v10 = ad[i + 1]!,
          v01 = ad[i + width]!,
          v11 = ad[i + width + 1]!;
        const value = (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy;
        const gx = (v10 - v00) * (1 - fy) + (v11 - v01) * fy;
        const gy = (v01 - v00) * (1 - fx) + (v11 - v10) * fx;
        const r = value - bd[rowB + k]!;
        const w = 1 / (1 + (r / ROBUST_SCALE) ** 2);
        gxx += w * gx * gx;
        gxy += w * gx * gy;
        gyy += w * gy * gy;
        bx += w * gx * r;
        by += w * gy * r;
        sq += w * r * r;
        wsum += w;
      }
    }
    if (wsum === 0) break;
    noise = sq / wsum;
    const lambda = 1e-3 * (gxx + gyy) + 1e-6;
    const a11 = gxx + lambda,
      a22 = gyy + lambda;
    const det = a11 * a22 - gxy * gxy;
    if (!(det > 0)) break;
    const sx = -(a22 * bx - gxy * by) / det;
    const sy = -(a11 * by - gxy * bx) / det;
    // A block that runs away is following something the global warp did not see: stop it there.
    ex = Math.max(-2, Math.min(2, ex + sx));
    ey = Math.max(-2, Math.min(2, ey + sy));
    if (Math.abs(sx) < 1e-3 && Math.abs(sy) < 1e-3) break;
  }
  return { ex, ey, gxx, gxy, gyy, noise };
}
