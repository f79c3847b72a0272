import { FLAT_STD } from "./LumaFrame.ts";
import { busierSideBaseline, sideBaseline } from "./sideBaseline.ts";
import { thresholdScale, type DetectionThresholds, type ShotBoundary } from "./ShotBoundary.ts";
import type { SignalSeries } from "./ShotSignals.ts";

/** A cut needs at least this motion-compensated difference (unrelated pictures score ~0.3–0.5). */
const CUT_MIN_SCORE = 0.12;
/**
 * ...and the light or colour of most of the picture's cells must move (see cellChange), which a
 * lower third or a bug popping on never does, nor fine texture shifting under the camera.
 */
const CUT_MIN_CHANGED = 0.5;
/** ...and it must stand out from the frames around it (whip pans and busy scenes are high everywhere). */
const CUT_MIN_RATIO = 3;
const BASELINE_RADIUS = 8;
/** A cut changes structure this many times more than the busier shot does from frame to frame... */
const BUSY_RATIO = 1.5;
const BUSY_QUANTILE = 0.75;
/** ...or else the coarse light layout or the colour must change this many times more than there. */
const COARSE_RATIO = 3;
const COARSE_MIN_LEVEL = 0.04;
const COARSE_MIN_COLOUR = 0.06;
/**
 * Where only the coarse light and colour (levelScore + cellColour) tell a cut, it must change them
 * by this much and this many times more than either shot does from frame to frame (noise changes
 * them by about the same every frame: its largest steps stay within about 1.5 times its typical one).
 */
const COARSE_CUT_MIN = 0.2;
const COARSE_CUT_RATIO = 2;
/**
 * A step scored on raw levels counts at most this much against a return scored on structure,
 * where unrelated pictures differ by 0.4-0.5 and the same picture moved on by less.
 */
const RAW_JUMP_CAP = 0.7;
/** A flash: within FLASH_MAX_FRAMES the picture returns to within this share of the jump. */
const FLASH_RETURN_SHARE = 0.5;

/**
 * Hard cuts: a frame that is new content against the frame before, stands out from its neighbours,
 * and is neither followed by the old picture coming back nor a return to the picture from just
 * before (both are the edges of a flash, not cuts).
 */
export function detectCuts(series: SignalSeries, thresholds: DetectionThresholds): ShotBoundary[] {
  const k = thresholdScale(thresholds);
  const { cutScore, cellChanged, returnScore, backScore } = series;
  const boundaries: ShotBoundary[] = [];
  const coarse = series.levelScore.map((level, i) => level + series.cellColour[i]!);
  for (let n = 1; n < series.length; n++) {
    const score = cutScore[n]!;
    if (!(score >= CUT_MIN_SCORE * k) || !(cellChanged[n]! >= CUT_MIN_CHANGED)) continue;
    if (!structureStandsOut(series, n, k) && !coarseStandsOut(coarse, n, k)) continue;
    // The old picture comes back after n (n starts a flash), or n brings back the picture from
    // before a flash (n ends it): either way the shot goes on.
    // (A flat frame's step is scored on raw levels and can reach 1; the frames around it are
    // compared on structure, where no return scores above RAW_JUMP_CAP's share.)
    const jump = series.std[n - 1]! < FLAT_STD || series.std[n]! < FLAT_STD ? Math.min(score, RAW_JUMP_CAP) : score;
    if (returnScore[n]! < FLASH_RETURN_SHARE * jump) continue;
    if (backScore[n]! < FLASH_RETURN_SHARE * jump) continue;
    // The same for the light and colour, which come back after a flash in busy texture too.
    if (
      series.coarseReturn[n]! < FLASH_RETURN_SHARE * coarse[n]! ||
      series.coarseBack[n]! < FLASH_RETURN_SHARE * coarse[n]!
    )
      continue;
    const frame = series.firstFrame + n;
    // The two ways of standing out may pick neighbouring frames of one cut.
    if (boundaries.at(-1)?.frame === frame - 1) continue;
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

/**
 * The structure at n changes more than in the frames around it: a peak that stands out against
 * the calmer side, and against the busier side either by itself or by its light or colour.
 */
function structureStandsOut(series: SignalSeries, n: number, k: number): boolean {
  const { cutScore } = series;
  const score = cutScore[n]!;
  // Only the peak of a burst: two-frame transitions must not become two cuts.
  if (score < (cutScore[n - 1] ?? 0) || score <= (cutScore[n + 1] ?? 0)) return false;
  // The calmer side is the reference: a cut from a still interview into rain or a crowd must stand
  // out against the interview, not against the rain.
  const before = sideBaseline(cutScore, n, -1, BASELINE_RADIUS);
  const after = sideBaseline(cutScore, n, 1, BASELINE_RADIUS);
  if (score < CUT_MIN_RATIO * Math.min(before, after) + 0.02 * k) return false;
  // Against the busier side too: where that shot's structure changes as much every frame (busy
  // texture, noise), each of its last frames stands out against a calm neighbour, and only a
  // change of the coarse light layout or of colour tells the frame where the shots meet.
  // Taken at the upper quartile: in a fast pan over fine detail the block search matches one frame
  // and misses the next, and the median of such a side lies between the two.
  const busier = before >= after ? -1 : 1;
  const busyBaseline = busierSideBaseline(cutScore, n, BASELINE_RADIUS, BUSY_QUANTILE);
  return score >= BUSY_RATIO * busyBaseline || coarseChangeStandsOut(series, n, busier);
}

/**
 * Where both shots are so busy or detailed that their structure is new every frame (grain, fine
 * detail under a moving camera, cellular automata), a cut scores no higher there than their
 * frames do; it still moves the picture's coarse light and colour (`coarse`: levelScore +
 * cellColour per frame) far more than either shot does.
 */
function coarseStandsOut(coarse: readonly number[], n: number, k: number): boolean {
  const own = coarse[n]!;
  if (!(own >= COARSE_CUT_MIN * k)) return false;
  if (own < (coarse[n - 1] ?? 0) || own <= (coarse[n + 1] ?? 0)) return false;
  return own >= COARSE_CUT_RATIO * busierSideBaseline(coarse, n, BASELINE_RADIUS);
}

/** True when the light layout or the colour changes at n far more than on the busier side. */
function coarseChangeStandsOut(series: SignalSeries, n: number, busier: -1 | 1): boolean {
  const level = series.levelScore[n]!;
  if (level >= COARSE_MIN_LEVEL && level >= COARSE_RATIO * sideBaseline(series.levelScore, n, busier, BASELINE_RADIUS))
    return true;
  const colour = series.colourScore[n]!;
  return (
    colour >= COARSE_MIN_COLOUR && colour >= COARSE_RATIO * sideBaseline(series.colourScore, n, busier, BASELINE_RADIUS)
  );
}
