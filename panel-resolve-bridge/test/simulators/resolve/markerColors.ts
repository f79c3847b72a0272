/** The marker colours Resolve accepts, by the names its API uses. `AddMarker` refuses any other. */
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

export function isResolveMarkerColor(name: unknown): name is ResolveMarkerColor {
  return typeof name === "string" && (RESOLVE_MARKER_COLORS as readonly string[]).includes(name);
}
