import type { ClipMarker } from "@sichter/premiere-common";
import type { TagPlan } from "@sichter/shared/model";
import { ErrorCode } from "@sichter/shared/protocol";
import { parseFrameRate } from "@sichter/shared/timecode";
import type { ApplyItemReport, ApplyReport } from "@sichter/ui/src/host/ApplyReport.ts";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import { applyMarkerSet, type WantedMarker } from "./applyMarkerSet.ts";
import { applyClipFields } from "./clipFields.ts";
import { layoutResolveMarkers } from "./layoutResolveMarkers.ts";
import type { MediaPoolItem, ResolveApp } from "./ResolveApi.ts";
import { RESOLVE_COLOR_OF } from "./resolveMarkerColor.ts";
import { findMediaPoolItem, mediaPoolOf, textOf } from "./resolveObjects.ts";
import { clipMarkerData, isSichterData } from "./sichterMarkerData.ts";
import { applyTimelineMarkers } from "./timelineMarkers.ts";

/**
 * Writes a tag plan into Resolve: markers on the media pool item at source frames, markers on the
 * timeline when the clip was picked there, then Keywords, Description and Comments. Every write is
 * read back; each marker and field gets its own report item, so one refusal does not hide the
 * rest. Resolve has no undo step for scripted changes: re-applying replaces exactly Sichter's own
 * markers and lines, which is how an editor takes a plan back. The caller serialises the calls.
 */
export async function applyTagPlan(
  resolve: ResolveApp,
  plan: TagPlan,
  clip: ClipReference,
  signal?: AbortSignal,
): Promise<ApplyReport> {
  const report = (items: ApplyItemReport[]): ApplyReport => ({ clipPath: plan.clipPath, items });
  const pool = await mediaPoolOf(resolve);
  const item = pool ? await findMediaPoolItem(pool, clip.hostItemId, clip.mediaPath) : null;
  if (!item)
    return report([
      {
        kind: "marker",
        status: "failed",
        target: clip.mediaPath,
        error: { code: ErrorCode.FILE_NOT_FOUND, params: { path: clip.mediaPath } },
      },
    ]);
  const label = textOf(await item.GetName()) || clip.name;
  const laid = await layoutResolveMarkers(plan, item);

  const items: ApplyItemReport[] = [];
  const steps = [
    () => applyClipMarkers(item, label, laid),
    async () => (await applyTimelineMarkers(resolve, item, clip, laid, parseFrameRate(plan.frameRate))).items,
    () => applyClipFields(item, label, plan),
  ];
  for (const step of steps) {
    if (signal?.aborted) {
      items.push({ kind: "marker", status: "failed", target: label, error: { code: ErrorCode.CANCELLED } });
      break;
    }
    items.push(...(await step()));
  }
  return report(items);
}

/** Clip markers sit at source frames: frame 0 is the media's first frame, whatever its timecode. */
async function applyClipMarkers(
  item: MediaPoolItem,
  label: string,
  laid: readonly ClipMarker[],
): Promise<ApplyItemReport[]> {
  const frames = Number(await item.GetClipProperty("Frames"));
  const length = Number.isInteger(frames) && frames > 0 ? frames : Number.MAX_SAFE_INTEGER;
  const wanted: WantedMarker[] = laid
    .filter((marker) => marker.startFrame < length)
    .map((marker, index, all) => {
      const duration = Math.max(1, Math.min(marker.durationFrames, length - marker.startFrame));
      const next = all[index + 1]?.startFrame ?? length;
      return {
        clipFrame: marker.startFrame,
        frame: marker.startFrame,
        lastFrame: Math.min(marker.startFrame + duration - 1, next - 1),
        duration,
        color: RESOLVE_COLOR_OF[marker.color],
        name: marker.name,
        note: marker.comments,
        customData: clipMarkerData(marker.startFrame),
      };
    });
  return (await applyMarkerSet(item, label, wanted, (marker) => isSichterData(marker.customData))).items;
}
