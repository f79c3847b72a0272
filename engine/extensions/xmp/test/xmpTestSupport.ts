import { createHash } from "node:crypto";
import fs from "node:fs";
import type { TagPlan } from "@sichter/engine/extension-api";

/** Helpers shared by this folder's tests (not exported from the module's index). */

export function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Files a write must never leave behind. */
export function leftovers(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith("_original") || f.includes("_exiftool_tmp") || f.includes(".sichter-"));
}

export function samplePlan(clipPath: string, overrides: Partial<TagPlan> = {}): TagPlan {
  return {
    clipPath,
    frameRate: "25/1",
    markers: [
      { name: "Shot 1", comment: "Totale, Rathaus", startFrame: 0, durationFrames: 12, kind: "shot", color: "green" },
      {
        name: "Shot 2",
        comment: "Bauchbinde: Anna Beispiel, Bürgermeisterin",
        startFrame: 37,
        durationFrames: 8,
        kind: "shot",
        color: "blue",
      },
    ],
    keywords: ["Rathaus", "Köln", "Pressekonferenz"],
    description: "Pressekonferenz vor dem Rathaus",
    logComment: "Sichter: 2 Einstellungen",
    ...overrides,
  };
}
