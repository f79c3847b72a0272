import type { CatalogKeyframe } from "@sichter/shared/protocol";
import type { Shot } from "@sichter/shared/model";

/**
 * The keyframe picture that shows `frame` best: the nearest one with a picture in the shot that
 * holds the frame (another shot's picture may show something else entirely), else the nearest one
 * with a picture at all; null when the analysis kept none.
 */
export function previewKeyframe(
  shots: readonly Shot[],
  keyframes: readonly CatalogKeyframe[],
  frame: number,
): CatalogKeyframe | null {
  const pictured = keyframes.filter((keyframe) => keyframe.thumbnail !== null);
  const shot = shots.find((s) => s.startFrame <= frame && frame < s.endFrame);
  const inShot = shot
    ? pictured.filter((keyframe) => shot.startFrame <= keyframe.frame && keyframe.frame < shot.endFrame)
    : [];
  return nearest(inShot.length > 0 ? inShot : pictured, frame);
}

function nearest(keyframes: readonly CatalogKeyframe[], frame: number): CatalogKeyframe | null {
  let best: CatalogKeyframe | null = null;
  for (const keyframe of keyframes) {
    if (best === null || Math.abs(keyframe.frame - frame) < Math.abs(best.frame - frame)) best = keyframe;
  }
  return best;
}
