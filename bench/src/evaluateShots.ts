/**
 * Scoring of detected shot boundaries against ground truth, the way shot-boundary benchmarks do it:
 * hard cuts match within ±1 frame, one detection per truth; gradual transitions match when the
 * ranges overlap. Detections without types (ffmpeg's scene filter gives instants) are judged as
 * gradual when they fall inside a truth transition range, as cuts otherwise — the generous reading.
 */
export interface Detection {
  readonly type: "cut" | "dissolve" | "fade" | "untyped";
  /** First frame of the new shot. */
  readonly frame: number;
  readonly startFrame: number;
  /** Exclusive; equals startFrame for instants. */
  readonly endFrame: number;
}

export interface TruthBoundary {
  readonly type: "cut" | "dissolve" | "fade";
  readonly startFrame: number;
  readonly endFrame: number;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ShotScore {
  readonly cuts: Counts;
  readonly gradual: Counts;
  /** Detections at flash frames (a flash counted as a cut). */
  readonly flashFalseCuts: number;
}

const CUT_TOLERANCE = 1;

export function scoreDetections(
  detections: readonly Detection[],
  truth: readonly TruthBoundary[],
  flashes: ReadonlyArray<{ startFrame: number; endFrame: number }>,
): ShotScore {
  const truthCuts = truth.filter((t) => t.type === "cut");
  const truthGradual = truth.filter((t) => t.type !== "cut");

  const gradualDetections = detections.filter(
    (d) => d.type === "dissolve" || d.type === "fade" || (d.type === "untyped" && insideAny(d.frame, truthGradual)),
  );
  const cutDetections = detections.filter((d) => !gradualDetections.includes(d));

  const cutMatches = matchOneToOne(
    cutDetections,
    truthCuts,
    (d, t) => Math.abs(d.frame - t.startFrame) <= CUT_TOLERANCE,
  );
  const gradualMatches = matchOneToOne(gradualDetections, truthGradual, (d, t) =>
    d.endFrame > d.startFrame
      ? d.startFrame < t.endFrame && t.startFrame < d.endFrame
      : d.frame >= t.startFrame - 1 && d.frame <= t.endFrame,
  );
  const flashFalseCuts = detections.filter((d) =>
    flashes.some((f) => d.frame >= f.startFrame - CUT_TOLERANCE && d.frame <= f.endFrame + CUT_TOLERANCE),
  ).length;

  return {
    cuts: { tp: cutMatches, fp: cutDetections.length - cutMatches, fn: truthCuts.length - cutMatches },
    gradual: {
      tp: gradualMatches,
      fp: gradualDetections.length - gradualMatches,
      fn: truthGradual.length - gradualMatches,
    },
    flashFalseCuts,
  };
}

function insideAny(frame: number, ranges: readonly TruthBoundary[]): boolean {
  return ranges.some((r) => frame >= r.startFrame - 1 && frame <= r.endFrame);
}

/** Greedy one-to-one matching in frame order; returns the number of matched pairs. */
function matchOneToOne<D extends { frame: number }, T>(
  detections: readonly D[],
  truths: readonly T[],
  fits: (d: D, t: T) => boolean,
): number {
  const used = new Set<T>();
  let matched = 0;
  for (const d of [...detections].sort((a, b) => a.frame - b.frame)) {
    const t = truths.find((candidate) => !used.has(candidate) && fits(d, candidate));
    if (t !== undefined) {
      used.add(t);
      matched++;
    }
  }
  return matched;
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export function precisionRecallF1(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
