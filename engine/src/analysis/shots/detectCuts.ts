import { thresholdScale, type DetectionThresholds, type ShotBoundary } from "./ShotBoundary.ts";
import type { SignalSeries } from "./ShotSignals.ts";

/** A cut needs at least this motion-compensated difference (unrelated pictures score ~0.3–0.5). */
const CUT_MIN_SCORE = 0.12;
/** ...and most blocks of the picture must be new, which a lower third or a bug never is. */
const CUT_MIN_CHANGED = 0.5;
/** ...and it must stand out from the frames around it (whip pans and busy scenes are high everywhere). */
const CUT_MIN_RATIO = 3;
const BASELINE_RADIUS = 8;
/** A flash: within FLASH_MAX_FRAMES the picture returns to within this share of the jump. */
const FLASH_RETURN_SHARE = 0.5;

/**
 * Hard cuts: a frame that is new content against the frame before, stands out from its neighbours,
 * and is neither followed by the old picture coming back nor a return to the picture from just
 * before (both are the edges of a flash, not cuts).
 */
export function detectCuts(series: SignalSeries, thresholds: DetectionThresholds): ShotBoundary[] {
  const k = thresholdScale(thresholds);
  const { cutScore, cutChanged, returnScore, backScore } = series;
  const boundaries: ShotBoundary[] = [];
  for (let n = 1; n < series.length; n++) {
    const score = cutScore[n]!;
    if (!(score >= CUT_MIN_SCORE * k) || !(cutChanged[n]! >= CUT_MIN_CHANGED)) continue;
    // Only the peak of a burst: two-frame transitions must not become two cuts.
    if (score < (cutScore[n - 1] ?? 0) || score <= (cutScore[n + 1] ?? 0)) continue;
    // The calmer side is the reference: a cut from a still interview into rain or a crowd must stand
    // out against the interview, not against the rain.
    const baseline = Math.min(sideBaseline(cutScore, n - BASELINE_RADIUS, n - 1), sideBaseline(cutScore, n + 1, n + BASELINE_RADIUS));
    if (score < CUT_MIN_RATIO * baseline + 0.02 * k) continue;
    // The old picture comes back after n (n starts a flash), or n brings back the picture from
    // before a flash (n ends it): either way the shot goes on.
    if (returnScore[n]! < FLASH_RETURN_SHARE * score) continue;
    if (backScore[n]! < FLASH_RETURN_SHARE * score) continue;
    const frame = series.firstFrame + n;
    boundaries.push({
      type: "cut",
      frame,
      startFrame: frame,
      endFrame: frame,
      confidence: Math.min(1, score / (2 * CUT_MIN_SCORE)),
    });
  }
  return boundaries;
}

/** Median of the scores in [from, to]; Infinity when there are none (that side does not count). */
function sideBaseline(values: readonly number[], from: number, to: number): number {
  const side: number[] = [];
  for (let i = from; i <= to; i++) {
    const v = values[i];
    if (v !== undefined && !Number.isNaN(v)) side.push(v);
  }
  if (side.length === 0) return Infinity;
  side.sort((a, b) => a - b);
  return side[Math.floor(side.length / 2)]!;
}
