import type { ClipProjectItem, ProjectItem, Sequence, VideoClipTrackItem, premierepro } from "@adobe/premierepro";
import { type ClipInstance, rateFromFps, rateFromTicksPerFrame } from "@sichter/premiere-common";
import type { FrameRate } from "@sichter/shared/timecode";

/** A clip on a video track of a sequence, with everything the adapter needs read up front. */
export interface PlacedClip {
  readonly trackItem: VideoClipTrackItem;
  readonly projectItem: ProjectItem;
  readonly item: ClipProjectItem;
  readonly mediaPath: string;
  readonly name: string;
  /** 0-based video track index (V1 = 0). */
  readonly track: number;
  readonly instance: ClipInstance;
  readonly speed: number;
  readonly disabled: boolean;
}

export async function sequenceRate(sequence: Sequence): Promise<FrameRate> {
  const settings = await sequence.getSettings();
  return rateFromTicksPerFrame(settings.getVideoFrameRate().ticksPerFrame);
}

export async function mediaRate(item: ClipProjectItem): Promise<FrameRate> {
  const interpretation = await item.getFootageInterpretation();
  return rateFromFps(interpretation.getFrameRate());
}

/**
 * Every clip on the given video tracks (all when none are named), in track then time order. Track
 * items come as an array; each of their getters is a promise, read side by side per item.
 */
export async function readPlacedClips(
  ppro: premierepro,
  sequence: Sequence,
  tracks?: readonly number[],
): Promise<PlacedClip[]> {
  const rate = await sequenceRate(sequence);
  const count = await sequence.getVideoTrackCount();
  const indices = tracks ?? Array.from({ length: count }, (_, index) => index);
  const placed: PlacedClip[] = [];
  for (const index of indices) {
    if (index < 0 || index >= count) continue;
    const track = await sequence.getVideoTrack(index);
    const items = track.getTrackItems(ppro.Constants.TrackItemType.CLIP, false);
    placed.push(...(await Promise.all(items.map((trackItem) => readPlacedClip(ppro, trackItem, index, rate)))));
  }
  return placed;
}

async function readPlacedClip(
  ppro: premierepro,
  trackItem: VideoClipTrackItem,
  track: number,
  sequenceRate: FrameRate,
): Promise<PlacedClip> {
  const [start, end, inPoint, outPoint, projectItem, speed, disabled, name] = await Promise.all([
    trackItem.getStartTime(),
    trackItem.getEndTime(),
    trackItem.getInPoint(),
    trackItem.getOutPoint(),
    trackItem.getProjectItem(),
    trackItem.getSpeed(),
    trackItem.isDisabled(),
    trackItem.getName(),
  ]);
  const item = ppro.ClipProjectItem.cast(projectItem as ProjectItem);
  const [mediaPath, rate] = await Promise.all([item.getMediaFilePath(), mediaRate(item)]);
  return {
    trackItem,
    projectItem,
    item,
    mediaPath,
    name,
    track,
    speed,
    disabled,
    instance: {
      mediaRate: rate,
      sequenceRate,
      inPoint: BigInt(inPoint.ticks),
      outPoint: BigInt(outPoint.ticks),
      start: BigInt(start.ticks),
      end: BigInt(end.ticks),
    },
  };
}
