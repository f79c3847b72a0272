import { describe, expect, it } from "vitest";
import { EXTENDSCRIPT_MARKER_COLOR_INDEX, UXP_MARKER_COLOR } from "./markerColors.ts";

describe("marker colours", () => {
  it("name the UXP constants as shipped, misspelling included, and have no white", () => {
    expect(UXP_MARKER_COLOR.purple).toBe("MAGNETA");
    expect(UXP_MARKER_COLOR.white).toBeNull();
    const named = Object.values(UXP_MARKER_COLOR).filter((name) => name !== null);
    expect(new Set(named).size).toBe(7);
  });

  it("give ExtendScript a distinct index 0..7 for every palette colour", () => {
    const indices = Object.values(EXTENDSCRIPT_MARKER_COLOR_INDEX).sort();
    expect(indices).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(EXTENDSCRIPT_MARKER_COLOR_INDEX.white).toBe(5);
    expect(EXTENDSCRIPT_MARKER_COLOR_INDEX.blue).toBe(6);
  });
});
