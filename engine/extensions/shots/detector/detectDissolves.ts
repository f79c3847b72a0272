import { thresholdScale, type DetectionThresholds, type ShotBoundary } from "./ShotBoundary.ts";
import { DISSOLVE_HALF_SPANS, MOTION_CHECK_FROM, type SignalSeries } from "./ShotSignals.ts";

/** The pictures at both ends of the span must differ like two shots do... */
const SPAN_MIN_SCORE = 0.12;
/**
 * ...over most of the picture (a lower third fading in is a strip), as block structure sees it or,
 * where a low-contrast picture's normalised structure hardly differs between the ends of a span
 * inside a long dissolve, as the histograms show: half the picture's light or colour moved.
 */
const SPAN_MIN_CHANGED = 0.5;
const SPAN_WIDE_HISTOGRAM = 0.5;
/**
 * ...with light or colour distributed otherwise (see histogramDistance): a picture that only moves
 * (drifting gradients, a pattern shifting in steps, a slow pan over fine detail) keeps its
 * histogram, and its middle frames can look like blends of the ends all the same.
 */
const SPAN_MIN_HISTOGRAM = 0.2;
/**
 * ...and the middle must be a mix of the ends (pans and zooms give double images, ~0.5), both pixel
 * by pixel (noise and texture motion allowed for) and in coarse cells (where a zoom cannot hide in
 * smooth picture areas). Only spans of at least 13 frames are judged: over shorter spans a zoom of a
 * smooth picture is nearly linear too, while a dissolve stays a clean mix however long the span.
 */
const MAX_BLEND_RESIDUAL = 0.25;
const MAX_COARSE_RESIDUAL = 0.2;
const JUDGED_HALF_SPANS = DISSOLVE_HALF_SPANS.filter((w) => w >= 6);
/** Frames changing less than this share of the transition's typical step are not part of it. */
const EDGE_STEP_SHARE = 0.35;
/** Shift and zoom search explain pans and zooms; in a dissolve they find nothing better than no motion. */
const MIN_UNEXPLAINED_SHARE = 0.6;
/** Candidate centres this close together belong to one transition. */
const MERGE_GAP = 2;

interface Candidate {
  centre: number;
  w: number;
  score: number;
}

/**
 * Dissolves: spans whose ends are different pictures while every frame between is a blend of its
 * neighbours and motion does not explain the change. Ranges already taken by cuts and fades are
 * skipped. Returns boundaries in the middle of each transition.
 */
export function detectDissolves(
  series: SignalSeries,
  thresholds: DetectionThresholds,
  taken: readonly ShotBoundary[],
): ShotBoundary[] {
  const k = thresholdScale(thresholds);
  const f = series.firstFrame;
  const blocked = (from: number, to: number): boolean =>
    taken.some((b) => b.endFrame + 1 >= f + from && Math.min(b.startFrame, b.frame) - 1 <= f + to);

  const candidates: Candidate[] = [];
  for (let n = 0; n < series.length; n++) {
    for (const w of JUDGED_HALF_SPANS) {
      const sp = series.span[w]!;
      const score = sp.score[n]!;
      if (!(score >= SPAN_MIN_SCORE * k) || !(sp.histogram[n]! >= SPAN_MIN_HISTOGRAM * k)) continue;
      if (!(sp.changed[n]! >= SPAN_MIN_CHANGED) && !(sp.histogram[n]! >= SPAN_WIDE_HISTOGRAM)) continue;
      if (!(sp.residual[n]! <= MAX_BLEND_RESIDUAL) || !(sp.coarseResidual[n]! <= MAX_COARSE_RESIDUAL)) continue;
      if (blocked(n - w, n + w)) continue;
      if (motionExplainsChange(series, n - w + 1, n + w)) continue;
      candidates.push({ centre: n, w, score });
      break;
    }
  }

  const boundaries: ShotBoundary[] = [];
  let group: Candidate[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const [start, end] = trimToChange(
      series,
      Math.max(1, Math.min(...group.map((c) => c.centre - c.w)) + 1),
      Math.min(series.length - 1, Math.max(...group.map((c) => c.centre + c.w))),
    );
    const best = Math.max(...group.map((c) => c.score));
    boundaries.push({
      type: "dissolve",
      frame: f + Math.floor((start + end) / 2),
      startFrame: f + start,
      endFrame: f + end,
      confidence: Math.min(1, best / (2 * SPAN_MIN_SCORE)),
    });
    group = [];
  };
  for (const c of candidates) {
    const last = group.at(-1);
    if (last && c.centre - last.centre > MERGE_GAP) flush();
    group.push(c);
  }
  flush();
  return boundaries;
}

/**
 * Narrows [from, to] to the frames that change: the first blended frame differs from the frame
 * before it, and so does the first plain frame of the new shot, which is where the range ends. A
 * frame changes when its step is a fair share of the range's typical one both in structure and in
 * coarse light and colour (noise on a low-contrast picture is new structure every frame, but
 * leaves its light where it is).
 */
function trimToChange(series: SignalSeries, from: number, to: number): [number, number] {
  const coarse = (i: number): number => series.levelScore[i]! + series.cellColour[i]!;
  const typical = (step: (i: number) => number): number => {
    const steps: number[] = [];
    for (let i = from; i <= to; i++) if (!Number.isNaN(step(i))) steps.push(step(i));
    steps.sort((a, b) => a - b);
    return steps[Math.floor(steps.length / 2)] ?? 0;
  };
  const plain = (i: number): number => series.plainScore[i]!;
  const typicalPlain = typical(plain);
  const typicalCoarse = typical(coarse);
  const changing = (i: number): boolean =>
    plain(i) >= EDGE_STEP_SHARE * typicalPlain && coarse(i) >= EDGE_STEP_SHARE * typicalCoarse;
  let start = from;
  let end = to;
  while (start < end && !changing(start)) start++;
  while (end > start && !changing(end)) end--;
  return [start, Math.max(end, start + 1)];
}

/** True when shift or zoom search removes most of the frame-to-frame change over [from, to]. */
export function motionExplainsChange(series: SignalSeries, from: number, to: number): boolean {
  const shares: number[] = [];
  for (let i = Math.max(1, from); i <= Math.min(series.length - 1, to); i++) {
    const plain = series.plainScore[i]!;
    const flow = series.flowResidual[i]!;
    if (plain > MOTION_CHECK_FROM)
      shares.push(Math.min(series.cutScore[i]!, series.zoomScore[i]!, flow * plain) / plain);
    // Below the block search's reach a slow pan over a smooth picture is a linear change too; only
    // the sub-pixel flow tells it from a blend.
    else if (plain > 0) shares.push(flow);
  }
  if (shares.length === 0) return false;
  shares.sort((a, b) => a - b);
  return shares[Math.floor(shares.length / 2)]! < MIN_UNEXPLAINED_SHARE;
}
