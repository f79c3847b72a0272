import { type ClipMarker, layoutClipMarkers } from "@sichter/premiere-common";
import type { TagPlan } from "@sichter/shared/model";
import { ErrorCode } from "@sichter/shared/protocol";
import { createTimecodeContext, parseFrameRate, supportsDropFrame, ticksToFrames } from "@sichter/shared/timecode";
import type { SequenceMarkItem, SequenceMarkProgress, SequenceMarkReport } from "@sichter/ui/src/host/HostAdapter.ts";
import { type ExtendScriptBridge, ExtendScriptError } from "./ExtendScriptBridge.ts";
import { instanceMarkersCep, instanceOwnerCep } from "./instanceMarkersCep.ts";
import { readSequenceMarkers } from "./sequenceCalls.ts";
import { type OwnerReapply, SequenceMarkerState } from "./sequenceMarkerWrite.ts";
import { type EsPlacedClip, activeSequence } from "./timelineCalls.ts";

export interface MarkSequenceCepOptions {
  /** Video tracks to mark (0 = V1); all when absent. */
  readonly tracks?: readonly number[];
  readonly dropFrame?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: SequenceMarkProgress;
}

/**
 * Auto-marks the active sequence in Premiere 25.0-25.5, with the UXP panel's results: for every
 * clip instance on the chosen video tracks whose media has a plan (each media laid out once,
 * however often it is used), sequence markers at the shot starts the instance shows. Two reads,
 * the planning in the panel, then one ExtendScript call writes every marker and one the ledger.
 * ExtendScript has no undo grouping: the report says it is not one undo step.
 */
export async function markSequenceCep(
  bridge: ExtendScriptBridge,
  plans: ReadonlyMap<string, TagPlan>,
  options: MarkSequenceCepOptions = {},
): Promise<SequenceMarkReport> {
  const cancelled = (sequenceName: string, items: readonly SequenceMarkItem[] = []): SequenceMarkReport => ({
    sequenceName,
    items:
      items.length > 0
        ? items.map((i) => ({ ...i, status: "failed", markers: 0, error: { code: ErrorCode.CANCELLED } }))
        : [failedLine(sequenceName, ErrorCode.CANCELLED)],
    markers: { written: 0, unchanged: 0, removed: 0 },
    oneUndoStep: false,
  });
  if (options.signal?.aborted) return cancelled("");
  const sequence = await activeSequence(bridge);
  const markers = sequence ? await readSequenceMarkers(bridge) : null;
  if (!sequence || !markers) {
    const refused = {
      code: ErrorCode.HOST_WRITE_REFUSED,
      params: { host: "Premiere Pro", what: "markers", target: "sequence" },
      message: "no active sequence",
    };
    return {
      sequenceName: "",
      items: [{ name: "", mediaPath: "", status: "failed", markers: 0, error: refused }],
      markers: { written: 0, unchanged: 0, removed: 0 },
      oneUndoStep: false,
    };
  }

  const state = new SequenceMarkerState(markers);
  const placed = sequence.clips.filter((p) => options.tracks === undefined || options.tracks.includes(p.track));
  const layouts = new Map<string, ClipMarker[]>();
  const owners: OwnerReapply[] = [];
  const lines: { item: SequenceMarkItem; owner: OwnerReapply | null }[] = [];
  for (const [index, instance] of placed.entries()) {
    const base = { name: instance.name, mediaPath: instance.clip.mediaPath };
    const reason = instance.disabled
      ? "disabled"
      : !plans.has(instance.clip.mediaPath)
        ? "no-plan"
        : instance.speed !== 1
          ? "speed"
          : null;
    if (reason) {
      lines.push({ item: { ...base, status: "skipped", markers: 0, reason }, owner: null });
    } else {
      const laid = layoutOnce(layouts, instance, plans.get(instance.clip.mediaPath)!, options.dropFrame);
      const owner = state.plan(instanceOwnerCep(instance), [...instanceMarkersCep(instance, sequence, laid).keys()]);
      owners.push(owner);
      lines.push({ item: { ...base, status: "unchanged", markers: 0 }, owner });
    }
    options.onProgress?.(index + 1, placed.length);
  }
  if (options.signal?.aborted)
    return cancelled(
      state.sequenceName,
      lines.map((l) => l.item),
    );

  try {
    await state.write(bridge, owners);
  } catch (error) {
    const failure = {
      code: error instanceof ExtendScriptError ? error.code : ErrorCode.HOST_WRITE_REFUSED,
      params: { host: "Premiere Pro", what: "markers", target: state.sequenceName },
      message: error instanceof Error ? error.message : String(error),
    };
    return {
      sequenceName: state.sequenceName,
      items: lines.map(({ item, owner }) => (owner ? { ...item, status: "failed", markers: 0, error: failure } : item)),
      markers: { written: 0, unchanged: 0, removed: 0 },
      oneUndoStep: false,
    };
  }
  const counts = { written: 0, unchanged: 0, removed: 0 };
  const items = lines.map(({ item, owner }): SequenceMarkItem => {
    if (!owner) return item;
    const { reapply } = owner;
    const written = reapply.add.length + reapply.update.length;
    const unchanged = reapply.keep.length + reapply.skip.length;
    counts.written += written;
    counts.unchanged += unchanged;
    counts.removed += reapply.remove.length;
    return {
      ...item,
      status: written + reapply.remove.length > 0 ? "written" : "unchanged",
      markers: written + unchanged,
    };
  });
  return { sequenceName: state.sequenceName, items, markers: counts, oneUndoStep: false };
}

/** A media used many times is laid out once; its markers' timecodes count from the media's start. */
function layoutOnce(
  cache: Map<string, ClipMarker[]>,
  instance: EsPlacedClip,
  plan: TagPlan,
  dropFrame?: boolean,
): ClipMarker[] {
  let laid = cache.get(instance.clip.mediaPath);
  if (!laid) {
    const rate = parseFrameRate(plan.frameRate);
    const timecode = createTimecodeContext({
      rate,
      dropFrame: dropFrame ?? supportsDropFrame(rate),
      start: ticksToFrames(BigInt(instance.clip.mediaStart), rate, "nearest"),
    });
    laid = layoutClipMarkers(plan, { timecode });
    cache.set(instance.clip.mediaPath, laid);
  }
  return laid;
}

function failedLine(sequenceName: string, code: string): SequenceMarkItem {
  return { name: sequenceName, mediaPath: "", status: "failed", markers: 0, error: { code } };
}
