import { type ClipMarker, layoutClipMarkers } from "@sichter/premiere-common";
import type { TagPlan } from "@sichter/shared/model";
import { createTimecodeContext, parseFrameRate, parseTimecode, supportsDropFrame } from "@sichter/shared/timecode";
import type { MediaPoolItem } from "./ResolveApi.ts";
import { textOf } from "./resolveObjects.ts";

/**
 * The clip markers of a plan, laid out as in the Premiere panel (one per shot, named by its main
 * keywords, the shot's timecode in the note), with the clip's own start timecode. Resolve holds one
 * marker per frame, so plan markers that start on the same frame become one: names joined by
 * ", ", notes by a line break, the first one's colour, the longest duration.
 */
export async function layoutResolveMarkers(plan: TagPlan, item: MediaPoolItem): Promise<ClipMarker[]> {
  const rate = parseFrameRate(plan.frameRate);
  const flag = textOf(await item.GetClipProperty("Drop frame"));
  const dropFrame = flag === "1" ? true : flag === "0" ? false : supportsDropFrame(rate);
  let start = 0;
  try {
    start = parseTimecode(textOf(await item.GetClipProperty("Start TC")), { rate, dropFrame });
  } catch {
    // No start timecode: the note's timecode counts from 00:00:00:00.
  }
  return mergeSameFrame(layoutClipMarkers(plan, { timecode: createTimecodeContext({ rate, dropFrame, start }) }));
}

export function mergeSameFrame(markers: readonly ClipMarker[]): ClipMarker[] {
  const byFrame = new Map<number, ClipMarker>();
  for (const marker of [...markers].sort((a, b) => a.startFrame - b.startFrame)) {
    const there = byFrame.get(marker.startFrame);
    byFrame.set(
      marker.startFrame,
      there
        ? {
            ...there,
            name: [there.name, marker.name].filter((n) => n !== "").join(", "),
            comments: [there.comments, marker.comments].filter((c) => c !== "").join("\n"),
            durationFrames: Math.max(there.durationFrames, marker.durationFrames),
          }
        : marker,
    );
  }
  return [...byFrame.values()];
}
