import type { MarkerOwner } from "./ResolveApi.ts";
import { type ResolveMarker, readMarkers } from "./readMarkers.ts";

export interface Removal {
  /** How many of the matching markers are gone. */
  readonly removed: number;
  /** Matching markers still there after the deletes (Resolve answered without deleting them). */
  readonly left: readonly ResolveMarker[];
  /** Every marker on the owner afterwards. */
  readonly after: readonly ResolveMarker[];
}

/**
 * Deletes the markers whose custom data `matches` (Sichter's own) and no other. Resolve's
 * `DeleteMarkerByCustomData` removes only the FIRST marker with a value, so each value is deleted
 * in a loop, at most as often as it occurs (a call that answers true and deletes nothing cannot
 * spin forever); the markers are then read back.
 */
export async function removeSichterMarkers(
  owner: MarkerOwner,
  matches: (customData: string) => boolean,
): Promise<Removal> {
  const before = await readMarkers(owner);
  const counts = new Map<string, number>();
  for (const marker of before) {
    if (matches(marker.customData)) counts.set(marker.customData, (counts.get(marker.customData) ?? 0) + 1);
  }
  for (const [customData, count] of counts) {
    for (let i = 0; i < count; i++) {
      if (!(await owner.DeleteMarkerByCustomData(customData))) break;
    }
  }
  const after = counts.size > 0 ? await readMarkers(owner) : before;
  const left = after.filter((marker) => matches(marker.customData));
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  return { removed: total - left.length, left, after };
}
