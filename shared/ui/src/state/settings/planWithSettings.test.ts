import type { PlannedMarker, TagPlan } from "@sichter/shared/model";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./PanelSettings.ts";
import { markerSourceOf, planWithSettings } from "./planWithSettings.ts";

const marker = (kind: string, comment: string, color: PlannedMarker["color"]): PlannedMarker => ({
  name: kind,
  comment,
  startFrame: 0,
  durationFrames: 25,
  kind,
  color,
});
const plan: TagPlan = {
  clipPath: "/media/A001.mov",
  frameRate: "25/1",
  markers: [
    marker("shot", "Cut", "blue"),
    marker("ocr.line", "ocr 93%", "yellow"),
    marker("cue.black", "technical 100%", "red"),
    marker("motion.pan", "motion 80%", "purple"),
    marker("vision.object", "vision 70%", "white"),
    marker("newsroom.logo", "extension 90%", "white"),
  ],
  keywords: ["Landtag"],
  description: "3 Einstellungen, 30 s.",
  logComment: "",
};

describe("planWithSettings", () => {
  it("changes nothing with the default settings (their colours are the engine's)", () => {
    expect(planWithSettings(plan, DEFAULT_SETTINGS)).toEqual(plan);
  });

  it("leaves out the markers of sources switched off and colours the rest by source", () => {
    const written = planWithSettings(plan, {
      ...DEFAULT_SETTINGS,
      write: { ...DEFAULT_SETTINGS.write, motion: false, shot: false },
      markerColours: { ...DEFAULT_SETTINGS.markerColours, ocr: "cyan" },
    });
    expect(written.markers.map((m) => [m.kind, m.color])).toEqual([
      ["ocr.line", "cyan"],
      ["cue.black", "red"],
      ["vision.object", "white"],
      ["newsroom.logo", "white"],
    ]);
    expect(written.keywords).toEqual(plan.keywords);
  });

  it("tells a marker's source from its kind or the source its comment names", () => {
    expect(markerSourceOf({ kind: "shot", comment: "" })).toBe("shot");
    expect(markerSourceOf({ kind: "cue.bars", comment: "" })).toBe("technical");
    expect(markerSourceOf({ kind: "keyword", comment: "user 100%" })).toBe("user");
    expect(markerSourceOf({ kind: "newsroom.logo", comment: "Logo" })).toBeNull();
  });
});
