import { busierSideBaseline } from "./sideBaseline.ts";
import { thresholdScale, type DetectionThresholds, type ShotBoundary } from "./ShotBoundary.ts";
import { FLASH_MAX_FRAMES, type SignalSeries } from "./ShotSignals.ts";

/**
 * The picture's mean colour (8-bit U and V levels) must jump by this much in one frame: a new grade
 * or light on the same scene tints the whole picture, while a moving camera over one scene keeps its
 * mean colour within a level or two from frame to frame.
 */
const JUMP_MIN = 4;
/** ...this many times more than it moves from frame to frame on the busier side... */
const JUMP_RATIO = 4;
/** ...plus this much, so a perfectly still picture does not make every small tint a jump. */
const JUMP_FLOOR = 0.5;
const BASELINE_RADIUS = 8;
/** ...over most of the picture's cells (a caption or a lamp tints a part of it). */
const MIN_CHANGED = 0.5;
/** ...while its light stays: the mean level moves by less than this share of the colour's jump. */
const LIGHT_SHARE = 0.5;
/** A flash: within FLASH_MAX_FRAMES the mean colour returns to within this share of the jump. */
const RETURN_SHARE = 0.5;

/**
 * Colour-only cuts where the structure cannot be matched from frame to frame (a fast pan over fine
 * detail, busy texture): the colour detector compares matched blocks and finds none, but the whole
 * picture's mean colour still jumps once, at the cut, and stays.
 */
export function detectColourJumps(series: SignalSeries, thresholds: DetectionThresholds): ShotBoundary[] {
  const k = thresholdScale(thresholds);
  const { uMean, vMean, mean } = series;
  const colourAt = (a: number, b: number): number => Math.hypot(uMean[b]! - uMean[a]!, vMean[b]! - vMean[a]!);
  const steps = uMean.map((_, i) => (i === 0 ? Number.NaN : colourAt(i - 1, i)));
  const boundaries: ShotBoundary[] = [];
  for (let n = 1; n < series.length; n++) {
    const jump = steps[n]!;
    if (!(jump >= JUMP_MIN * k) || !(series.cellChanged[n]! >= MIN_CHANGED)) continue;
    if (jump < (steps[n - 1] ?? 0) || jump <= (steps[n + 1] ?? 0)) continue;
    if (jump < JUMP_RATIO * (busierSideBaseline(steps, n, BASELINE_RADIUS) + JUMP_FLOOR)) continue;
    if (Math.abs(mean[n]! - mean[n - 1]!) > LIGHT_SHARE * jump) continue;
    if (flashEdge(colourAt, n, series.length, RETURN_SHARE * jump)) continue;
    const frame = series.firstFrame + n;
    boundaries.push({
      type: "cut",
      frame,
      startFrame: frame,
      endFrame: frame,
      confidence: Math.min(1, jump / (2 * JUMP_MIN)),
    });
  }
  return boundaries;
}

/** True when the colour before n comes back within FLASH_MAX_FRAMES after it, or n brings back the colour from before. */
function flashEdge(colourAt: (a: number, b: number) => number, n: number, length: number, within: number): boolean {
  for (let j = 1; j <= FLASH_MAX_FRAMES; j++) {
    if (n + j < length && colourAt(n - 1, n + j) < within) return true;
    if (n - 1 - j >= 0 && colourAt(n - 1 - j, n) < within) return true;
  }
  return false;
}
