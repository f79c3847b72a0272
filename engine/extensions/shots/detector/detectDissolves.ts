import { thresholdScale, type DetectionThresholds, type ShotBoundary } from "./ShotBoundary.ts";
import { DISSOLVE_HALF_SPANS, MOTION_CHECK_FROM, type SignalSeries } from "./ShotSignals.ts";

/** The pictures at both ends of the span must differ like two shots do... */
const SPAN_MIN_SCORE = 0.12;
/** ...over most of the picture (a lower third fading in is a strip)... */
const SPAN_MIN_CHANGED = 0.5;
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
      if (!(score >= SPAN_MIN_SCORE * k) || !(sp.changed[n]! >= SPAN_MIN_CHANGED)) continue;
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
 * before it, and so does the first plain frame of the new shot, which is where the range ends.
 */
function trimToChange(series: SignalSeries, from: number, to: number): [number, number] {
  const steps = series.plainScore
    .slice(from, to + 1)
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => a - b);
  const typical = steps[Math.floor(steps.length / 2)] ?? 0;
  const changing = (i: number): boolean => series.plainScore[i]! >= EDGE_STEP_SHARE * typical;
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
