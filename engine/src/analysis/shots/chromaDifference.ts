import type { FrameDifference } from "./frameDifference.ts";
import type { LumaFrame } from "./LumaFrame.ts";

/**
 * Blocks of the 32x18 chroma planes: 4x3 chroma pixels, the same 8x6 grid of 48 blocks as the
 * luma comparison. Block means average away chroma noise and fine colour texture.
 */
const BLOCK_W = 4;
const BLOCK_H = 3;
/** Each block searches this far (chroma pixels) around the luma's global shift: subjects move. */
const LOCAL_SEARCH = 1;
/**
 * A block whose mean colour moved further than this (in 8-bit U/V levels) counts as changed. A
 * hue turn of a quarter on a moderately saturated picture moves it by 20 or more; motion, noise
 * and a slow grade drift by a few.
 */
export const CHROMA_BLOCK_CHANGED = 20;
/** Mean block colour distance that scores 1 (as unrelated luma pictures score about 0.5). */
const CHROMA_FULL_SCALE = 96;

/** A block is coloured when its mean (U, V) lies this far (8-bit levels) from grey in either frame. */
const COLOURED = 12;
/** Fewer coloured blocks than this whose structure stayed: too little colour to judge a cut on. */
const MIN_COLOURED_BLOCKS = 2;

/**
 * How much the colour changed where the structure did not, on the luma difference's scale: over
 * the blocks that are coloured and whose luma found a match (`luma.matched`, around the global
 * shift `luma.shift` the motion search found), the mean distance between the blocks' mean (U, V),
 * and the share of those blocks that moved further than CHROMA_BLOCK_CHANGED. Grey areas cannot
 * show a change of light, and blocks whose structure changed are the luma comparison's business:
 * a caption or a graphic popping on is new structure, so it does not count as a change of colour.
 * Zero when either frame was decoded without chroma or has no structure (flat frames are judged on
 * levels), and when too little of the picture is coloured. A flash changes brightness, not hue.
 * `everyBlock` compares the colour of all coloured blocks, matched or not: asked whether an earlier
 * picture came back (after a flash), frames further apart have moved too far for structure to match.
 */
export function chromaDifference(a: LumaFrame, b: LumaFrame, luma: FrameDifference, { everyBlock = false } = {}): FrameDifference {
  const none = { score: 0, changed: 0 };
  if (!a.chroma || !b.chroma || (!luma.matched && !everyBlock)) return none;
  const width = a.width >> 1;
  const height = a.height >> 1;
  const cols = Math.floor(width / BLOCK_W);
  const rows = Math.floor(height / BLOCK_H);
  const [gx, gy] = luma.shift ?? [0, 0];
  const sx = Math.round(gx / 2);
  const sy = Math.round(gy / 2);
  let total = 0;
  let changed = 0;
  let coloured = 0;
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      if (!everyBlock && !luma.matched![by * cols + bx]) continue;
      const x0 = bx * BLOCK_W;
      const y0 = by * BLOCK_H;
      const bu = blockMean(b.chroma.u, width, height, x0, y0) - 128;
      const bv = blockMean(b.chroma.v, width, height, x0, y0) - 128;
      let best = Infinity;
      let bestSaturation = 0;
      for (let dy = sy - LOCAL_SEARCH; dy <= sy + LOCAL_SEARCH; dy++) {
        for (let dx = sx - LOCAL_SEARCH; dx <= sx + LOCAL_SEARCH; dx++) {
          const au = blockMean(a.chroma.u, width, height, x0 + dx, y0 + dy) - 128;
          const av = blockMean(a.chroma.v, width, height, x0 + dx, y0 + dy) - 128;
          const d = Math.hypot(au - bu, av - bv);
          if (d < best) {
            best = d;
            bestSaturation = Math.hypot(au, av);
          }
        }
      }
      if (Math.max(bestSaturation, Math.hypot(bu, bv)) < COLOURED) continue;
      coloured++;
      total += best;
      if (best > CHROMA_BLOCK_CHANGED) changed++;
    }
  }
  if (coloured < MIN_COLOURED_BLOCKS) return none;
  return { score: Math.min(1, total / coloured / CHROMA_FULL_SCALE), changed: changed / coloured };
}

/** Mean of one block whose top-left corner is (x0, y0), edges clamped. */
function blockMean(plane: Uint8Array, width: number, height: number, x0: number, y0: number): number {
  let sum = 0;
  for (let y = y0; y < y0 + BLOCK_H; y++) {
    const row = clamp(y, 0, height - 1) * width;
    for (let x = x0; x < x0 + BLOCK_W; x++) sum += plane[row + clamp(x, 0, width - 1)]!;
  }
  return sum / (BLOCK_W * BLOCK_H);
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
