import type { Shot } from "../shots/Shot.ts";

/** One more keyframe per this many seconds of shot, so a long interview gets more than one picture. */
const SECONDS_PER_KEYFRAME = 8;
const MAX_PER_SHOT = 6;
/** Keep this far from a shot's edges: the first frames after a cut are often blurred or mid-motion. */
const EDGE_SECONDS = 0.25;

export interface KeyframePosition {
  readonly shot: number;
  /** Where to look; the extractor picks the steadiest frame next to it. */
  readonly frame: number;
}

/**
 * Where to take representative frames: evenly inside the part of each shot that is not a
 * transition, away from the edges.
 */
export function keyframePositions(shots: readonly Shot[], fps: number): KeyframePosition[] {
  const positions: KeyframePosition[] = [];
  shots.forEach((shot, i) => {
    const next = shots[i + 1];
    const start = Math.max(shot.startFrame, shot.transition?.endFrame ?? shot.startFrame);
    const end = Math.min(shot.endFrame, next?.transition?.startFrame ?? shot.endFrame);
    // A shot that is all transition still gets its middle frame.
    const from = start < end ? start : shot.startFrame;
    const to = start < end ? end : shot.endFrame;
    const length = to - from;
    const edge = Math.min(Math.round(EDGE_SECONDS * fps), Math.floor(length / 4));
    const inner = length - 2 * edge;
    const count = Math.min(MAX_PER_SHOT, 1 + Math.floor(inner / fps / SECONDS_PER_KEYFRAME));
    for (let k = 0; k < count; k++) {
      positions.push({ shot: shot.index, frame: from + edge + Math.floor(((k + 0.5) * inner) / count) });
    }
  });
  return positions;
}
