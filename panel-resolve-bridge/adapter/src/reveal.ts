import { formatTimecode } from "@sichter/shared/timecode";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import type { ResolveApp } from "./ResolveApi.ts";
import { currentTimeline, findMediaPoolItem, frameOf, mediaPoolOf, textOf } from "./resolveObjects.ts";
import { RESOLVE_API, type ResolveVersion, versionAtLeast } from "./resolveVersion.ts";
import { timelineDropFrame, timelineRate } from "./timelineRate.ts";

export type RevealOutcome = "playhead" | "media-pool" | "not-found";

/**
 * Shows a search hit: when the clip was picked on the current timeline and the frame lies in the
 * part it shows, the playhead moves there (SetCurrentTimecode, the only way to move it); otherwise
 * the clip is selected in the media pool on the Media page (19.0.2 on). Resolve's API cannot move
 * the source viewer to a frame, so that route shows the clip only.
 */
export async function reveal(resolve: ResolveApp, version: ResolveVersion, clip: ClipReference, frame: number): Promise<RevealOutcome> {
  const placement = clip.sequence;
  const source = clip.source;
  if (placement && source && frame >= source.inFrame && frame < source.outFrame) {
    const timeline = await currentTimeline(resolve);
    if (timeline && textOf(await timeline.GetName()) === placement.sequenceName) {
      const at = frameOf(await timeline.GetStartFrame()) + placement.startFrame + (frame - source.inFrame);
      const timecode = formatTimecode(at, { rate: await timelineRate(timeline), dropFrame: await timelineDropFrame(timeline) });
      if (await timeline.SetCurrentTimecode(timecode)) return "playhead";
    }
  }
  const pool = await mediaPoolOf(resolve);
  if (!pool || !versionAtLeast(version, RESOLVE_API.mediaPoolSelection) || typeof pool.SetSelectedClip !== "function") return "not-found";
  const item = await findMediaPoolItem(pool, clip.hostItemId, clip.mediaPath);
  if (!item) return "not-found";
  await resolve.OpenPage("media");
  return (await pool.SetSelectedClip(item)) ? "media-pool" : "not-found";
}
