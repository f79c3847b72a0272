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
/** A flash: within FLASH_MAX_FRAMES the colour returns to within this share of the change. */
const FLASH_RETURN_SHARE = 0.5;
/**
 * Colour is judged only where the light is steady around the frame: between the frames before and
 * after it the mean level moves less than this (8-bit levels) and the contrast by less than this
 * share. Inside and right after a fade the picture's colour ramps with its light, step after step;
 * a cut changes the light, if at all, in its one step.
 */
const STEADY_LEVEL_STEP = 6;
const STEADY_CONTRAST_SHARE = 0.12;
const STEADY_RADIUS = 3;
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
    const baseline = Math.min(
      sideBaseline(colourScore, n, -1, BASELINE_RADIUS),
      sideBaseline(colourScore, n, 1, BASELINE_RADIUS),
    );
    if (score < COLOUR_MIN_RATIO * baseline + 0.02 * k) continue;
    if (!lightSteady(series, n)) continue;
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

/** True when no step of mean level or contrast within STEADY_RADIUS frames of n, other than n's own, is a ramp's step. */
function lightSteady(series: SignalSeries, n: number): boolean {
  const { mean, std } = series;
  for (let i = Math.max(1, n - STEADY_RADIUS); i <= Math.min(series.length - 1, n + STEADY_RADIUS); i++) {
    const low = Math.min(std[i]!, std[i - 1]!);
    const high = Math.max(std[i]!, std[i - 1]!);
    // n's own step may change the level (a take under other light), not the contrast by much.
    if (i === n) {
      if (high - low > OWN_CONTRAST_SHARE * Math.max(high, 1)) return false;
      continue;
    }
    if (Math.abs(mean[i]! - mean[i - 1]!) >= STEADY_LEVEL_STEP) return false;
    if (high - low > STEADY_CONTRAST_SHARE * Math.max(high, 1)) return false;
  }
  return true;
}
