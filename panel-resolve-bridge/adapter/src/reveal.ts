import { formatTimecode } from "@sichter/shared/timecode";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import type { ResolveApp } from "./ResolveApi.ts";
import { currentTimeline, findMediaPoolItem, frameOf, mediaPoolOf, textOf } from "./resolveObjects.ts";
import { RESOLVE_API, type ResolveVersion, versionAtLeast } from "./resolveVersion.ts";
import { sequenceClips } from "./sequenceClips.ts";
import { timelineDropFrame, timelineRate } from "./timelineRate.ts";

export type RevealOutcome = "playhead" | "media-pool" | "not-found";

/**
 * Shows a search hit: where an instance of the clip on the current timeline shows the frame, the
 * playhead moves there (SetCurrentTimecode, the only way to move it): the instance the clip was
 * picked from first, else the first in timeline order (a search hit names only the file).
 * Otherwise the clip is selected in the media pool on the Media page (19.0.2 on). Resolve's API
 * cannot move the source viewer to a frame, so that route shows the clip only.
 */
export async function reveal(
  resolve: ResolveApp,
  version: ResolveVersion,
  clip: ClipReference,
  frame: number,
): Promise<RevealOutcome> {
  const timeline = await currentTimeline(resolve);
  const instance = timeline ? await instanceShowing(resolve, textOf(await timeline.GetName()), clip, frame) : null;
  if (timeline && instance?.sequence && instance.source) {
    const at =
      frameOf(await timeline.GetStartFrame()) + instance.sequence.startFrame + (frame - instance.source.inFrame);
    const timecode = formatTimecode(at, {
      rate: await timelineRate(timeline),
      dropFrame: await timelineDropFrame(timeline),
    });
    if (await timeline.SetCurrentTimecode(timecode)) return "playhead";
  }
  const pool = await mediaPoolOf(resolve);
  if (!pool || !versionAtLeast(version, RESOLVE_API.mediaPoolSelection) || typeof pool.SetSelectedClip !== "function")
    return "not-found";
  const item = await findMediaPoolItem(pool, clip.hostItemId, clip.mediaPath);
  if (!item) return "not-found";
  await resolve.OpenPage("media");
  return (await pool.SetSelectedClip(item)) ? "media-pool" : "not-found";
}

/** The clip's instance on the current timeline (named `timelineName`) whose source range holds `frame`. */
async function instanceShowing(
  resolve: ResolveApp,
  timelineName: string,
  clip: ClipReference,
  frame: number,
): Promise<ClipReference | null> {
  const shows = (reference: ClipReference): boolean =>
    reference.sequence !== undefined &&
    reference.source !== undefined &&
    frame >= reference.source.inFrame &&
    frame < reference.source.outFrame;
  if (clip.sequence?.sequenceName === timelineName && shows(clip)) return clip;
  return (
    (await sequenceClips(resolve)).find((reference) => reference.mediaPath === clip.mediaPath && shows(reference)) ??
    null
  );
}
