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
  for (let row = 0; row < BLOCK_ROWS; row++) {
    for (let col = 0; col < BLOCK_COLUMNS; col++) {
      const x0 = 1 + col * bw;
      const y0 = 1 + row * bh;
      let ex = 0;
      let ey = 0;
      let gxx = 0, gxy = 0, gyy = 0, noise = 0;
      for (let iter = 0; iter < ITERATIONS; iter++) {
        gxx = 0; gxy = 0; gyy = 0;
        let bx = 0, by = 0, sq = 0, wsum = 0;
        for (let y = y0; y < y0 + bh; y++) {
          const qy = cy + start.s * (y - cy) + start.ty + ey;
          if (qy < 0 || qy > height - 1.001) continue;
          for (let x = x0; x < x0 + bw; x++) {
            const qx = cx + start.s * (x - cx) + start.tx + ex;
            if (qx < 0 || qx > width - 1.001) continue;
            sample(a, qx, qy);
            const { gx, gy } = sampled;
            const r = sampled.value - b.data[y * width + x]!;
            const w = 1 / (1 + (r / ROBUST_SCALE) ** 2);
            gxx += w * gx * gx; gxy += w * gx * gy; gyy += w * gy * gy;
            bx += w * gx * r; by += w * gy * r;
            sq += w * r * r;
            wsum += w;
          }
        }
        if (wsum === 0) break;
        noise = sq / wsum;
        const lambda = 1e-3 * (gxx + gyy) + 1e-6;
        const a11 = gxx + lambda, a22 = gyy + lambda;
        const det = a11 * a22 - gxy * gxy;
        if (!(det > 0)) break;
        const sx = -(a22 * bx - gxy * by) / det;
        const sy = -(a11 * by - gxy * bx) / det;
        // A block that runs away is following something the global warp did not see: stop it there.
        ex = Math.max(-2, Math.min(2, ex + sx));
        ey = Math.max(-2, Math.min(2, ey + sy));
        if (Math.abs(sx) < 1e-3 && Math.abs(sy) < 1e-3) break;
      }
      const x = x0 + (bw - 1) / 2;
      const y = y0 + (bh - 1) / 2;
      blocks.push({
        x,
        y,
        ux: m * (x - cx) + start.tx + ex,
        uy: m * (y - cy) + start.ty + ey,
        info: [gxx, gxy, gyy],
        noise,
      });
    }
  }
  return blocks;
}

/** Bilinear value and gradient at (x, y), written to `sampled` (no allocation in the inner loop). */
const sampled = { value: 0, gx: 0, gy: 0 };
function sample(image: GrayImage, x: number, y: number): void {
  const { width, data } = image;
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = x - ix;
  const fy = y - iy;
  const i = iy * width + ix;
  const v00 = data[i]!, v10 = data[i + 1]!, v01 = data[i + width]!, v11 = data[i + width + 1]!;
  sampled.value = (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy;
  sampled.gx = (v10 - v00) * (1 - fy) + (v11 - v01) * fy;
  sampled.gy = (v01 - v00) * (1 - fx) + (v11 - v10) * fx;
}
