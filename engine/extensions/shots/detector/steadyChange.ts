import type { SignalSeries } from "./ShotSignals.ts";

/**
 * A scroll that darkens, a slow zoom, a drifting gradient, a steady light ramp: over any span their
 * middle frames look like a blend of the ends, like a dissolve's. A dissolve adds its own change to
 * what both shots do, so its frames change more than the frames on either side of it, unless one
 * side is far busier (a shot of new texture every frame). A steady change is the same inside and
 * out, and small from frame to frame.
 */
const STEADY_MAX_STEP = 0.03;
/** Inside against each side (motion-compensated structure, and coarse light and colour). */
const STEADY_MAX_RATIO = 1.6;
/** ...and neither side much busier than the span, in structure. */
const STEADY_MIN_RATIO = 0.5;

/** Frames each side needs at least (a run decoded around a candidate may end close to it). */
const MIN_SIDE = 4;

/**
 * True when [from, to] (series indices) changes from frame to frame about as the spans of up to
 * the same length before and after it do, and little: no transition, the picture only keeps
 * changing. False where a side has fewer than MIN_SIDE frames in the series (nothing to compare).
 */
export function steadyChange(series: SignalSeries, from: number, to: number): boolean {
  const length = Math.max(MIN_SIDE, to - from + 1);
  const before = [Math.max(1, from - length), from - 1] as const;
  const after = [to + 1, Math.min(series.length - 1, to + length)] as const;
  if (before[1] - before[0] + 1 < MIN_SIDE || after[1] - after[0] + 1 < MIN_SIDE) return false;
  const coarse = (i: number): number => series.levelScore[i]! + series.cellColour[i]!;
  const structure = (i: number): number => series.cutScore[i]!;
  const inside = median(structure, from, to);
  if (!(inside < STEADY_MAX_STEP)) return false;
  for (const [a, b] of [before, after]) {
    const side = median(structure, a, b);
    if (!(inside < STEADY_MAX_RATIO * side) || !(inside >= STEADY_MIN_RATIO * side)) return false;
    if (!(median(coarse, from, to) < STEADY_MAX_RATIO * median(coarse, a, b))) return false;
  }
  return true;
}

function median(value: (i: number) => number, from: number, to: number): number {
  const v: number[] = [];
  for (let i = from; i <= to; i++) if (!Number.isNaN(value(i))) v.push(value(i));
  v.sort((x, y) => x - y);
  return v.length === 0 ? Number.NaN : v[Math.floor(v.length / 2)]!;
}
