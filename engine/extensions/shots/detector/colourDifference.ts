import { blockMeans } from "./frameDifference.ts";
import type { LumaFrame } from "./LumaFrame.ts";

/**
 * How much the colour of two frames differs where it can be judged, in [0, 1] like the luma
 * differences: `score` is the mean colour distance of the coloured blocks (CHROMA_FULL_SCALE
 * scores 1), `changed` the share of coloured blocks whose colour moved further than
 * CHROMA_BLOCK_CHANGED, `coloured` the share of all blocks that carry colour in either frame.
 */
export interface ColourDifference {
  readonly score: number;
  readonly changed: number;
  readonly coloured: number;
  /**
   * The share of coloured blocks whose hue turned by more than HUE_TURN: another grade or light
   * turns hues, while a fade or a light ramp only scales colour towards grey.
   */
  readonly turned: number;
}

/** The luma comparison's grid: 8x6 blocks of 8x6 pixels at 64x36. */
const BLOCK_W = 8;
const BLOCK_H = 6;
/** Each block's colour is matched this far (working pixels) around the global shift: subjects move. */
const LOCAL_SEARCH = 2;
/** A block is coloured when its mean (U, V) lies this far (8-bit levels) from grey in either frame. */
const COLOURED = 10;
/**
 * A coloured block whose mean colour moved further than this (8-bit U/V levels) changed colour. A
 * hue turn of a quarter on a moderately saturated picture moves it by 20 or more; motion, noise and
 * a slow grade drift by a few.
 */
export const CHROMA_BLOCK_CHANGED = 14;
/** Mean block colour distance that scores 1 (as unrelated luma pictures score about 0.5). */
const CHROMA_FULL_SCALE = 96;
/** Fewer coloured blocks than this: too little colour to judge a cut on. */
const MIN_COLOURED_BLOCKS = 3;
/** A frame's own contrast floor for the fade gain, so noise on a near-black frame does not blow it up. */
const GAIN_STD_FLOOR = 3;
const MAX_GAIN = 4;

const NONE: ColourDifference = { score: 0, changed: 0, coloured: 0, turned: 0 };
/** A block's hue turned when its colour's direction around grey moved by more than this (radians: 30 degrees). */
const HUE_TURN = Math.PI / 6;

/**
 * The colour change from a to b, block by block, each block matched around `shift` (the luma's
 * global motion). Colour is compared after the luma's contrast gain: a fade scales the distance
 * from grey (U, V) by the same factor as the luma's contrast, so inside a fade or a brightness
 * ramp the predicted colour follows and nothing counts as changed, while a new hue or saturation
 * under the same light does. Zero when either frame lacks chroma or too little is coloured. Small
 * coloured areas count in full: the scores are over coloured blocks only, so a coloured object on a
 * grey ground changing colour is seen as clearly as a whole coloured picture. With `matched` (the
 * luma comparison's blocks whose structure found a match), only those count: a caption or a graphic
 * popping on is new structure, the luma's business, not a change of colour.
 */
export function colourDifference(
  a: LumaFrame,
  b: LumaFrame,
  shift: readonly [number, number] = [0, 0],
  matched?: Uint8Array,
): ColourDifference {
  if (!a.chroma || !b.chroma) return NONE;
  const ia = integrals(a);
  const ib = integrals(b);
  const { width, height } = a;
  const cols = Math.floor(width / BLOCK_W);
  const rows = Math.floor(height / BLOCK_H);
  // The contrast gain where the structure matched: a caption popping on changes the frame's contrast, not the picture's.
  const [contrastA, contrastB] = matched ? (matchedContrast(a, b, matched) ?? [a.std, b.std]) : [a.std, b.std];
  const gain = Math.min(MAX_GAIN, Math.max(contrastB, GAIN_STD_FLOOR) / Math.max(contrastA, GAIN_STD_FLOOR));
  let total = 0;
  let changed = 0;
  let coloured = 0;
  let turned = 0;
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      if (matched && !matched[by * cols + bx]) continue;
      const x0 = bx * BLOCK_W;
      const y0 = by * BLOCK_H;
      const bu = rectMean(ib.u, width, x0, y0) - 128;
      const bv = rectMean(ib.v, width, x0, y0) - 128;
      let best = Infinity;
      let bestU = 0;
      let bestV = 0;
      let ownSaturation = 0;
      for (let dy = shift[1] - LOCAL_SEARCH; dy <= shift[1] + LOCAL_SEARCH; dy++) {
        const ay = y0 + dy;
        if (ay < 0 || ay + BLOCK_H > height) continue;
        for (let dx = shift[0] - LOCAL_SEARCH; dx <= shift[0] + LOCAL_SEARCH; dx++) {
          const ax = x0 + dx;
          if (ax < 0 || ax + BLOCK_W > width) continue;
          const au = (rectMean(ia.u, width, ax, ay) - 128) * gain;
          const av = (rectMean(ia.v, width, ax, ay) - 128) * gain;
          const d = Math.hypot(au - bu, av - bv);
          if (d < best) {
            best = d;
            bestU = au;
            bestV = av;
          }
          if (dx === 0 && dy === 0) ownSaturation = Math.hypot(au, av);
        }
      }
      if (best === Infinity || Math.max(ownSaturation, Math.hypot(bu, bv)) < COLOURED) continue;
      coloured++;
      total += best;
      if (best > CHROMA_BLOCK_CHANGED) changed++;
      if (best > CHROMA_BLOCK_CHANGED && Math.min(Math.hypot(bestU, bestV), Math.hypot(bu, bv)) >= COLOURED) {
        const angle = Math.abs(Math.atan2(bestU * bv - bestV * bu, bestU * bu + bestV * bv));
        if (angle > HUE_TURN) turned++;
      }
    }
  }
  if (coloured < MIN_COLOURED_BLOCKS) return NONE;
  return {
    score: Math.min(1, total / coloured / CHROMA_FULL_SCALE),
    changed: changed / coloured,
    coloured: coloured / (cols * rows),
    turned: turned / coloured,
  };
}

