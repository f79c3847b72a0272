import type { premierepro } from "@adobe/premierepro";
import { type ClipMarker, type WantedMarker, clipFrameToSequenceTicks } from "@sichter/premiere-common";
import { wantedAt } from "./MarkerTarget.ts";
import type { PlacedClip } from "./readPlacedClips.ts";

/**
 * Sequence markers for one timeline instance: each clip marker whose frame the instance shows,
 * through its in point and position, with the clip frame it came from. None for an instance with a
 * speed change: source time is stretched there, and 1:1 markers would sit on wrong frames.
 */
export function instanceMarkers(
  ppro: premierepro,
  placed: PlacedClip,
  laid: readonly ClipMarker[],
): Map<WantedMarker, number> {
  const frames = new Map<WantedMarker, number>();
  if (placed.speed !== 1) return frames;
  for (const marker of laid) {
    const at = clipFrameToSequenceTicks(marker.startFrame, placed.instance);
    if (at === null) continue;
    const end =
      clipFrameToSequenceTicks(marker.startFrame + marker.durationFrames, placed.instance) ?? placed.instance.end;
    frames.set(wantedAt(ppro, marker, at, end - at), marker.startFrame);
  }
  return frames;
}

/** Who a sequence marker belongs to: the media used at that position (one per instance). */
export function instanceOwner(placed: PlacedClip): string {
  return `${placed.mediaPath}@${placed.instance.start}`;
}
