import type { premierepro } from "@adobe/premierepro";
import { type ClipMarker, type LedgerEntry, type MarkerReapply, planMarkerReapply } from "@sichter/premiere-common";
import type { TagPlan } from "@sichter/shared/model";
import { layoutForClip } from "./clipLayout.ts";
import { instanceMarkers, instanceOwner } from "./instanceMarkers.ts";
import { ItemXmp } from "./itemXmp.ts";
import { AddedGuids, type LiveMarker, type TransactionStep, liveMarkers, markerSteps } from "./MarkerTarget.ts";
import { type PlacedClip, readPlacedClips } from "./readPlacedClips.ts";
import type { UxpXmpModule } from "./UxpXmp.ts";

export const MARK_SEQUENCE_UNDO_LABEL = { de: "Sichter: Sequenz markieren", en: "Sichter: mark sequence" } as const;

export interface MarkSequenceOptions {
  /** Video tracks to mark (0 = V1); all when absent. */
  readonly tracks?: readonly number[];
  readonly undoLabel: string;
  readonly dropFrame?: boolean;
  readonly signal?: AbortSignal;
  /** Instances read so far, of all on the chosen tracks. */
  readonly onProgress?: (done: number, total: number) => void;
}

export type SkipReason = "no-plan" | "speed" | "disabled";

/** One clip instance on the chosen tracks: its markers in this run, or why it got none. */
export interface MarkedInstance {
  readonly name: string;
  readonly mediaPath: string;
  readonly reason: SkipReason | null;
  readonly markers: { readonly written: number; readonly unchanged: number; readonly removed: number };
}

export interface MarkSequenceSummary {
  /** The active sequence's name ("" without one). */
  readonly sequenceName: string;
  /** Every instance on the chosen tracks, in the order read. */
  readonly items: readonly MarkedInstance[];
  /** Clip instances on the chosen tracks. */
  readonly instances: number;
  /** Instances that got markers planned. */
  readonly marked: number;
  readonly skipped: readonly { readonly name: string; readonly reason: SkipReason }[];
  readonly markers: { readonly written: number; readonly unchanged: number; readonly removed: number };
  readonly committed: boolean;
  readonly error?: string;
}

/**
 * Auto-marks the active sequence: for every clip instance on the chosen tracks whose media has a
 * plan (each media analysed once, however often it is used), sequence markers at the shot starts
 * the instance shows. Everything is read first; then one lock creates all actions and one
 * transaction commits them: one undo step for the whole sequence. Each instance owns its markers
 * in the sequence's ledger, so a later per-clip apply from the timeline replaces just its own.
 */
