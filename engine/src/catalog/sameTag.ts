import { foldText } from "../text/foldText.ts";

export interface TagIdentity {
  readonly kind: string;
  readonly label: string;
  readonly startFrame: number;
  readonly endFrame: number;
}

/**
 * Whether a new suggestion says the same as a tag a person already decided on: same kind, same
 * label after folding ("KÖLN" = "Köln"), and frame ranges that overlap. Re-analysis moves ranges
 * by a frame or two (a different keyframe, a refined cut), so equality of ranges would be too strict.
 */
export function sameTag(a: TagIdentity, b: TagIdentity): boolean {
  return a.kind === b.kind && foldText(a.label) === foldText(b.label) && rangesOverlap(a, b);
}

/** [start, end) ranges overlap; an empty range (a point) counts when it lies inside the other or on its edge. */
export function rangesOverlap(a: TagIdentity, b: TagIdentity): boolean {
  if (a.startFrame === a.endFrame || b.startFrame === b.endFrame) {
    return a.startFrame <= b.endFrame && b.startFrame <= a.endFrame;
  }
  return a.startFrame < b.endFrame && b.startFrame < a.endFrame;
}
