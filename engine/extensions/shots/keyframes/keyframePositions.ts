import type { Shot } from "@sichter/engine/extension-api";

/** One more keyframe per this many seconds of shot, so a long interview gets more than one picture. */
const SECONDS_PER_KEYFRAME = 8;
const MAX_PER_SHOT = 6;
/** Keep this far from a shot's edges: the first frames after a cut are often blurred or mid-motion. */
const EDGE_SECONDS = 0.25;
/** Frames decoded around each position to find the steadiest one. */
export const BURST = 5;

export interface KeyframePosition {
  readonly shot: number;
  /** Where to look; the extractor picks the steadiest frame next to it. */
  readonly frame: number;
}

/**
 * Where to take representative frames: evenly inside the part of each shot that is not a
 * transition, away from the edges. Given the clip's codec keyframes, each position moves onto a burst
 * that starts on one, if one lies in that part and within half the spacing of positions: such a burst
 * decodes only its own frames, anywhere else it also decodes the GOP before it.
 */
export function keyframePositions(
  shots: readonly Shot[],
  fps: number,
  codecKeyframes?: readonly number[],
): KeyframePosition[] {
  const positions: KeyframePosition[] = [];
  shots.forEach((shot, i) => {
    const { from, to } = usableRange(shot, shots[i + 1], fps);
    const inner = to - from;
    const count = Math.min(MAX_PER_SHOT, 1 + Math.floor(inner / fps / SECONDS_PER_KEYFRAME));
    const used = new Set<number>();
    for (let k = 0; k < count; k++) {
      const wanted = from + Math.floor(((k + 0.5) * inner) / count);
      const onKeyframe =
        codecKeyframes && nearestKeyframeBurst(codecKeyframes, wanted, from, to, inner / count / 2, used);
      const frame = onKeyframe ?? wanted;
      used.add(frame);
      positions.push({ shot: shot.index, frame });
    }
  });
  return positions;
}

/** Frames [from, to) of a shot that keyframes may come from: not transition, not next to an edge. */
function usableRange(shot: Shot, next: Shot | undefined, fps: number): { from: number; to: number } {
  const start = Math.max(shot.startFrame, shot.transition?.endFrame ?? shot.startFrame);
  const end = Math.min(shot.endFrame, next?.transition?.startFrame ?? shot.endFrame);
  // A shot that is all transition still gets its middle frame.
  const from = start < end ? start : shot.startFrame;
  const to = start < end ? end : shot.endFrame;
  const edge = Math.min(Math.round(EDGE_SECONDS * fps), Math.floor((to - from) / 4));
  return { from: from + edge, to: to - edge };
}

/**
 * Centre of the burst starting on the codec keyframe nearest to `wanted`, with all its frames in
 * [from, to), at most `reach` away and not taken yet. Cuts get codec keyframes of their own, but those
 * sit on a shot's first frame, outside the range: only keyframes inside a shot count.
 */
function nearestKeyframeBurst(
  keyframes: readonly number[],
  wanted: number,
  from: number,
  to: number,
  reach: number,
  used: ReadonlySet<number>,
): number | undefined {
  const offset = Math.floor(BURST / 2);
  let best: number | undefined;
  for (let i = firstAtOrAfter(keyframes, from); i < keyframes.length && keyframes[i]! + BURST <= to; i++) {
    const centre = keyframes[i]! + offset;
    const distance = Math.abs(centre - wanted);
    if (used.has(centre) || distance > reach) continue;
    if (best === undefined || distance < Math.abs(best - wanted)) best = centre;
  }
  return best;
}

/** Index of the first entry at or after `value` in an ascending list (its length if none). */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
