import { thresholdScale, type DetectionThresholds, type ShotBoundary } from "./ShotBoundary.ts";
import { motionExplainsChange } from "./detectDissolves.ts";
import { FLAT_STD } from "./LumaFrame.ts";
import type { SignalSeries } from "./ShotSignals.ts";

/** Half-widths (frames) of the spans a ramp is looked for over. */
const RAMP_HALF_SPANS = [6, 12] as const;
/** The ends must differ by this many 8-bit levels in mean, contrast or mean colour. */
const RAMP_MIN_CHANGE = 8;
/** Frames on each side that must hold still: a dissolve runs between two steady shots. */
const PLATEAU_FRAMES = 4;
/** How far (share of the change) a plateau frame may stray, or a ramp frame step back. */
const SLACK = 0.15;
/** Where the change is below this share of the pixels' change unexplained by a translation, motion explains it. */
const MIN_UNEXPLAINED = 0.7;
/** A shot is busy when its frames change by this much from one to the next where no motion explains it. */
const BUSY_STEP = 0.1;
/** Candidate centres this close together belong to one transition. */
const MERGE_GAP = 2;

interface Candidate {
  readonly centre: number;
  readonly w: number;
  readonly score: number;
}

/**
 * Dissolves the blend test cannot see: where one side is busy texture (grain, snow, water), no
 * frame is the mix of its neighbours pixel by pixel, but the picture's statistics (mean level,
 * contrast, mean colour) still travel steadily from one steady shot to the other. A span whose
 * strongest statistic ramps monotonically between two plateaus, over a change no translation
 * explains, is such a dissolve. Ranges already taken are skipped.
 */
export function detectStatisticRamps(
  series: SignalSeries,
  thresholds: DetectionThresholds,
  taken: readonly ShotBoundary[],
): ShotBoundary[] {
  const k = thresholdScale(thresholds);
  const f = series.firstFrame;
  const stats = [series.mean, series.std, series.uMean, series.vMean];
  const blocked = (from: number, to: number): boolean =>
    taken.some((b) => b.endFrame + 1 >= f + from && Math.min(b.startFrame, b.frame) - 1 <= f + to);
  const candidates: Candidate[] = [];
  for (let n = 0; n < series.length; n++) {
    for (const w of RAMP_HALF_SPANS) {
      const a = n - w;
      const b = n + w;
      if (a - PLATEAU_FRAMES < 0 || b + PLATEAU_FRAMES >= series.length) continue;
      let best: readonly number[] | undefined;
      let change = 0;
      for (const s of stats) {
        const d = s[b]! - s[a]!;
        if (Math.abs(d) > Math.abs(change)) {
          change = d;
          best = s;
        }
      }
      if (!best || !(Math.abs(change) >= RAMP_MIN_CHANGE * k)) continue;
      const progress = (i: number): number => (best[i]! - best[a]!) / change;
      if (!ramps(progress, a, b) || !plateaus(progress, a, b)) continue;
      const middle = progress(n);
      if (middle < 0.25 || middle > 0.75) continue;
      if (
        blocked(a, b) ||
        !busySide(series, a, b) ||
        motionExplains(series, a + 1, b) ||
        motionExplainsChange(series, a + 1, b)
      )
        continue;
      candidates.push({ centre: n, w, score: Math.abs(change) });
      break;
    }
  }

  const boundaries: ShotBoundary[] = [];
  let group: Candidate[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const from = Math.min(...group.map((c) => c.centre - c.w));
    const to = Math.max(...group.map((c) => c.centre + c.w));
    const [start, end] = trimToRamp(series, stats, from, to);
    const best = Math.max(...group.map((c) => c.score));
    boundaries.push({
      type: "dissolve",
      frame: f + Math.floor((start + end) / 2),
      startFrame: f + start,
      endFrame: f + end,
      confidence: Math.min(1, best / (4 * RAMP_MIN_CHANGE)),
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

/** Progress never steps back by more than the slack on its way from the start to the end. */
function ramps(progress: (i: number) => number, a: number, b: number): boolean {
  let high = 0;
  for (let i = a + 1; i <= b; i++) {
    const p = progress(i);
    if (p < high - SLACK) return false;
    high = Math.max(high, p);
  }
  return true;
}

/** The frames before the span hold the start's value, the frames after it the end's. */
function plateaus(progress: (i: number) => number, a: number, b: number): boolean {
  for (let j = 1; j <= PLATEAU_FRAMES; j++) {
    if (Math.abs(progress(a - j)) > SLACK || Math.abs(progress(b + j) - 1) > SLACK) return false;
  }
  return true;
}

/** True when the shot on either side of the span is busy texture or flat: only there does the blend test fail. */
function busySide(series: SignalSeries, a: number, b: number): boolean {
  const median = (from: number, to: number): number => {
    // What neither block motion, zoom nor sub-pixel flow explains: texture that is new every frame.
    const v: number[] = [];
    for (let i = Math.max(1, from); i <= to; i++) {
      const plain = series.plainScore[i]!;
      const zoom = Number.isNaN(series.zoomScore[i]!) ? plain : series.zoomScore[i]!;
      const step = Math.min(series.cutScore[i]!, zoom, series.flowResidual[i]! * plain);
      if (!Number.isNaN(step)) v.push(step);
    }
    v.sort((x, y) => x - y);
    return v.length === 0 ? 0 : v[Math.floor(v.length / 2)]!;
  };
  // A flat picture at the detector's size (fine grain averages out to it) has no structure to blend.
  const flat = (i: number): boolean => series.std[i]! < FLAT_STD;
  return (
    median(a - PLATEAU_FRAMES + 1, a) >= BUSY_STEP ||
    median(b + 1, b + PLATEAU_FRAMES) >= BUSY_STEP ||
    flat(a) ||
    flat(b)
  );
}

/** True when a sub-pixel translation explains most of the frame-to-frame change over [from, to]. */
function motionExplains(series: SignalSeries, from: number, to: number): boolean {
  const shares: number[] = [];
  for (let i = from; i <= to; i++) if (!Number.isNaN(series.flowResidual[i]!)) shares.push(series.flowResidual[i]!);
  if (shares.length === 0) return false;
  shares.sort((x, y) => x - y);
  return shares[Math.floor(shares.length / 2)]! < MIN_UNEXPLAINED;
}

/** [from, to] narrowed to the frames whose statistics move: from the first that left the start to the first that reached the end. */
function trimToRamp(
  series: SignalSeries,
  stats: ReadonlyArray<readonly number[]>,
  from: number,
  to: number,
): [number, number] {
  let best = stats[0]!;
  for (const s of stats) if (Math.abs(s[to]! - s[from]!) > Math.abs(best[to]! - best[from]!)) best = s;
  const change = best[to]! - best[from]!;
  const progress = (i: number): number => (best[i]! - best[from]!) / change;
  let start = from + 1;
  while (start < to && progress(start) < 0.05) start++;
  let end = to;
  while (end > start + 1 && progress(end - 1) > 0.95) end--;
  return [Math.max(1, start), Math.min(series.length - 1, Math.max(end, start + 1))];
}
