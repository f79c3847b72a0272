import type { CatalogKeyframe } from "@sichter/shared/protocol";
import type { Shot } from "@sichter/shared/model";

/** One picture of the filmstrip: a keyframe, the shot it belongs to, and whether a shot begins with it. */
export interface FilmstripItem {
  readonly frame: number;
  readonly timecode: string;
  /** The engine path of its thumbnail, or null when the analysis kept none. */
  readonly thumbnail: string | null;
  /** Index of its shot (0-based), or null when no shot holds the frame. */
  readonly shot: number | null;
  /** The first keyframe of its shot: the strip draws the shot boundary before it. */
  readonly shotStart: boolean;
}

/** The keyframes in frame order, each with its shot. */
export function filmstripItems(shots: readonly Shot[], keyframes: readonly CatalogKeyframe[]): FilmstripItem[] {
  const ordered = [...keyframes].sort((a, b) => a.frame - b.frame);
  let previousShot: number | null | undefined;
  return ordered.map((keyframe) => {
    const shot = shots.find((s) => keyframe.frame >= s.startFrame && keyframe.frame < s.endFrame)?.index ?? null;
    const shotStart = shot !== previousShot;
    previousShot = shot;
    return { frame: keyframe.frame, timecode: keyframe.timecode, thumbnail: keyframe.thumbnail, shot, shotStart };
  });
}

/** The keyframe that stands for `frame`: the last one at or before it, else the first. -1 for an empty strip. */
export function itemIndexAt(items: readonly FilmstripItem[], frame: number): number {
  if (items.length === 0) return -1;
  let found = 0;
  for (let i = 0; i < items.length; i++) {
    if (items[i]!.frame <= frame) found = i;
    else break;
  }
  return found;
}