export async function markSequence(
  ppro: premierepro,
  xmp: UxpXmpModule,
  plans: ReadonlyMap<string, TagPlan>,
  options: MarkSequenceOptions,
): Promise<MarkSequenceSummary> {
  const project = await ppro.Project.getActiveProject();
  const sequence = await project.getActiveSequence();
  const empty = {
    sequenceName: "",
    items: [],
    instances: 0,
    marked: 0,
    skipped: [],
    markers: { written: 0, unchanged: 0, removed: 0 },
  };
  if (!sequence) return { ...empty, committed: false, error: "no active sequence" };
  const sequenceName = sequence.name;

  const placed = await readPlacedClips(ppro, sequence, options.tracks);
  const [markers, item] = await Promise.all([ppro.Markers.getMarkers(sequence), sequence.getProjectItem()]);
  const itemXmp = new ItemXmp(xmp, await ppro.Metadata.getXMPMetadata(item));
  const live = liveMarkers(markers);
  const ledger = itemXmp.markerLedger;

  const layouts = new Map<string, Promise<ClipMarker[]>>();
  const skipped: { name: string; reason: SkipReason }[] = [];
  const items: MarkedInstance[] = [];
  const results: MarkerReapply<LiveMarker>[] = [];
  const resultOwners: string[] = [];
  const owners = new Set<string>();
  for (const [index, instance] of placed.entries()) {
    if (options.signal?.aborted)
      return { ...empty, sequenceName, instances: placed.length, committed: false, error: "cancelled" };
    const reason = skipReason(instance, plans);
    if (reason) {
      skipped.push({ name: instance.name, reason });
      items.push({
        name: instance.name,
        mediaPath: instance.mediaPath,
        reason,
        markers: { written: 0, unchanged: 0, removed: 0 },
      });
    } else {
      const laid = await layoutOnce(layouts, instance, plans.get(instance.mediaPath)!, options.dropFrame);
      const owner = instanceOwner(instance);
      owners.add(owner);
      const result = planMarkerReapply({
        owner,
        existing: live,
        ledger: ledger.filter((entry) => entry.owner === owner),
        wanted: [...instanceMarkers(ppro, instance, laid).keys()],
      });
      results.push(result);
      resultOwners.push(owner);
      items.push({ name: instance.name, mediaPath: instance.mediaPath, reason: null, markers: markerCounts([result]) });
    }
    options.onProgress?.(index + 1, placed.length);
  }
  if (options.signal?.aborted)
    return { ...empty, sequenceName, instances: placed.length, committed: false, error: "cancelled" };

  // Owners not marked this time (other tracks, clips without a plan) keep their entries as they are.
  const nextLedger: LedgerEntry[] = [
    ...ledger.filter((entry) => !owners.has(entry.owner)),
    ...results.flatMap((r) => r.ledger),
  ];
  itemXmp.markerLedger = nextLedger;

  let committed = false;
  let error: string | undefined;
  try {
    project.lockedAccess(() => {
      const added = new AddedGuids();
      const steps: TransactionStep[] = results.flatMap((result, index) =>
        markerSteps(ppro, markers, result, added.recorder(resultOwners[index]!)),
      );
      // Last: the ledger names the markers just added by guid, in the same undo step.
      if (itemXmp.changed) {
        steps.push((compound) => {
          itemXmp.markerLedger = added.fill(nextLedger);
          compound.addAction(ppro.Metadata.createSetXMPMetadataAction(item, itemXmp.serialize()));
        });
      }
      committed =
        steps.length === 0 ||
        project.executeTransaction((compound) => {
          for (const step of steps) step(compound);
        }, options.undoLabel);
    });
  } catch (failure) {
    committed = false;
    error = failure instanceof Error ? failure.message : String(failure);
  }
  return {
    sequenceName,
    items,
    instances: placed.length,
    marked: results.length,
    skipped,
    markers: markerCounts(results),
    committed,
    ...(error === undefined ? {} : { error }),
  };
}

function skipReason(instance: PlacedClip, plans: ReadonlyMap<string, TagPlan>): SkipReason | null {
  if (instance.disabled) return "disabled";
  if (!plans.has(instance.mediaPath)) return "no-plan";
  if (instance.speed !== 1) return "speed";
  return null;
}

/** A media used many times is laid out once. */
function layoutOnce(
  cache: Map<string, Promise<ClipMarker[]>>,
  instance: PlacedClip,
  plan: TagPlan,
  dropFrame?: boolean,
): Promise<ClipMarker[]> {
  let layout = cache.get(instance.mediaPath);
  if (!layout) {
    layout = layoutForClip(instance.item, plan, dropFrame);
    cache.set(instance.mediaPath, layout);
  }
  return layout;
}

function markerCounts(results: readonly MarkerReapply<LiveMarker>[]): MarkedInstance["markers"] {
  return {
    written: sum(results, (r) => r.add.length + r.update.length),
    unchanged: sum(results, (r) => r.keep.length + r.skip.length),
    removed: sum(results, (r) => r.remove.length),
  };
}

function sum<T>(items: readonly T[], count: (item: T) => number): number {
  return items.reduce((total, item) => total + count(item), 0);
}
