import type { GrayImage } from "./GrayImage.ts";

/** A fade changes contrast by at least this share per frame, the same way every frame. */
const FADE_CONTRAST_STEP = 0.03;
/** ... or the mean level by at least this many levels per frame, the same way every frame. */
const FADE_MEAN_STEP = 1.5;
/** A pixel changed between neighbours by more than this (levels) is new picture, not noise. */
const CHANGED = 20;
/** A line of pixels that changed over this share of its length is crossed by an edge. */
const CROSSED = 0.8;
/** ... while the typical line changed under this share: the rest of the picture holds still. */
const HELD = 0.25;
/** Share of the lines on each side that make up the picture's border. */
const BORDER = 0.1;

/**
 * Whether a burst's frames show a transition rather than a camera: a luma ramp (a fade to or from
 * black, a dissolve into something darker or brighter), or a wipe's edge (a band of whole columns
 * or rows replaced between neighbours while the rest holds). Motion fitted to either is a guess:
 * brightness changes read as shifts, and an edge sweeping across reads as a pan.
 */
export function transitionInBurst(pictures: readonly GrayImage[]): boolean {
  return lumaRamp(pictures) || pictures.slice(1).some((p, i) => wipeEdge(pictures[i]!, p));
}

function lumaRamp(pictures: readonly GrayImage[]): boolean {
  if (pictures.length < 3) return false;
  const stats = pictures.map(levels);
  const steps = stats
    .slice(1)
    .map((s, i) => ({ mean: s.mean - stats[i]!.mean, contrast: (s.deviation + 1) / (stats[i]!.deviation + 1) - 1 }));
  const monotone = (values: number[], step: number): boolean =>
    values.every((v) => v >= step) || values.every((v) => v <= -step);
  return (
    monotone(
      steps.map((s) => s.mean),
      FADE_MEAN_STEP,
    ) ||
    monotone(
      steps.map((s) => s.contrast),
      FADE_CONTRAST_STEP,
    )
  );
}

function levels(image: GrayImage): { mean: number; deviation: number } {
  let sum = 0;
  let sq = 0;
  for (const v of image.data) {
    sum += v;
    sq += v * v;
  }
  const n = image.data.length;
  const mean = sum / n;
  return { mean, deviation: Math.sqrt(Math.max(0, sq / n - mean * mean)) };
}

function wipeEdge(a: GrayImage, b: GrayImage): boolean {
  const { width, height } = a;
  const columns = new Float64Array(width);
  const rows = new Float64Array(height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (Math.abs(a.data[i]! - b.data[i]!) > CHANGED) {
        columns[x]!++;
        rows[y]!++;
      }
    }
  }
  return crossedBand(columns, height) || crossedBand(rows, width);
}

/**
 * A band of lines inside the picture changed almost whole while most held: an edge swept across
 * it. Lines at the picture's border do not count: a zoom or a slow pan renews the border's columns
 * or rows whole while the middle holds nearly still.
 */
function crossedBand(changed: Float64Array, length: number): boolean {
  const shares = Array.from(changed, (c) => c / length);
  const typical = [...shares].sort((p, q) => p - q)[shares.length >> 1]!;
  if (typical >= HELD) return false;
  const border = Math.ceil(shares.length * BORDER);
  const minBand = Math.max(2, Math.round(shares.length / 40));
  let band = 0;
  for (let i = border; i < shares.length - border; i++) {
    band = shares[i]! >= CROSSED ? band + 1 : 0;
    if (band >= minBand) return true;
  }
  return false;
}
