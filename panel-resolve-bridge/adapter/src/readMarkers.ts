import type { MarkerOwner } from "./ResolveApi.ts";

/** A marker as read back from Resolve. */
export interface ResolveMarker {
  /** Whole frame on the owner (source frame of a clip; frame from a timeline's start). */
  readonly frame: number;
  readonly color: string;
  readonly name: string;
  readonly note: string;
  readonly duration: number;
  readonly customData: string;
}

/**
 * The owner's markers in frame order. `GetMarkers()` keys its dict by float frames ("120.0" from
 * some bridges, "120" from others): keys are parsed as numbers, never compared as text. Entries
 * that are not markers are skipped.
 */
export async function readMarkers(owner: MarkerOwner): Promise<ResolveMarker[]> {
  const dict = await owner.GetMarkers();
  if (typeof dict !== "object" || dict === null) return [];
  const markers: ResolveMarker[] = [];
  for (const [key, value] of Object.entries(dict as Record<string, unknown>)) {
    const frame = Number(key);
    if (!Number.isFinite(frame) || typeof value !== "object" || value === null) continue;
    const info = value as Record<string, unknown>;
    markers.push({
      frame: Math.round(frame),
      color: text(info.color),
      name: text(info.name),
      note: text(info.note),
      duration: typeof info.duration === "number" ? info.duration : Number(info.duration ?? 1),
      customData: text(info.customData),
    });
  }
  return markers.sort((a, b) => a.frame - b.frame);
}

function text(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}
