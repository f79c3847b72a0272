import type { PlannedMarker } from "@sichter/shared/model";

/** The shared palette a tag plan names marker colours in. */
export type PaletteColor = PlannedMarker["color"];

/**
 * Member names of `Constants.MarkerColor` in `@adobe/premierepro` as it ships: seven colours, no
 * white, and magenta spelled MAGNETA. Adapters look the value up by name in the host's own
 * constants instead of assuming the enum's numbers.
 */
export type UxpMarkerColorName = "GREEN" | "RED" | "MAGNETA" | "ORANGE" | "YELLOW" | "BLUE" | "CYAN";

/**
 * UXP colour of each palette colour. Purple is Premiere's magenta marker. White has no UXP
 * constant: such markers keep the host's default colour (null: no colour action).
 */
export const UXP_MARKER_COLOR: Readonly<Record<PaletteColor, UxpMarkerColorName | null>> = {
  green: "GREEN",
  red: "RED",
  purple: "MAGNETA",
  orange: "ORANGE",
  yellow: "YELLOW",
  white: null,
  blue: "BLUE",
  cyan: "CYAN",
};

/**
 * ExtendScript's `Marker.setColorByIndex` indices: all eight colours, white included
 * (0 green, 1 red, 2 purple, 3 orange, 4 yellow, 5 white, 6 blue, 7 cyan).
 */
export const EXTENDSCRIPT_MARKER_COLOR_INDEX: Readonly<Record<PaletteColor, number>> = {
  green: 0,
  red: 1,
  purple: 2,
  orange: 3,
  yellow: 4,
  white: 5,
  blue: 6,
  cyan: 7,
};
