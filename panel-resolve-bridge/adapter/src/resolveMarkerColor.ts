import type { PlannedMarker } from "@sichter/shared/model";

/** The sixteen marker colour names Resolve's API accepts; `AddMarker` refuses any other. */
export const RESOLVE_MARKER_COLORS = [
  "Blue",
  "Cyan",
  "Green",
  "Yellow",
  "Red",
  "Pink",
  "Purple",
  "Fuchsia",
  "Rose",
  "Lavender",
  "Sky",
  "Mint",
  "Lemon",
  "Sand",
  "Cocoa",
  "Cream",
] as const;
export type ResolveMarkerColor = (typeof RESOLVE_MARKER_COLORS)[number];

/**
 * Resolve colour of each plan colour. The plan colours a marker by where its tag came from (shots
 * blue, keywords green, on-screen text yellow, technical cues red, camera motion purple, a
 * person's own tags orange), so the timeline reads the same in every host. Resolve has no orange
 * or white: Sand and Cream are its nearest.
 */
export const RESOLVE_COLOR_OF: Readonly<Record<PlannedMarker["color"], ResolveMarkerColor>> = {
  blue: "Blue",
  green: "Green",
  yellow: "Yellow",
  red: "Red",
  purple: "Purple",
  orange: "Sand",
  white: "Cream",
  cyan: "Cyan",
};
