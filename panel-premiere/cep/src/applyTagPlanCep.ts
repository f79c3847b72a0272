import {
  EXTENDSCRIPT_MARKER_COLOR_INDEX,
  type ExistingMarker,
  KEYWORDS_COLUMN_LABEL,
  type LedgerEntry,
  type WantedMarker,
  decodeLedgerEntries,
  encodeLedgerEntry,
  layoutClipMarkers,
  planKeywords,
  planMarkerReapply,
} from "@sichter/premiere-common";
import type { TagPlan } from "@sichter/shared/model";
import {
  createTimecodeContext,
  framesToTicks,
  parseFrameRate,
  supportsDropFrame,
  ticksToFrames,
} from "@sichter/shared/timecode";
import { descriptionWrite } from "@sichter/shared/xmp";
import type { ApplyItemReport, ApplyReport } from "@sichter/ui/src/host/ApplyReport.ts";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import { applySequenceMarkersCep } from "./applySequenceMarkersCep.ts";
import {
  type ClipState,
  type ClipTarget,
  type MarkerWrite,
  readClip,
  writeColumn,
  writeMarkers,
  writeXmp,
} from "./clipCalls.ts";
import { type ExtendScriptBridge, ExtendScriptError } from "./ExtendScriptBridge.ts";

interface LiveEsMarker extends ExistingMarker {
  readonly guid: string;
}

export interface CepApplyOptions {
  readonly language: "de" | "en";
  readonly dropFrame?: boolean;
}

/**
 * Writes a tag plan into Premiere 25.0-25.5 through ExtendScript: one call reads the clip, the
 * panel decides with the same code as the UXP panel (marker layout, Sichter's ledger, keyword
 * merge), then markers, XMP and the project column are written, and sequence markers when the clip
 * came from the timeline. ExtendScript cannot group them into one undo step; like UXP it colours a
 * marker right after it creates it.
 */
