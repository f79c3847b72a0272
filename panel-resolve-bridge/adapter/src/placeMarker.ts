import type { MarkerOwner } from "./ResolveApi.ts";
import type { ResolveMarker } from "./readMarkers.ts";
import { readMarkers } from "./readMarkers.ts";

export interface MarkerToPlace {
  /** The frame the plan wants, on the owner's own count. */
  readonly frame: number;
  /** The last frame it may move to when frames are taken (inclusive). */
  readonly lastFrame: number;
  readonly color: string;
  readonly name: string;
  readonly note: string;
  readonly duration: number;
  readonly customData: string;
}

export type Placement =
  | { readonly status: "written"; readonly frame: number }
  /** Every frame from `frame` to `lastFrame` holds a marker that is not Sichter's. */
  | { readonly status: "occupied"; readonly occupant: ResolveMarker }
  /** Resolve answered false on a free frame. */
  | { readonly status: "refused" }
  /** Resolve answered true, and reading back shows something else (or nothing) there. */
  | { readonly status: "not-kept"; readonly found: ResolveMarker | null };

/**
 * Adds one marker and reads it back. Resolve keeps one marker per frame and `AddMarker` answers
 * false on a taken frame. The rule for a frame an editor's marker already holds: the marker moves
 * on by one frame at a time, within its own range and before the next marker of the plan
 * (`lastFrame`), and ends where it ended (its duration shrinks by the shift); the editor's marker
 * is never changed. When every frame is taken the marker is not added and the report says which
 * marker holds the frame. `taken` is the owner's markers as last read; it is kept up to date.
 */
export async function placeMarker(
  owner: MarkerOwner,
  wanted: MarkerToPlace,
  taken: Map<number, ResolveMarker>,
): Promise<Placement> {
  for (let frame = wanted.frame; frame <= wanted.lastFrame; frame++) {
    if (taken.has(frame)) continue;
    const duration = Math.max(1, wanted.duration - (frame - wanted.frame));
    const added = await owner.AddMarker(frame, wanted.color, wanted.name, wanted.note, duration, wanted.customData);
    const now = await readMarkers(owner);
    taken.clear();
    for (const marker of now) taken.set(marker.frame, marker);
    const there = taken.get(frame) ?? null;
    if (added) {
      const kept =
        there !== null &&
        there.customData === wanted.customData &&
        there.name === wanted.name &&
        there.color === wanted.color;
      return kept ? { status: "written", frame } : { status: "not-kept", found: there };
    }
    // False on a frame that was free when last read: it is taken now (try on) or Resolve refused.
    if (there === null) return { status: "refused" };
  }
  const occupant =
    taken.get(wanted.frame) ?? [...taken.values()].find((m) => m.frame >= wanted.frame && m.frame <= wanted.lastFrame);
  return occupant ? { status: "occupied", occupant } : { status: "refused" };
}
