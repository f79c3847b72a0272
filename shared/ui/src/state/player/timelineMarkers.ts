import type { StoredTag } from "@sichter/shared/protocol";
import type { Shot } from "@sichter/shared/model";

/** One place on the player's timeline: a shot's start, the first frame of tags, or both. */
export interface TimelineMarker {
  readonly frame: number;
  /** Index of the shot starting here, or null. */
  readonly shot: number | null;
  /** Labels of the tags starting here (rejected tags are not marked). */
  readonly tags: readonly string[];
}

/** The markers of a clip in frame order, one per frame. */
export function timelineMarkers(shots: readonly Shot[], tags: readonly StoredTag[]): TimelineMarker[] {
  const byFrame = new Map<number, { shot: number | null; tags: string[] }>();
  const at = (frame: number) => {
    let marker = byFrame.get(frame);
    if (!marker) byFrame.set(frame, (marker = { shot: null, tags: [] }));
    return marker;
  };
  for (const shot of shots) at(shot.startFrame).shot = shot.index;
  for (const tag of tags) if (tag.status !== "rejected") at(tag.startFrame).tags.push(tag.label);
  return [...byFrame.entries()].sort(([a], [b]) => a - b).map(([frame, marker]) => ({ frame, ...marker }));
}

/** The marker after (or before) `frame`, for the timeline's arrow keys; null at either end. */
export function adjacentMarker(
  markers: readonly TimelineMarker[],
  frame: number,
  direction: "next" | "previous",
): TimelineMarker | null {
  if (direction === "next") return markers.find((marker) => marker.frame > frame) ?? null;
  for (let i = markers.length - 1; i >= 0; i--) if (markers[i]!.frame < frame) return markers[i]!;
  return null;
}
