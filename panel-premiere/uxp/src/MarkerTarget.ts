import type { Action, Marker, Markers, premierepro } from "@adobe/premierepro";
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
    const guid = (marker as { guid?: { toString(): string } }).guid;
    return guid === undefined ? live : { ...live, guid: guid.toString() };
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

/**
 * The actions that carry out a re-apply plan on one target. Must run inside `lockedAccess`. A new
 * marker keeps the host's first colour: the add action takes none, and a colour can only be set on
 * a marker that exists (reused markers get theirs here).
 */
export function markerActions(ppro: premierepro, markers: Markers, plan: MarkerReapply<LiveMarker>): Action[] {
  const actions: Action[] = [];
  for (const old of plan.remove) actions.push(markers.createRemoveMarkerAction(old.marker));
  for (const { marker: live, wanted } of plan.update) {
    const { marker } = live;
    if (BigInt(live.start) !== BigInt(wanted.start)) actions.push(markers.createMoveMarkerAction(marker, ppro.TickTime.createWithTicks(wanted.start)));
    if (live.name !== wanted.name) actions.push(marker.createSetNameAction(wanted.name));
    if (live.comments !== wanted.comments) actions.push(marker.createSetCommentsAction(wanted.comments));
    if (BigInt(live.duration) !== BigInt(wanted.duration)) actions.push(marker.createSetDurationAction(ppro.TickTime.createWithTicks(wanted.duration)));
    if (wanted.colorIndex !== null && live.colorIndex !== wanted.colorIndex) actions.push(marker.createSetColorByIndexAction(wanted.colorIndex));
  }
  for (const wanted of plan.add) {
    actions.push(
      markers.createAddMarkerAction(
        wanted.name,
        ppro.Marker.MARKER_TYPE_COMMENT,
        ppro.TickTime.createWithTicks(wanted.start),
        ppro.TickTime.createWithTicks(wanted.duration),
        wanted.comments,
      ),
    );
  }
  return actions;
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
