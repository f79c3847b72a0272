import type { Action, CompoundAction, Marker, Markers, premierepro } from "@adobe/premierepro";
import {
  type ClipMarker,
  type ExistingMarker,
  type LedgerEntry,
  type MarkerReapply,
  type PaletteColor,
  UXP_MARKER_COLOR,
  type WantedMarker,
  planMarkerReapply,
} from "@sichter/premiere-common";

/** A live marker with what the re-apply plan compares. */
export interface LiveMarker extends ExistingMarker {
  readonly marker: Marker;
}

/** The host colour index of a palette colour, looked up by name in the host's own constants. */
export function uxpColorIndex(ppro: premierepro, color: PaletteColor): number | null {
  const name = UXP_MARKER_COLOR[color];
  return name === null ? null : ppro.Constants.MarkerColor[name];
}

/** Reads every marker of a target (synchronous getters on the Markers object). */
export function liveMarkers(markers: Markers): LiveMarker[] {
  return markers.getMarkers().map((marker) => {
    const live = {
      marker,
      start: marker.getStart().ticks,
      duration: marker.getDuration().ticks,
      name: marker.getName(),
      comments: marker.getComments(),
      colorIndex: marker.getColorIndex(),
    };
    // `Marker.guid` exists from Premiere 26.3 on.
    const guid = guidOf(marker);
    return guid === undefined ? live : { ...live, guid };
  });
}

export function planTarget(
  owner: string,
  markers: Markers,
  ledger: readonly LedgerEntry[],
  wanted: readonly WantedMarker[],
): MarkerReapply<LiveMarker> {
  return planMarkerReapply({ owner, existing: liveMarkers(markers), ledger, wanted });
}

/** One change to the project, added to the open transaction's compound action. */
export type TransactionStep = (compound: CompoundAction) => void;

/** A plain action as a step. */
export function actionStep(action: Action): TransactionStep {
  return (compound) => void compound.addAction(action);
}

/**
 * The steps that carry out a re-apply plan on one target. Must be created inside `lockedAccess` and
 * run inside its transaction. The add action takes no colour, so a new marker is coloured by its
 * own setter action right after it is added, in the same transaction: one undo step, and the right
 * colour from the first apply on.
 */
export function markerSteps(
  ppro: premierepro,
  markers: Markers,
  plan: MarkerReapply<LiveMarker>,
  onAdded?: (wanted: WantedMarker, guid: string) => void,
): TransactionStep[] {
  const steps: TransactionStep[] = [];
  for (const old of plan.remove) steps.push(actionStep(markers.createRemoveMarkerAction(old.marker)));
  for (const { marker: live, wanted } of plan.update) {
    const { marker } = live;
    if (BigInt(live.start) !== BigInt(wanted.start))
      steps.push(actionStep(markers.createMoveMarkerAction(marker, ppro.TickTime.createWithTicks(wanted.start))));
    if (live.name !== wanted.name) steps.push(actionStep(marker.createSetNameAction(wanted.name)));
    if (live.comments !== wanted.comments) steps.push(actionStep(marker.createSetCommentsAction(wanted.comments)));
    if (BigInt(live.duration) !== BigInt(wanted.duration))
      steps.push(actionStep(marker.createSetDurationAction(ppro.TickTime.createWithTicks(wanted.duration))));
    if (wanted.colorIndex !== null && live.colorIndex !== wanted.colorIndex)
      steps.push(actionStep(marker.createSetColorByIndexAction(wanted.colorIndex)));
  }
  if (plan.add.length === 0) return steps;
  // Markers there before this transaction's adds: only a marker that was not can be one just added.
  // Kept as objects and (from 26.3) guids: the host may hand out a new object per read.
  const before = new Set(markers.getMarkers());
  const beforeGuids = new Set([...before].flatMap((m) => guidOf(m) ?? []));
  for (const wanted of plan.add) {
    const add = markers.createAddMarkerAction(
      wanted.name,
      ppro.Marker.MARKER_TYPE_COMMENT,
      ppro.TickTime.createWithTicks(wanted.start),
      ppro.TickTime.createWithTicks(wanted.duration),
      wanted.comments,
    );
    steps.push((compound) => {
      if (!compound.addAction(add) || (wanted.colorIndex === null && !onAdded)) return;
      const isNew = (m: Marker): boolean => {
        const guid = guidOf(m);
        return !before.has(m) && (guid === undefined || !beforeGuids.has(guid));
      };
      const added = markers
        .getMarkers()
        .find((m) => BigInt(m.getStart().ticks) === BigInt(wanted.start) && m.getName() === wanted.name && isNew(m));
      if (!added) return;
      before.add(added);
      const guid = guidOf(added);
      if (guid !== undefined) {
        beforeGuids.add(guid);
        onAdded?.(wanted, guid);
      }
      if (wanted.colorIndex !== null && added.getColorIndex() !== wanted.colorIndex)
        compound.addAction(added.createSetColorByIndexAction(wanted.colorIndex));
    });
  }
  return steps;
}

/**
 * The guids (Premiere 26.3 on) of markers added inside the open transaction, by owner: the ledger
 * written in the same transaction names them at once, so a re-apply knows them from a copy and
 * finds nothing to change.
 */
export class AddedGuids {
  private readonly byKey = new Map<string, string>();

  recorder(owner: string): (wanted: WantedMarker, guid: string) => void {
    return (wanted, guid) => this.byKey.set(key(owner, wanted.start, wanted.name), guid);
  }

  /** The ledger with each entry of a marker added now carrying its guid. */
  fill(ledger: readonly LedgerEntry[]): LedgerEntry[] {
    return ledger.map((entry) => {
      if (entry.guid !== undefined) return entry;
      const guid = this.byKey.get(key(entry.owner, entry.start, entry.name));
      return guid === undefined ? entry : { ...entry, guid };
    });
  }
}

function key(owner: string, start: string, name: string): string {
  return JSON.stringify([owner, BigInt(start).toString(), name]);
}

function guidOf(marker: Marker): string | undefined {
  return (marker as { guid?: { toString(): string } }).guid?.toString();
}

/** One marker owner (the clip or the sequence) with everything read before the lock. */
export interface Target {
  readonly label: string;
  readonly markers: Markers;
  readonly plan: MarkerReapply<LiveMarker>;
  /** Clip frame of each wanted marker, for the report. */
  readonly frames: ReadonlyMap<WantedMarker, number>;
}

/** A laid-out marker at a host position. */
export function wantedAt(ppro: premierepro, marker: ClipMarker, start: bigint, duration: bigint): WantedMarker {
  return {
    start: start.toString(),
    duration: duration.toString(),
    name: marker.name,
    comments: marker.comments,
    colorIndex: uxpColorIndex(ppro, marker.color),
  };
}