export async function applyTagPlanCep(
  bridge: ExtendScriptBridge,
  plan: TagPlan,
  clip: ClipReference,
  options: CepApplyOptions,
): Promise<ApplyReport> {
  const target: ClipTarget = { itemId: clip.hostItemId ?? null, mediaPath: clip.mediaPath };
  let state: ClipState;
  try {
    state = await readClip(bridge, target);
  } catch (error) {
    return { clipPath: plan.clipPath, items: [failed("marker", clip.mediaPath, error)] };
  }
  const rate = parseFrameRate(plan.frameRate);
  const timecode = createTimecodeContext({
    rate,
    dropFrame: options.dropFrame ?? supportsDropFrame(rate),
    start: ticksToFrames(state.mediaStart, rate, "nearest"),
  });
  const frames = new Map<WantedMarker, number>();
  const laid = layoutClipMarkers(plan, { timecode });
  for (const marker of laid) {
    const wanted: WantedMarker = {
      start: framesToTicks(marker.startFrame, rate).toString(),
      duration: framesToTicks(marker.durationFrames, rate).toString(),
      name: marker.name,
      comments: marker.comments,
      colorIndex: EXTENDSCRIPT_MARKER_COLOR_INDEX[marker.color],
    };
    frames.set(wanted, marker.startFrame);
  }
  const existing: LiveEsMarker[] = state.markers.map((m) => ({
    guid: m.guid,
    start: m.start,
    duration: (BigInt(m.end) - BigInt(m.start)).toString(),
    name: m.name,
    comments: m.comments,
    colorIndex: m.colorIndex,
  }));
  const reapply = planMarkerReapply({
    owner: "clip",
    existing,
    ledger: decodeLedgerEntries(state.ledger),
    wanted: [...frames.keys()],
  });

  // A marker that has to move is removed and added again: the DOM's setters take no new start.
  const moved = reapply.update.filter((u) => BigInt(u.marker.start) !== BigInt(u.wanted.start));
  const inPlace = reapply.update.filter((u) => !moved.includes(u));
  const adds = [...reapply.add, ...moved.map((u) => u.wanted)];
  const items: ApplyItemReport[] = [];
  let ledger: LedgerEntry[];
  try {
    const { added } = await writeMarkers(bridge, target, {
      remove: [...reapply.remove, ...moved.map((u) => u.marker)].map((m) => m.guid),
      update: inPlace.map((u) => markerWrite(u.wanted, u.marker.guid)),
      add: adds.map((wanted) => markerWrite(wanted)),
    });
    // New markers have their guid at once: the ledger records it right away. A moved marker was
    // removed and added again, so its entry takes the new marker's guid instead of the old one.
    const movedGuids = new Set(moved.map((u) => u.marker.guid));
    ledger = reapply.ledger.map((entry) => {
      if (entry.owner !== "clip" || (entry.guid !== undefined && !movedGuids.has(entry.guid))) return entry;
      const index = adds.findIndex((w) => BigInt(w.start) === BigInt(entry.start) && w.name === entry.name);
      const guid = added[index];
      const { guid: _stale, ...key } = entry;
      return guid === undefined ? key : { ...key, guid };
    });
    const written = new Set<WantedMarker>([...adds, ...inPlace.map((u) => u.wanted)]);
    for (const [wanted, frame] of frames) {
      const status = reapply.skip.includes(wanted) ? "skipped" : written.has(wanted) ? "written" : "unchanged";
      items.push({ kind: "marker", status, target: `${state.name}: ${wanted.name}`, frame });
    }
  } catch (error) {
    return { clipPath: plan.clipPath, items: [failed("marker", state.name, error)] };
  }

  const keywords = planKeywords({
    existing: state.subject,
    ours: state.ownKeywords,
    wanted: plan.keywords,
    withdrawn: plan.withdrawnKeywords ?? [],
  });
  const description = descriptionWrite(state.descriptions, options.language, plan.description);
  const descriptions: Record<string, string> = {};
  if (description.language !== null) descriptions[options.language] = description.language;
  if (description.xDefault !== null) descriptions["x-default"] = description.xDefault;
  const encodedLedger = ledger.map(encodeLedgerEntry);
  const keywordsChanged = keywords.added.length + keywords.removed.length > 0;
  const xmpChanged =
    keywordsChanged ||
    !same(keywords.ours, state.ownKeywords) ||
    !same(encodedLedger, state.ledger) ||
    Object.keys(descriptions).length > 0;
  try {
    if (xmpChanged) {
      await writeXmp(bridge, target, {
        subject: keywordsChanged ? [...keywords.subject] : null,
        ownKeywords: [...keywords.ours],
        ledger: encodedLedger,
        descriptions: Object.keys(descriptions).length > 0 ? descriptions : null,
      });
    }
    items.push({
      kind: "keywords",
      status: keywordsChanged ? "written" : "unchanged",
      target: keywords.subject.join(", "),
    });
    items.push({
      kind: "description",
      status: Object.keys(descriptions).length > 0 ? "written" : "unchanged",
      target: plan.description,
    });
  } catch (error) {
    items.push(failed("keywords", keywords.subject.join(", "), error));
  }
  const columnValue = keywords.subject.join(", ");
  try {
    if (columnValue !== state.column) await writeColumn(bridge, target, columnValue);
    items.push({
      kind: "project-column",
      status: columnValue !== state.column ? "written" : "unchanged",
      target: KEYWORDS_COLUMN_LABEL,
    });
  } catch (error) {
    items.push(failed("project-column", KEYWORDS_COLUMN_LABEL, error));
  }
  if (clip.sequence) {
    try {
      items.push(...(await applySequenceMarkersCep(bridge, clip, laid)));
    } catch (error) {
      items.push(failed("marker", clip.sequence.sequenceName, error));
    }
  }
  return { clipPath: plan.clipPath, items };
}

function markerWrite(wanted: WantedMarker, guid?: string): MarkerWrite {
  const end = (BigInt(wanted.start) + BigInt(wanted.duration)).toString();
  const write = {
    start: wanted.start,
    end,
    name: wanted.name,
    comments: wanted.comments,
    colorIndex: wanted.colorIndex ?? 0,
  };
  return guid === undefined ? write : { ...write, guid };
}

function failed(kind: ApplyItemReport["kind"], target: string, error: unknown): ApplyItemReport {
  const code = error instanceof ExtendScriptError ? error.code : "SICHTER_E_INTERNAL";
  const message = error instanceof Error ? error.message : String(error);
  return { kind, status: "failed", target, error: { code, message } };
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
