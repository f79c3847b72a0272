import type { ShotBoundary, TransitionType } from "./ShotBoundary.ts";

export interface Transition {
  readonly type: TransitionType;
  readonly startFrame: number;
  readonly endFrame: number;
}

/** A shot: frames [startFrame, endFrame), entered through `transition` (null for the first shot). */
export interface Shot {
  readonly index: number;
  readonly startFrame: number;
  readonly endFrame: number;
  readonly transition: Transition | null;
  /** The detector's confidence in the boundary that opens this shot; 1 for the first shot. */
  readonly confidence: number;
}

/**
 * Turns boundaries into contiguous shots covering every frame. Boundaries closer than
 * `minShotFrames` compete and the more confident one stays, so a burst of changes (a strobe, a
 * shaky whip) yields one boundary, not five. Transitions whose ranges overlap are one transition:
 * two of a kind (a dissolve seen in two pieces) become one over both ranges, otherwise they compete.
 */
export function buildShots(
  boundaries: readonly ShotBoundary[],
  frameCount: number,
  minShotFrames: number,
): { shots: Shot[]; boundaries: ShotBoundary[] } {
  const sorted = [...boundaries].filter((b) => b.frame > 0 && b.frame < frameCount).sort((a, b) => a.frame - b.frame);
  const kept: ShotBoundary[] = [];
  for (const b of sorted) {
    const last = kept.at(-1);
    if (last && last.type !== "cut" && b.type === last.type && b.startFrame < last.endFrame) {
      kept[kept.length - 1] = joined(last, b);
      continue;
    }
    if (last && (b.frame - last.frame < minShotFrames || b.startFrame < last.endFrame)) {
      if (rank(b) > rank(last)) kept[kept.length - 1] = b;
      continue;
    }
    kept.push(b);
  }

  const shots: Shot[] = [];
  let start = 0;
  let opening: ShotBoundary | null = null;
  for (const b of [...kept, null]) {
    const end = b ? b.frame : frameCount;
    shots.push({
      index: shots.length,
      startFrame: start,
      endFrame: end,
      transition: opening ? { type: opening.type, startFrame: opening.startFrame, endFrame: opening.endFrame } : null,
      confidence: opening ? opening.confidence : 1,
    });
    start = end;
    opening = b;
  }
  return { shots, boundaries: kept };
}

/** One gradual transition over the ranges of two overlapping pieces of it. */
function joined(a: ShotBoundary, b: ShotBoundary): ShotBoundary {
  const startFrame = Math.min(a.startFrame, b.startFrame);
  const endFrame = Math.max(a.endFrame, b.endFrame);
  return {
    ...a,
    frame: Math.floor((startFrame + endFrame) / 2),
    startFrame,
    endFrame,
    confidence: Math.max(a.confidence, b.confidence),
  };
}

/** Gradual transitions are rarer and costlier to miss than a cut next to them is to keep. */
function rank(b: ShotBoundary): number {
  return b.confidence + (b.type === "cut" ? 0 : 0.5);
}
