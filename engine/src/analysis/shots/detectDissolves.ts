import { thresholdScale, type DetectionThresholds, type ShotBoundary } from "./ShotBoundary.ts";
import { DISSOLVE_HALF_SPANS, type SignalSeries } from "./ShotSignals.ts";

/** The pictures at both ends of the span must differ like two shots do... */
const SPAN_MIN_SCORE = 0.12;
/** ...over most of the picture (a lower third fading in is a strip)... */
const SPAN_MIN_CHANGED = 0.5;
/** ...and the middle must be a mix of the ends (pans and zooms give double images, ~0.5). */
const MAX_BLEND_RESIDUAL = 0.25;
/** Motion search explains pans; in a dissolve it finds nothing better than no motion. */
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
    for (const w of DISSOLVE_HALF_SPANS) {
      const sp = series.span[w]!;
      const score = sp.score[n]!;
      if (!(score >= SPAN_MIN_SCORE * k) || !(sp.changed[n]! >= SPAN_MIN_CHANGED)) continue;
      if (!(sp.residual[n]! <= MAX_BLEND_RESIDUAL)) continue;
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
    const start = Math.max(0, Math.min(...group.map((c) => c.centre - c.w)) + 1);
    const end = Math.min(series.length, Math.max(...group.map((c) => c.centre + c.w)));
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

/** True when motion search removes most of the frame-to-frame change over [from, to]. */
function motionExplainsChange(series: SignalSeries, from: number, to: number): boolean {
  const shares: number[] = [];
  for (let i = Math.max(1, from); i <= Math.min(series.length - 1, to); i++) {
    const plain = series.plainScore[i]!;
    if (plain > 0.02) shares.push(series.cutScore[i]! / plain);
  }
  if (shares.length === 0) return false;
  shares.sort((a, b) => a - b);
  return shares[Math.floor(shares.length / 2)]! < MIN_UNEXPLAINED_SHARE;
}