/** Luma contrast (standard deviation) of a and of b over the blocks marked in `matched`; undefined for too few. */
function matchedContrast(a: LumaFrame, b: LumaFrame, matched: Uint8Array): [number, number] | undefined {
  const { width } = a;
  const cols = Math.floor(width / BLOCK_W);
  let blocks = 0;
  const sums = [0, 0, 0, 0];
  for (let i = 0; i < matched.length; i++) {
    if (!matched[i]) continue;
    blocks++;
    const x0 = (i % cols) * BLOCK_W;
    const y0 = Math.floor(i / cols) * BLOCK_H;
    for (let y = y0; y < y0 + BLOCK_H; y++) {
      for (let x = x0; x < x0 + BLOCK_W; x++) {
        const va = a.luma[y * width + x]!;
        const vb = b.luma[y * width + x]!;
        sums[0]! += va;
        sums[1]! += va * va;
        sums[2]! += vb;
        sums[3]! += vb * vb;
      }
    }
  }
  if (blocks < MIN_COLOURED_BLOCKS) return undefined;
  const n = blocks * BLOCK_W * BLOCK_H;
  const std = (sum: number, squares: number): number => Math.sqrt(Math.max(0, squares / n - (sum / n) ** 2));
  return [std(sums[0]!, sums[1]!), std(sums[2]!, sums[3]!)];
}

/** Summed-area tables of U and V, (width+1) x (height+1): any block mean at any offset in O(1). */
interface Integrals {
  readonly u: Float64Array;
  readonly v: Float64Array;
}

const integralCache = new WeakMap<LumaFrame, Integrals>();

function integrals(frame: LumaFrame): Integrals {
  const cached = integralCache.get(frame);
  if (cached) return cached;
  const { width, height } = frame;
  const made = { u: summedArea(frame.chroma!.u, width, height), v: summedArea(frame.chroma!.v, width, height) };
  integralCache.set(frame, made);
  return made;
}

function summedArea(plane: Uint8Array, width: number, height: number): Float64Array {
  const stride = width + 1;
  const table = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += plane[y * width + x]!;
      table[(y + 1) * stride + x + 1] = table[y * stride + x + 1]! + row;
    }
  }
  return table;
}

function rectMean(table: Float64Array, width: number, x0: number, y0: number): number {
  const stride = width + 1;
  const x1 = x0 + BLOCK_W;
  const y1 = y0 + BLOCK_H;
  const sum = table[y1 * stride + x1]! - table[y0 * stride + x1]! - table[y1 * stride + x0]! + table[y0 * stride + x0]!;
  return sum / (BLOCK_W * BLOCK_H);
}

/** Grid cell size of cellChange, as blockMeans's: 16x9 cells at 64x36. */
const CELL = 4;
/** A cell whose mean luma, or whose mean colour (U, V distance), moved further than this (8-bit levels) changed. */
export const CELL_CHANGED = 8;

/**
 * How the picture's coarse layout of light and colour changed from a to b, cell by cell on raw
 * levels (4x4-pixel cell means, no normalisation, no motion search): `changed` is the share of
 * cells whose mean luma or mean colour moved further than CELL_CHANGED, `colour` the mean colour
 * distance of the cells (64 levels scores 1, as levelDifference scores luma). A cut to another
 * picture moves most cells; a caption or a graphic popping on moves the cells it covers, however
 * much it changes the frame's contrast; fine texture shifting under the camera (grain, foliage,
 * aliasing detail) and noise move none, however new they look to a structural comparison.
 */
export function cellChange(a: LumaFrame, b: LumaFrame): { changed: number; colour: number } {
  const ya = blockMeans(a);
  const yb = blockMeans(b);
  const ca = a.chroma && cellColours(a);
  const cb = b.chroma && cellColours(b);
  let changed = 0;
  let colour = 0;
  for (let i = 0; i < ya.length; i++) {
    const dc = ca && cb ? Math.hypot(ca.u[i]! - cb.u[i]!, ca.v[i]! - cb.v[i]!) : 0;
    colour += dc;
    if (Math.abs(ya[i]! - yb[i]!) > CELL_CHANGED || dc > CELL_CHANGED) changed++;
  }
  return { changed: changed / ya.length, colour: Math.min(1, colour / ya.length / 64) };
}

const cellColourCache = new WeakMap<LumaFrame, { u: Float32Array; v: Float32Array }>();

/** Mean U and V over the same cells as blockMeans, cached per frame. */
function cellColours(frame: LumaFrame): { u: Float32Array; v: Float32Array } {
  const cached = cellColourCache.get(frame);
  if (cached) return cached;
  const { width, height } = frame;
  const cols = Math.floor(width / CELL);
  const rows = Math.floor(height / CELL);
  const u = new Float32Array(cols * rows);
  const v = new Float32Array(cols * rows);
  const { u: pu, v: pv } = frame.chroma!;
  for (let y = 0; y < rows * CELL; y++) {
    const row = Math.floor(y / CELL) * cols;
    for (let x = 0; x < cols * CELL; x++) {
      const c = row + Math.floor(x / CELL);
      u[c]! += pu[y * width + x]!;
      v[c]! += pv[y * width + x]!;
    }
  }
  for (let i = 0; i < u.length; i++) {
    u[i]! /= CELL * CELL;
    v[i]! /= CELL * CELL;
  }
  const made = { u, v };
  cellColourCache.set(frame, made);
  return made;
}
