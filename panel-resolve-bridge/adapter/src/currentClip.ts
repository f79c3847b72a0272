import { formatFrameRate } from "@sichter/shared/timecode";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import type { ClipSource } from "@sichter/ui/src/host/HostAdapter.ts";
import type { MediaPool, MediaPoolItem, ResolveApp, Timeline, TimelineItem } from "./ResolveApi.ts";
import { currentProject, frameOf, textOf, trackOf } from "./resolveObjects.ts";
import { RESOLVE_API, type ResolveVersion, versionAtLeast } from "./resolveVersion.ts";
import { timelineRate } from "./timelineRate.ts";

/**
 * The clip the editor works on. On the Media page: the first selected media pool clip. Elsewhere:
 * the selected timeline clip where the version can tell (21.0.4 on), else the current video item
 * (what the viewer shows at the playhead), with its source in point (GetLeftOffset) and its place on
 * the timeline (GetStart, counted from the timeline's start frame); the media pool selection when
 * the timeline has nothing. Null when no project is open or nothing is there. With a `source` the
 * editor chose in the panel, only that one counts: "selection" the media pool's selected clip,
 * "playhead" the current video item of the timeline.
 */
export async function currentClip(
  resolve: ResolveApp,
  version: ResolveVersion,
  source?: ClipSource,
): Promise<ClipReference | null> {
  const project = await currentProject(resolve);
  if (!project) return null;
  const page = textOf(await resolve.GetCurrentPage());
  const pool = await project.GetMediaPool();
  const timeline = await project.GetCurrentTimeline();
  const fromPool = async () => (pool ? selectedPoolClip(pool, version) : null);
  const fromTimeline = async () => (timeline ? timelineClip(timeline, version) : null);
  if (source === "selection") return fromPool();
  if (source === "playhead") return timeline ? clipAtPlayhead(timeline) : null;
  if (page === "media") return (await fromPool()) ?? (await fromTimeline());
  return (await fromTimeline()) ?? (await fromPool());
}

async function selectedPoolClip(pool: MediaPool, version: ResolveVersion): Promise<ClipReference | null> {
  if (!versionAtLeast(version, RESOLVE_API.mediaPoolSelection) || typeof pool.GetSelectedClips !== "function")
    return null;
  for (const item of (await pool.GetSelectedClips()) ?? []) {
    const reference = await referenceOfItem(item);
    if (reference) return reference;
  }
  return null;
}

async function timelineClip(timeline: Timeline, version: ResolveVersion): Promise<ClipReference | null> {
  if (versionAtLeast(version, RESOLVE_API.timelineSelection) && typeof timeline.GetSelectedClips === "function") {
    for (const item of (await timeline.GetSelectedClips()) ?? []) {
      const reference = await referenceOfInstance(timeline, item);
      if (reference) return reference;
    }
  }
  return clipAtPlayhead(timeline);
}

/** The current video item: what the viewer shows at the playhead. */
async function clipAtPlayhead(timeline: Timeline): Promise<ClipReference | null> {
  const item = await timeline.GetCurrentVideoItem();
  return item ? referenceOfInstance(timeline, item) : null;
}

/** A media pool clip as the current clip: its file, no timeline. Null for items without a file (timelines, generators). */
export async function referenceOfItem(item: MediaPoolItem): Promise<ClipReference | null> {
  const mediaPath = textOf(await item.GetClipProperty("File Path"));
  if (mediaPath === "") return null;
  return { mediaPath, name: textOf(await item.GetName()) || mediaPath, hostItemId: textOf(await item.GetUniqueId()) };
}

/**
 * A timeline instance: the media pool item's file, the source frames it shows
 * [GetLeftOffset, GetLeftOffset + duration) and where it sits, counted from the timeline's start
 * frame, in the timeline's rate. Null for items without media (titles, generators, audio only).
 */
export async function referenceOfInstance(timeline: Timeline, item: TimelineItem): Promise<ClipReference | null> {
  const media = await item.GetMediaPoolItem();
  const clip = media ? await referenceOfItem(media) : null;
  if (!clip) return null;
  const timelineStart = frameOf(await timeline.GetStartFrame());
  const start = frameOf(await item.GetStart());
  const end = frameOf(await item.GetEnd());
  const inFrame = frameOf(await item.GetLeftOffset());
  const track = (await trackOf(timeline, item)) ?? 1;
  return {
    ...clip,
    source: { inFrame, outFrame: inFrame + (end - start) },
    sequence: {
      sequenceName: textOf(await timeline.GetName()),
      frameRate: formatFrameRate(await timelineRate(timeline)),
      startFrame: start - timelineStart,
      endFrame: end - timelineStart,
      track: track - 1,
    },
  };
}
