import { ErrorCode } from "@sichter/shared/protocol";
import type { ApplyItemReport } from "@sichter/ui/src/host/ApplyReport.ts";
import { placeMarker } from "./placeMarker.ts";
import type { MarkerOwner } from "./ResolveApi.ts";
import { type ResolveMarker, readMarkers } from "./readMarkers.ts";
import { removeSichterMarkers } from "./removeSichterMarkers.ts";

export const HOST = "DaVinci Resolve";

/** One marker Sichter wants on an owner, in the owner's frames, with the clip frame it stands for. */
export interface WantedMarker {
  readonly clipFrame: number;
  readonly frame: number;
  /** The last frame it may move to when an editor's marker holds its frame. */
  readonly lastFrame: number;
  readonly duration: number;
  readonly color: string;
  readonly name: string;
  readonly note: string;
  readonly customData: string;
}

/** What applyMarkerSet did: a report item per wanted marker, and how many of Sichter's markers went away unreplaced. */
export interface MarkerSetOutcome {
  readonly items: ApplyItemReport[];
  /** Sichter's markers deleted whose custom data no wanted marker has any more (no longer planned). */
  readonly removed: number;
}

/**
 * Makes Sichter's markers on one owner (a media pool item or a timeline) what `wanted` says:
 * a marker of Sichter's (`isOurs`) that already is exactly a wanted one stays, the other ones of
 * Sichter's are deleted, the missing ones are added and read back. Markers that are not Sichter's
 * are never deleted or changed. One report item per wanted marker, plus one if old markers of
 * Sichter's could not be removed; and the count of those taken away for good.
 */
export async function applyMarkerSet(
  owner: MarkerOwner,
  label: string,
  wanted: readonly WantedMarker[],
  isOurs: (marker: ResolveMarker) => boolean,
): Promise<MarkerSetOutcome> {
  const before = await readMarkers(owner);
  const ours = before.filter(isOurs);
  const uses = new Map<string, number>();
  for (const marker of before) uses.set(marker.customData, (uses.get(marker.customData) ?? 0) + 1);
  // Kept only when its custom data names it alone: deleting by custom data cannot aim past the first match.
  const kept = new Map<WantedMarker, ResolveMarker>();
  for (const w of wanted) {
    const there = uses.get(w.customData) === 1 ? ours.find((m) => placedAsWanted(m, w, before, isOurs)) : undefined;
    if (there) kept.set(w, there);
  }
  const keptData = new Set([...kept.keys()].map((w) => w.customData));
  const doomed = new Set(ours.map((m) => m.customData).filter((data) => !keptData.has(data)));

  const items: ApplyItemReport[] = [];
  const removal = await removeSichterMarkers(owner, (data) => doomed.has(data));
  // Taken away for good: Sichter's markers whose custom data no wanted marker carries, and that are gone.
  const wantedData = new Set(wanted.map((w) => w.customData));
  const stale = (markers: readonly ResolveMarker[]): number =>
    markers.filter((m) => !wantedData.has(m.customData)).length;
  const removed = stale(ours) - stale(removal.left);
  if (removal.left.length > 0) {
    items.push({
      kind: "marker",
      status: "failed",
      target: `${label}: ${removal.left.map((m) => m.name).join(", ")}`,
      error: {
        code: ErrorCode.HOST_WRITE_NOT_KEPT,
        params: {
          host: HOST,
          what: "the deletion of Sichter's earlier markers",
          target: label,
          found: `${removal.left.length} still there`,
        },
      },
    });
  }
  const taken = new Map(removal.after.map((m) => [m.frame, m] as const));
  for (const marker of wanted) {
    const target = `${label}: ${marker.name}`;
    const there = kept.get(marker);
    if (there) {
      items.push({
        kind: "marker",
        status: "unchanged",
        target,
        frame: marker.clipFrame + (there.frame - marker.frame),
      });
      continue;
    }
    const placed = await placeMarker(owner, marker, taken);
    items.push(reportOf(placed, marker, label, target));
  }
  return { items, removed };
}

function reportOf(
  placed: Awaited<ReturnType<typeof placeMarker>>,
  marker: WantedMarker,
  label: string,
  target: string,
): ApplyItemReport {
  switch (placed.status) {
    case "written":
      return { kind: "marker", status: "written", target, frame: marker.clipFrame + (placed.frame - marker.frame) };
    case "occupied":
      return {
        kind: "marker",
        status: "skipped",
        target,
        frame: marker.clipFrame,
        error: {
          code: ErrorCode.MARKER_FRAME_OCCUPIED,
          params: {
            target: label,
            name: marker.name,
            from: marker.frame,
            to: marker.lastFrame,
            occupant: placed.occupant.name,
          },
        },
      };
    case "refused":
      return {
        kind: "marker",
        status: "failed",
        target,
        frame: marker.clipFrame,
        error: {
          code: ErrorCode.HOST_WRITE_REFUSED,
          params: { host: HOST, what: `the marker "${marker.name}"`, target: `${label}, frame ${marker.frame}` },
        },
      };
    case "not-kept":
      return {
        kind: "marker",
        status: "failed",
        target,
        frame: marker.clipFrame,
        error: {
          code: ErrorCode.HOST_WRITE_NOT_KEPT,
          params: {
            host: HOST,
            what: `the marker "${marker.name}"`,
            target: `${label}, frame ${marker.frame}`,
            found: placed.found?.name ?? "no marker",
          },
        },
      };
  }
}

/**
 * True when `marker` is what placing `wanted` now would give: the same marker on its frame, or, where
 * markers that are not Sichter's hold the frames before it (the placement rule), moved on past them with its
 * duration shortened by as much.
 */
function placedAsWanted(
  marker: ResolveMarker,
  wanted: WantedMarker,
  all: readonly ResolveMarker[],
  isOurs: (m: ResolveMarker) => boolean,
): boolean {
  const shift = marker.frame - wanted.frame;
  if (shift < 0 || marker.frame > wanted.lastFrame) return false;
  for (let frame = wanted.frame; frame < marker.frame; frame++) {
    const holder = all.find((m) => m.frame === frame);
    if (!holder || isOurs(holder)) return false;
  }
  return (
    marker.customData === wanted.customData &&
    marker.name === wanted.name &&
    marker.note === wanted.note &&
    marker.color === wanted.color &&
    marker.duration === Math.max(1, wanted.duration - shift)
  );
}
