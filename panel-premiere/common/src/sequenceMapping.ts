import { framesToTicks, ticksToFrames } from "@sichter/shared/timecode";
import type { ClipInstance } from "./ClipInstance.ts";

/** Frames [inFrame, outFrame) of the media that an instance shows. */
export interface UsedRange {
  readonly inFrame: number;
  readonly outFrame: number;
}

/**
 * The media frames an instance uses. An in point between two frames (after a rate change) starts
 * at the frame on screen there; the out point is exclusive, so a partial last frame is included.
 */
export function usedSourceRange(instance: ClipInstance): UsedRange {
  const inFrame = ticksToFrames(nonNegative(instance.inPoint), instance.mediaRate, "floor");
  const lastTick = instance.outPoint - 1n;
  const outFrame = lastTick < instance.inPoint ? inFrame : ticksToFrames(lastTick, instance.mediaRate, "floor") + 1;
  return { inFrame, outFrame };
}

/**
 * Sequence time, in ticks, at which media frame `frame` appears in this instance, on the
 * sequence's frame grid (a 25 fps frame in a 29.97 sequence lands on the nearest 29.97 frame); null
 * when the instance does not show that frame. Speed changes are the caller's business: this maps
 * 1:1 time, as Premiere does for a clip at 100 %.
 */
export function clipFrameToSequenceTicks(frame: number, instance: ClipInstance): bigint | null {
  const source = framesToTicks(frame, instance.mediaRate);
  if (source < instance.inPoint || source >= instance.outPoint) return null;
  const raw = instance.start + (source - instance.inPoint);
  const aligned = framesToTicks(ticksToFrames(raw, instance.sequenceRate, "nearest"), instance.sequenceRate);
  return aligned < instance.end ? aligned : null;
}

/**
 * The media frame an instance shows at sequence time `ticks` (the playhead), or null when the
 * instance is not on screen then. Source time = time − start + in point, the frame on screen.
 */
export function sequenceTicksToClipFrame(ticks: bigint, instance: ClipInstance): number | null {
  if (ticks < instance.start || ticks >= instance.end) return null;
  return ticksToFrames(ticks - instance.start + instance.inPoint, instance.mediaRate, "floor");
}

function nonNegative(ticks: bigint): bigint {
  return ticks < 0n ? 0n : ticks;
}
