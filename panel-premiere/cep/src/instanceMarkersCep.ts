import {
  type ClipMarker,
  EXTENDSCRIPT_MARKER_COLOR_INDEX,
  type WantedMarker,
  clipFrameToSequenceTicks,
} from "@sichter/premiere-common";
import { instanceOf } from "./cepClipReference.ts";
import type { EsActiveSequence, EsPlacedClip } from "./timelineCalls.ts";

/**
 * Sequence markers for one timeline instance, as the UXP panel places them: each clip marker whose
 * frame the instance shows, through its in point and position, on the sequence's frame grid, with
 * the clip frame it came from. None for an instance with a speed change (1:1 markers would sit on
 * wrong frames there).
 */
export function instanceMarkersCep(
  placed: EsPlacedClip,
  sequence: EsActiveSequence,
  laid: readonly ClipMarker[],
): Map<WantedMarker, number> {
  const frames = new Map<WantedMarker, number>();
  if (placed.speed !== 1) return frames;
  const instance = instanceOf(placed, sequence);
  for (const marker of laid) {
    const at = clipFrameToSequenceTicks(marker.startFrame, instance);
    if (at === null) continue;
    const end = clipFrameToSequenceTicks(marker.startFrame + marker.durationFrames, instance) ?? instance.end;
    const wanted: WantedMarker = {
      start: at.toString(),
      duration: (end - at).toString(),
      name: marker.name,
      comments: marker.comments,
      colorIndex: EXTENDSCRIPT_MARKER_COLOR_INDEX[marker.color],
    };
    frames.set(wanted, marker.startFrame);
  }
  return frames;
}

/** Who a sequence marker belongs to: the media used at that position (the UXP panel's key too). */
export function instanceOwnerCep(placed: EsPlacedClip): string {
  return `${placed.clip.mediaPath}@${BigInt(placed.start)}`;
}
