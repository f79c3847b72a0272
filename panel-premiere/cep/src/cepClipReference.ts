import { type ClipInstance, rateFromFps, rateFromTicksPerFrame, usedSourceRange } from "@sichter/premiere-common";
import { formatFrameRate, ticksToFrames } from "@sichter/shared/timecode";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import type { EsActiveSequence, EsClipInfo, EsPlacedClip } from "./timelineCalls.ts";

/** A Project panel clip as the panel's current clip: just the media. */
export function referenceOfClip(clip: EsClipInfo): ClipReference {
  return { mediaPath: clip.mediaPath, name: clip.name, hostItemId: clip.itemId };
}

/** A track item's times as the common mapping code takes them. */
export function instanceOf(placed: EsPlacedClip, sequence: EsActiveSequence): ClipInstance {
  return {
    mediaRate: rateFromFps(placed.clip.fps),
    sequenceRate: rateFromTicksPerFrame(sequence.ticksPerFrame),
    inPoint: BigInt(placed.inPoint),
    outPoint: BigInt(placed.outPoint),
    start: BigInt(placed.start),
    end: BigInt(placed.end),
  };
}

/** A timeline instance as the current clip: the media, the frames it uses and where it sits (as UXP's). */
export function referenceOfPlacedClip(placed: EsPlacedClip, sequence: EsActiveSequence): ClipReference {
  const instance = instanceOf(placed, sequence);
  return {
    ...referenceOfClip(placed.clip),
    name: placed.name,
    source: usedSourceRange(instance),
    sequence: {
      sequenceName: sequence.name,
      frameRate: formatFrameRate(instance.sequenceRate),
      startFrame: ticksToFrames(instance.start, instance.sequenceRate, "floor"),
      endFrame: ticksToFrames(instance.end, instance.sequenceRate, "nearest"),
      track: placed.track,
    },
  };
}

/** The clip the Program Monitor shows at the playhead: the enabled one on the highest video track. */
export function placedUnderPlayhead(sequence: EsActiveSequence): EsPlacedClip | null {
  const at = BigInt(sequence.playhead);
  const covering = sequence.clips
    .filter((p) => !p.disabled && BigInt(p.start) <= at && at < BigInt(p.end))
    .sort((a, b) => b.track - a.track);
  return covering[0] ?? null;
}

/** Every clip of the sequence in timeline order (start, then track). */
export function inTimelineOrder(sequence: EsActiveSequence): EsPlacedClip[] {
  return [...sequence.clips].sort((a, b) => {
    const delta = BigInt(a.start) - BigInt(b.start);
    return delta < 0n ? -1 : delta > 0n ? 1 : a.track - b.track;
  });
}
