import { type FrameRate, parseFrameRate } from "@sichter/shared/timecode";
import type { MediaPoolItem, Timeline } from "./ResolveApi.ts";
import { textOf } from "./resolveObjects.ts";

/** The timeline's exact rate from its "timelineFrameRate" setting ("25", "29.97", "23.976"). */
export async function timelineRate(timeline: Timeline): Promise<FrameRate> {
  return parseFrameRate(textOf(await timeline.GetSetting("timelineFrameRate")));
}

export async function timelineDropFrame(timeline: Timeline): Promise<boolean> {
  return textOf(await timeline.GetSetting("timelineDropFrameTimecode")) === "1";
}

/** The clip's rate as Resolve interprets it ("FPS" clip property), or null when it says none. */
export async function clipRate(item: MediaPoolItem): Promise<FrameRate | null> {
  try {
    return parseFrameRate(textOf(await item.GetClipProperty("FPS")));
  } catch {
    return null;
  }
}
