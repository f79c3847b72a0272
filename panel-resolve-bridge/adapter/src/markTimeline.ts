import type { TagPlan } from "@sichter/shared/model";
import { ErrorCode } from "@sichter/shared/protocol";
import { parseFrameRate } from "@sichter/shared/timecode";
import type { ApplyItemReport } from "@sichter/ui/src/host/ApplyReport.ts";
import type { SequenceMarkItem, SequenceMarkProgress, SequenceMarkReport } from "@sichter/ui/src/host/HostAdapter.ts";
import { layoutResolveMarkers } from "./layoutResolveMarkers.ts";
import type { MediaPoolItem, ResolveApp } from "./ResolveApi.ts";
import { currentTimeline, findMediaPoolItem, mediaPoolOf, textOf } from "./resolveObjects.ts";
import { sequenceClips } from "./sequenceClips.ts";
import { applyTimelineMarkers } from "./timelineMarkers.ts";

/**
 * Auto-mark of the current timeline: for every video clip instance whose media has a plan, timeline
 * markers at the shot starts it shows, by the same rules as an apply from the timeline (Sichter's
 * own markers of the instance replaced, the editor's never touched). Clip markers and metadata stay
 * as they are: this marks the cut, not the media. Each media is laid out once; every instance gets
 * its own report. Resolve has no undo step for scripted changes. The caller serialises the calls.
 * `progress` hears 0 of all at the start and each instance as it is done; `signal`, once aborted,
 * leaves the instances not yet marked as they are (reported cancelled). Before each instance the
 * event loop gets a turn, so a cancel from the page (an IPC message) is heard even where Resolve
 * answers every call at once.
 */
export async function markTimeline(
  resolve: ResolveApp,
  plans: ReadonlyMap<string, TagPlan>,
  progress?: SequenceMarkProgress,
  signal?: AbortSignal,
): Promise<SequenceMarkReport> {
  const timeline = await currentTimeline(resolve);
  const sequenceName = timeline ? textOf(await timeline.GetName()) : "";
  const instances = await sequenceClips(resolve);
  const pool = await mediaPoolOf(resolve);
  const media = new Map<
    string,
    Promise<{ item: MediaPoolItem; laid: Awaited<ReturnType<typeof layoutResolveMarkers>> } | null>
  >();
  const items: SequenceMarkItem[] = [];
  const markers = { written: 0, unchanged: 0, removed: 0 };
  progress?.(0, instances.length);
  for (const [index, clip] of instances.entries()) {
    if (index > 0) await nextTurn();
    const base = { name: clip.name, mediaPath: clip.mediaPath };
    const plan = plans.get(clip.mediaPath);
    if (signal?.aborted) {
      items.push({ ...base, status: "failed", markers: 0, error: { code: ErrorCode.CANCELLED } });
    } else if (!plan) {
      items.push({ ...base, status: "skipped", markers: 0, reason: "no-plan" });
    } else {
      let laid = media.get(clip.mediaPath);
      if (!laid) {
        laid = (async () => {
          const item = pool ? await findMediaPoolItem(pool, clip.hostItemId, clip.mediaPath) : null;
          return item ? { item, laid: await layoutResolveMarkers(plan, item) } : null;
        })();
        media.set(clip.mediaPath, laid);
      }
      const found = await laid;
      if (!found) {
        items.push({
          ...base,
          status: "failed",
          markers: 0,
          error: { code: ErrorCode.FILE_NOT_FOUND, params: { path: clip.mediaPath } },
        });
      } else {
        const { items: reports, removed } = await applyTimelineMarkers(
          resolve,
          found.item,
          clip,
          found.laid,
          parseFrameRate(plan.frameRate),
        );
        markers.written += count(reports, "written");
        markers.unchanged += count(reports, "unchanged");
        markers.removed += removed;
        items.push({ ...base, ...instanceOutcome(reports, removed) });
      }
    }
    progress?.(index + 1, instances.length);
  }
  return { sequenceName, items, markers, oneUndoStep: false };
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * One instance's marker reports as one line: the first failure, a skip with its reason, or what was
 * written (an instance whose markers were only taken away changed too).
 */
function instanceOutcome(
  reports: readonly ApplyItemReport[],
  removed: number,
): Pick<SequenceMarkItem, "status" | "markers" | "reason" | "error"> {
  const kept = count(reports, "written") + count(reports, "unchanged");
  const failed = reports.find((report) => report.status === "failed");
  if (failed) return { status: "failed", markers: kept, ...(failed.error ? { error: failed.error } : {}) };
  // applyTimelineMarkers skips a whole instance with one item and no error: the timeline at another rate, or the instance gone.
  const whole = reports.length === 1 && reports[0]!.status === "skipped" && !reports[0]!.error ? reports[0]! : null;
  if (whole) return { status: "skipped", markers: 0, reason: whole.target.includes(" fps") ? "rate" : "not-found" };
  const occupied = reports.find((report) => report.status === "skipped" && report.error);
  if (kept === 0 && occupied?.error) return { status: "skipped", markers: 0, error: occupied.error };
  return { status: count(reports, "written") + removed > 0 ? "written" : "unchanged", markers: kept };
}

function count(reports: readonly ApplyItemReport[], status: ApplyItemReport["status"]): number {
  return reports.filter((report) => report.status === status).length;
}
