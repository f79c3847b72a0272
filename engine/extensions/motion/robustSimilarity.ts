import type { BlockMeasurement, Similarity } from "./blockMotion.ts";
import { solve3 } from "./solve3.ts";

/** A warp fitted to blocks, with how many blocks (softly counted) move with it. */
export interface SimilarityFit extends Similarity {
  readonly support: number;
}

/**
 * Positional uncertainty every block has on top of its own noise (pixels of the frames given):
 * scaling and rounding blur what a sharp block could otherwise pin down to a hundredth of a pixel.
 */
const POSITION_FLOOR = 0.03;
/** Levels^2: the noise of a clean block is at least that of 8-bit rounding and the encoder. */
const NOISE_FLOOR = 1;
/** Tukey cut-off in standard deviations: blocks further out are other motion, not the camera. */
const CUTOFF = 4;
const ITERATIONS = 10;

interface Usable {
  readonly x: number;
  readonly y: number;
  readonly ux: number;
  readonly uy: number;
  /** Inverse covariance of (ux, uy). */
  readonly pxx: number;
  readonly pxy: number;
  readonly pyy: number;
}

/** Blocks that can say something about their position, each with the inverse of its covariance. */
export function usableBlocks(blocks: readonly BlockMeasurement[]): Usable[] {
  const usable: Usable[] = [];
  for (const b of blocks) {
    const [gxx, gxy, gyy] = b.info;
    const ridge = 1e-6 * (gxx + gyy) + 1e-9;
    const det = (gxx + ridge) * (gyy + ridge) - gxy * gxy;
    if (!(det > 0)) continue;
    const noise = Math.max(NOISE_FLOOR, b.noise);
    // Covariance noise * H^-1 plus the floor, then inverted.
    const f2 = POSITION_FLOOR ** 2;
    const cxx = (noise * (gyy + ridge)) / det + f2;
    const cyy = (noise * (gxx + ridge)) / det + f2;
    const cxy = (-noise * gxy) / det;
    // A block that cannot place itself to a third of a pixel in any direction is flat: skip it.
    const trace = cxx + cyy;
    const smallest = trace / 2 - Math.sqrt((trace / 2) ** 2 - (cxx * cyy - cxy * cxy));
    if (smallest > 0.1) continue;
    const cdet = cxx * cyy - cxy * cxy;
    usable.push({ x: b.x, y: b.y, ux: b.ux, uy: b.uy, pxx: cyy / cdet, pxy: -cxy / cdet, pyy: cxx / cdet });
  }
  return usable;
}

/** Squared Mahalanobis distance of each block from the warp's prediction at its centre. */
function distance(b: Usable, w: Similarity, cx: number, cy: number): number {
  const m = w.s - 1;
  const rx = b.ux - (w.tx + m * (b.x - cx));
  const ry = b.uy - (w.ty + m * (b.y - cy));
  return b.pxx * rx * rx + 2 * b.pxy * rx * ry + b.pyy * ry * ry;
}

function tukey(d2: number): number {
  const c2 = CUTOFF * CUTOFF;
  return d2 < c2 ? (1 - d2 / c2) ** 2 : 0;
}

/** Soft count of the blocks the warp explains. */
export function supportOf(blocks: readonly Usable[], w: Similarity, width: number, height: number): number {
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  let support = 0;
  for (const b of blocks) support += tukey(distance(b, w, cx, cy));
  return support;
}

/**
 * Translation plus zoom about the centre fitted to block displacements by iteratively reweighted
 * least squares (Tukey), from each start in turn; the fit the most blocks agree with wins. Several
 * starts matter: from a compromise start, reweighting can settle on the overlay instead of the scene.
 */
export function fitSimilarity(
  blocks: readonly Usable[],
  starts: readonly Similarity[],
  width: number,
  height: number,
): SimilarityFit {
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  let best: SimilarityFit = { tx: 0, ty: 0, s: 1, support: -1 };
  for (const start of starts) {
    let w: Similarity = start;
    for (let iter = 0; iter < ITERATIONS; iter++) {
      let h00 = 0,
        h01 = 0,
        h02 = 0,
        h11 = 0,
        h12 = 0,
        h22 = 0,
        g0 = 0,
        g1 = 0,
        g2 = 0;
      for (const b of blocks) {
        const k = tukey(distance(b, w, cx, cy));
        if (k === 0) continue;
        const X = b.x - cx;
        const Y = b.y - cy;
        const { pxx, pxy, pyy } = b;
        const px = pxx * X + pxy * Y;
        const py = pxy * X + pyy * Y;
        h00 += k * pxx;
        h01 += k * pxy;
        h02 += k * px;
        h11 += k * pyy;
        h12 += k * py;
        h22 += k * (px * X + py * Y);
        const ax = pxx * b.ux + pxy * b.uy;
        const ay = pxy * b.ux + pyy * b.uy;
        g0 += k * ax;
        g1 += k * ay;
        g2 += k * (X * ax + Y * ay);
      }
      // Zoom needs blocks spread over the picture; the ridge keeps a lone cluster from inventing one.
      const ridge = 1e-6 * (h00 + h11) * (cx * cx + cy * cy) + 1e-9;
      const p = solve3([h00, h01, h02, h01, h11, h12, h02, h12, h22 + ridge], [g0, g1, g2]);
      if (!p) break;
      const next = { tx: p[0], ty: p[1], s: 1 + p[2] };
      const change = Math.abs(next.tx - w.tx) + Math.abs(next.ty - w.ty) + Math.abs(next.s - w.s) * cx;
      w = next;
      if (change < 1e-4) break;
    }
    const support = supportOf(blocks, w, width, height);
    if (support > best.support) best = { ...w, support };
  }
  return best;
}
