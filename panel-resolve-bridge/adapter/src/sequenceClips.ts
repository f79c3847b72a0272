import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import { referenceOfInstance } from "./currentClip.ts";
import type { ResolveApp } from "./ResolveApi.ts";
import { currentTimeline, frameOf } from "./resolveObjects.ts";

/** Every video clip of the current timeline with media, in timeline order (then V1 before V2), for auto-marking. */
export async function sequenceClips(resolve: ResolveApp): Promise<ClipReference[]> {
  const timeline = await currentTimeline(resolve);
  if (!timeline) return [];
  const found: { start: number; track: number; reference: ClipReference }[] = [];
  const count = Number(await timeline.GetTrackCount("video")) || 0;
  for (let track = 1; track <= count; track++) {
    for (const item of (await timeline.GetItemListInTrack("video", track)) ?? []) {
      const reference = await referenceOfInstance(timeline, item);
      if (reference) found.push({ start: frameOf(await item.GetStart()), track, reference });
    }
  }
  return found.sort((a, b) => a.start - b.start || a.track - b.track).map((f) => f.reference);
}
