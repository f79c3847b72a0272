import type { ShotBoundary } from "./ShotBoundary.ts";
import type { SignalSeries } from "./ShotSignals.ts";

/** The half-span whose blend residual judges a short dissolve's frames: its ends lie outside a dissolve of up to 5 frames. */
const SHORT_HALF_SPAN = 3;
/**
 * A step next to the cut's own that moves the coarse light and colour by this share of it is part
 * of the same change (editors' dissolves need not be linear: an eased one changes slowly at first)...
 */
const NEXT_STEP_SHARE = 0.4;
/** ...and the frame between the two steps is a mix of the pictures around it (a cut's frames score 0.5). */
const MAX_BLEND_RESIDUAL = 0.3;
/**
 * Steps of at least this share of the cut's own belong to the transition when its range is traced,
 * if they are also well above the shots' own steps around it (grain changes its light every frame).
 */
const EDGE_STEP_SHARE = 0.4;
const EDGE_OVER_SHOTS = 2;
/** Where the shots' own steps are measured: this far from the cut and beyond. */
const SHOT_STEPS_FROM = 6;
const SHOT_STEPS_TO = 12;
/** How far the range is traced each way from the cut's step. */
const MAX_FRAMES = 12;

/**
 * A "cut" that is a short dissolve: in a dissolve of a few frames one step may stand out as the
 * cut detector's peak, but the steps beside it move the picture's light and colour about as much,
 * and the frames between them are mixes of the pictures around them. Returns the dissolve (its
 * blended frames up to the first plain frame of the new shot), or undefined for a hard cut.
 */
export function asShortDissolve(series: SignalSeries, cut: ShotBoundary): ShotBoundary | undefined {
  const f = series.firstFrame;
  const n = cut.frame - f;
  const step = (i: number): number => (i >= 1 && i < series.length ? series.levelScore[i]! + series.cellColour[i]! : 0);
  const own = step(n);
  if (!(own > 0)) return undefined;
  const residual = series.span[SHORT_HALF_SPAN]!.coarseResidual;
  const blendBefore = step(n - 1) >= NEXT_STEP_SHARE * own && residual[n - 1]! <= MAX_BLEND_RESIDUAL;
  const blendAfter = step(n + 1) >= NEXT_STEP_SHARE * own && residual[n]! <= MAX_BLEND_RESIDUAL;
  if (!blendBefore && !blendAfter) return undefined;
  const median = (from: number, to: number): number => {
    const v: number[] = [];
    for (let i = Math.max(1, from); i <= Math.min(series.length - 1, to); i++) v.push(step(i));
    v.sort((x, y) => x - y);
    return v.length === 0 ? 0 : v[Math.floor(v.length / 2)]!;
  };
  // Each way the range grows, against the shot it grows into.
  const before = median(n - SHOT_STEPS_TO, n - SHOT_STEPS_FROM);
  const after = median(n + SHOT_STEPS_FROM, n + SHOT_STEPS_TO);
  const inside = (i: number, shot: number): boolean =>
    step(i) >= Math.max(EDGE_STEP_SHARE * own, EDGE_OVER_SHOTS * shot);
  // The step beside the cut's own that showed the blend belongs to it whatever the shots do.
  let start = blendBefore ? n - 1 : n;
  while (n - start < MAX_FRAMES && inside(start - 1, before)) start--;
  let end = blendAfter ? n + 1 : n;
  while (end - n < MAX_FRAMES && inside(end + 1, after)) end++;
  // Steps start..end change the picture; the blends are start..end-1 and end is the new shot's first plain frame.
  return {
    type: "dissolve",
    frame: f + Math.floor((start + end) / 2),
    startFrame: f + start,
    endFrame: f + end,
    confidence: cut.confidence,
  };
}
