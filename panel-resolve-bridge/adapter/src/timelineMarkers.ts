import type { ClipMarker } from "@sichter/premiere-common";
import { type FrameRate, fps, sameFrameRate } from "@sichter/shared/timecode";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import { applyMarkerSet, type MarkerSetOutcome, type WantedMarker } from "./applyMarkerSet.ts";
import type { MediaPoolItem, ResolveApp, Timeline, TimelineItem } from "./ResolveApi.ts";
import { RESOLVE_COLOR_OF } from "./resolveMarkerColor.ts";
import { currentTimeline, frameOf, textOf } from "./resolveObjects.ts";
import { instanceKey, instanceOf, timelineMarkerData } from "./sichterMarkerData.ts";
import { timelineRate } from "./timelineRate.ts";

/** The instance the clip reference names, on its track of the current timeline. */
interface Instance {
  readonly timeline: Timeline;
  readonly name: string;
  readonly item: TimelineItem;
  /** Frames from the timeline's start: [start, end). */
  readonly start: number;
  readonly end: number;
  readonly inFrame: number;
}

/**
 * Timeline markers for the clip instance the editor picked: each clip marker inside the frames the
 * instance shows goes to its place on the timeline, counted from the timeline's start frame
 * (record start + clip frame - source in). Needs the same timeline open and the same rate as the
 * clip (a timeline at another rate retimes the clip, and 1:1 frames would be wrong): otherwise one
 * "skipped" item says why. Sichter's earlier markers of this instance are replaced, and those of the
 * same clip inside the instance's frames (left there when it was moved); `removed` counts those no
 * longer planned.
 */
export async function applyTimelineMarkers(
  resolve: ResolveApp,
  media: MediaPoolItem,
  clip: ClipReference,
  laid: readonly ClipMarker[],
  clipRate: FrameRate,
): Promise<MarkerSetOutcome> {
  const placement = clip.sequence;
  if (!placement) return { items: [], removed: 0 };
  const skipped = (why: string): MarkerSetOutcome => ({
    items: [{ kind: "marker", status: "skipped", target: `${placement.sequenceName}: ${why}` }],
    removed: 0,
  });
  const timeline = await currentTimeline(resolve);
  if (!timeline || textOf(await timeline.GetName()) !== placement.sequenceName) return skipped("timeline not open");
  const rate = await timelineRate(timeline);
  if (!sameFrameRate(rate, clipRate))
    return skipped(`timeline at ${fps(rate).toFixed(3)} fps, clip at ${fps(clipRate).toFixed(3)} fps`);
  const mediaId = textOf(await media.GetUniqueId());
  const instance = await findInstance(
    timeline,
    placement.sequenceName,
    placement.track + 1,
    placement.startFrame,
    mediaId,
  );
  if (!instance) return skipped("clip not found at its place");

  const key = instanceKey(mediaId, instance.start);
  const inside = laid.filter(
    (m) => m.startFrame >= instance.inFrame && m.startFrame < instance.inFrame + (instance.end - instance.start),
  );
  const wanted: WantedMarker[] = inside.map((marker, index) => {
    const frame = instance.start + (marker.startFrame - instance.inFrame);
    const next = inside[index + 1];
    const nextFrame = next ? instance.start + (next.startFrame - instance.inFrame) : instance.end;
    const duration = Math.max(1, Math.min(marker.durationFrames, instance.end - frame));
    return {
      clipFrame: marker.startFrame,
      frame,
      lastFrame: Math.min(frame + duration - 1, nextFrame - 1),
      duration,
      color: RESOLVE_COLOR_OF[marker.color],
      name: marker.name,
      note: marker.comments,
      customData: timelineMarkerData(key, marker.startFrame),
    };
  });
  return applyMarkerSet(instance.timeline, instance.name, wanted, (marker) => {
    const owner = instanceOf(marker.customData);
    if (!owner || owner.mediaPoolItemId !== mediaId) return false;
    return owner.recordFrame === instance.start || (marker.frame >= instance.start && marker.frame < instance.end);
  });
}

async function findInstance(
  timeline: Timeline,
  name: string,
  track: number,
  start: number,
  mediaId: string,
): Promise<Instance | null> {
  const timelineStart = frameOf(await timeline.GetStartFrame());
  for (const item of (await timeline.GetItemListInTrack("video", track)) ?? []) {
    if (frameOf(await item.GetStart()) - timelineStart !== start) continue;
    const media = await item.GetMediaPoolItem();
    if (!media || textOf(await media.GetUniqueId()) !== mediaId) continue;
    return {
      timeline,
      name,
      item,
      start,
      end: frameOf(await item.GetEnd()) - timelineStart,
      inFrame: frameOf(await item.GetLeftOffset()),
    };
  }
  return null;
}
