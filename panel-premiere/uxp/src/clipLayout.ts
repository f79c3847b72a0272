import type { ClipProjectItem } from "@adobe/premierepro";
import { type ClipMarker, layoutClipMarkers } from "@sichter/premiere-common";
import type { TagPlan } from "@sichter/shared/model";
import { createTimecodeContext, parseFrameRate, supportsDropFrame, ticksToFrames } from "@sichter/shared/timecode";

/**
 * The clip markers of a plan for one clip item. Their comments carry the media's own timecode:
 * its start comes from the item's media start; drop-frame counting defaults to on at 29.97 and
 * 59.94, where broadcast footage uses it.
 */
export async function layoutForClip(item: ClipProjectItem, plan: TagPlan, dropFrame?: boolean): Promise<ClipMarker[]> {
  const rate = parseFrameRate(plan.frameRate);
  const media = await item.getMedia();
  const timecode = createTimecodeContext({
    rate,
    dropFrame: dropFrame ?? supportsDropFrame(rate),
    start: ticksToFrames(media.start.ticks, rate, "nearest"),
  });
  return layoutClipMarkers(plan, { timecode });
}
