import type { PlannedMarker, TagPlan } from "@sichter/shared/model";
import { MARKER_SOURCES, type MarkerSource, type PanelSettings } from "./PanelSettings.ts";

/**
 * A tag plan as the user's settings want it written: markers of sources switched off are left out,
 * the others get the user's colour for their source. Keywords and description stay as the engine
 * planned them (they carry no source). Hosts that write markers (Premiere, Resolve) apply this plan.
 */
export function planWithSettings(plan: TagPlan, settings: PanelSettings): TagPlan {
  const markers: PlannedMarker[] = [];
  for (const marker of plan.markers) {
    const source = markerSourceOf(marker);
    if (source === null) {
      markers.push(marker);
    } else if (settings.write[source]) {
      markers.push({ ...marker, color: settings.markerColours[source] });
    }
  }
  return { ...plan, markers };
}

/**
 * What a planned marker stands for: "shot" for shots; a tag's marker says its source first in its
 * comment ("ocr 93%"), and its kind's prefix tells the rest ("cue.black", "motion.pan").
 * Null for a marker of a kind this panel does not know (kept as planned).
 */
export function markerSourceOf(marker: Pick<PlannedMarker, "kind" | "comment">): MarkerSource | null {
  if (marker.kind === "shot") return "shot";
  const stated = marker.comment.split(" ")[0];
  if ((MARKER_SOURCES as readonly string[]).includes(stated ?? "") && stated !== "shot") return stated as MarkerSource;
  const prefix = marker.kind.split(".")[0];
  switch (prefix) {
    case "ocr":
      return "ocr";
    case "cue":
      return "technical";
    case "motion":
      return "motion";
    case "vision":
      return "vision";
    default:
      return null;
  }
}
