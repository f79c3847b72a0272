import type { FrameRate } from "@sichter/shared/timecode";

/**
 * One use of a media file in a sequence, as Premiere describes a track item: all times in ticks.
 * In and out points count from the media's first frame; start and end are sequence times.
 */
export interface ClipInstance {
  /** The rate the media's frames (and a tag plan's frame numbers) count in. */
  readonly mediaRate: FrameRate;
  /** The sequence's own frame rate; sequence markers sit on its frame boundaries. */
  readonly sequenceRate: FrameRate;
  readonly inPoint: bigint;
  readonly outPoint: bigint;
  readonly start: bigint;
  readonly end: bigint;
}
