import { sideBaseline } from "./sideBaseline.ts";
import { thresholdScale, type DetectionThresholds, type ShotBoundary } from "./ShotBoundary.ts";
import type { SignalSeries } from "./ShotSignals.ts";

/** A colour cut needs at least this colour change (a quarter hue turn on a calm picture scores ~0.3). */
const COLOUR_MIN_SCORE = 0.12;
/** ...over most of the coloured blocks (a coloured caption or a lamp is a part of the picture)... */
const COLOUR_MIN_CHANGED = 0.5;
/** ...standing out from the colour changes around it (a slow grade drift changes every frame alike). */
const COLOUR_MIN_RATIO = 3;
const BASELINE_RADIUS = 8;
/** The cells' colour must change this many times more than their light (cellColour against levelScore). */
const COLOUR_OVER_LIGHT = 2;
/** A flash: within FLASH_MAX_FRAMES the colour returns to within this share of the change. */
const FLASH_RETURN_SHARE = 0.5;
/**
 * Colour is judged only where the light does not ramp around the frame: inside and right after a
 * fade the picture's colour ramps with its light, step after step. A ramp is RAMP_STEPS steps in
 * a row, reaching within STEADY_RADIUS frames of the frame, that move the mean level, or the
 * contrast, the same way by at least RAMP_STEP levels each and by STEADY_LEVEL_STEP levels (or
 * STEADY_CONTRAST_SHARE of the contrast) together. A picture whose light only fluctuates (a fast
 * pan over bright and dark parts) or jumps once (a hard cut a frame or two away) is no ramp.
 */
const STEADY_LEVEL_STEP = 6;
const STEADY_CONTRAST_SHARE = 0.12;
const STEADY_RADIUS = 3;
const RAMP_STEPS = 3;
const RAMP_STEP = 1;
/** Where most of the changed blocks' hues turned, the light around need not be steady. */
const TURNED_SHARE = 0.5;
/** At the cut itself: a graphic or overlay popping on changes the contrast far more. */
const OWN_CONTRAST_SHARE = 0.25;

/**
 * Hard cuts that only the colour shows: two takes of one picture under other light, a graded and
 * an ungraded take. A frame whose coloured blocks mostly changed colour while the structure stayed
 * matched, as a peak among its neighbours, with the light steady around it and the old colour not
 * coming back (that is a flash).
 */
export function detectColourCuts(series: SignalSeries, thresholds: DetectionThresholds): ShotBoundary[] {
  const k = thresholdScale(thresholds);
  const { colourScore, colourChanged, colourReturn, colourBack } = series;
  const boundaries: ShotBoundary[] = [];
  for (let n = 1; n < series.length; n++) {
    const score = colourScore[n]!;
    if (!(score >= COLOUR_MIN_SCORE * k) || !(colourChanged[n]! >= COLOUR_MIN_CHANGED)) continue;
    if (score < (colourScore[n - 1] ?? 0) || score <= (colourScore[n + 1] ?? 0)) continue;
    // The cells' colour changes most at n too (colour flickering from frame to frame in a moving
    // picture peaks anywhere), and far more than their light: a caption band or a graphic popping
    // on brings its own colour, and its own light with it.
    const cells = series.cellColour;
    if (cells[n]! < (cells[n - 1] ?? 0) || cells[n]! <= (cells[n + 1] ?? 0)) continue;
    if (cells[n]! < COLOUR_OVER_LIGHT * series.levelScore[n]!) continue;
    const baseline = Math.min(
      sideBaseline(colourScore, n, -1, BASELINE_RADIUS),
      sideBaseline(colourScore, n, 1, BASELINE_RADIUS),
    );
    if (score < COLOUR_MIN_RATIO * baseline + 0.02 * k) continue;
    // A light ramp scales colour towards grey or away from it; only a new grade or light turns hues.
    if (!(series.colourTurned[n]! >= TURNED_SHARE) && !lightSteady(series, n)) continue;
    if (colourReturn[n]! < FLASH_RETURN_SHARE * score || colourBack[n]! < FLASH_RETURN_SHARE * score) continue;
    const frame = series.firstFrame + n;
    boundaries.push({
      type: "cut",
      frame,
      startFrame: frame,
      endFrame: frame,
      confidence: Math.min(1, score / (2 * COLOUR_MIN_SCORE)),
    });
  }
  return boundaries;
}

/**
 * True when n does not change the contrast much itself and no ramp of the mean level or of the
 * contrast (RAMP_STEPS steps) reaches within STEADY_RADIUS frames of n on either side.
 */
function lightSteady(series: SignalSeries, n: number): boolean {
  const { mean, std } = series;
  const low = Math.min(std[n]!, std[n - 1]!);
  const high = Math.max(std[n]!, std[n - 1]!);
  // n's own step may change the level (a take under other light), not the contrast by much.
  if (high - low > OWN_CONTRAST_SHARE * Math.max(high, 1)) return false;
  for (let near = 1; near <= STEADY_RADIUS; near++) {
    // The ramp's steps from..to end `near` frames before n, or start `near` frames after it.
    for (const [from, to] of [
      [n - near - RAMP_STEPS + 1, n - near],
      [n + near, n + near + RAMP_STEPS - 1],
    ] as const) {
      if (ramps(mean, from, to, STEADY_LEVEL_STEP)) return false;
      const contrast = Math.max(1, std[Math.max(0, from - 1)]!, std[Math.min(series.length - 1, to)]!);
      if (ramps(std, from, to, STEADY_CONTRAST_SHARE * contrast)) return false;
    }
  }
  return true;
}

/** True when every step i-1 -> i for i in [from, to] moves `values` the same way by RAMP_STEP or more, by `total` together. */
function ramps(values: readonly number[], from: number, to: number, total: number): boolean {
  if (from < 1 || to >= values.length) return false;
  let sign = 0;
  for (let i = from; i <= to; i++) {
    const step = values[i]! - values[i - 1]!;
    if (Math.abs(step) < RAMP_STEP) return false;
    if (sign !== 0 && Math.sign(step) !== sign) return false;
    sign = Math.sign(step);
  }
  return Math.abs(values[to]! - values[from - 1]!) >= total;
}
