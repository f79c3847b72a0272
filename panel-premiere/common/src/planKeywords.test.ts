import { describe, expect, it } from "vitest";
import { planKeywords } from "./planKeywords.ts";

describe("planKeywords", () => {
  it("adds what is missing and records only its own additions", () => {
    const merge = planKeywords({ existing: ["Interview", "köln"], ours: [], wanted: ["Köln", "Dom", "Dom"] });
    expect(merge.subject).toEqual(["Interview", "köln", "Dom"]);
    expect(merge.added).toEqual(["Dom"]);
    expect(merge.ours).toEqual(["Dom"]);
  });

  it("removes its own words the plan dropped, never anyone else's", () => {
    const merge = planKeywords({
      existing: ["Interview", "Dom", "Rhein"],
      ours: ["Dom", "Rhein"],
      wanted: ["Rhein", "Brücke"],
    });
    expect(merge.subject).toEqual(["Interview", "Rhein", "Brücke"]);
    expect(merge.removed).toEqual(["Dom"]);
    expect(merge.ours).toEqual(["Rhein", "Brücke"]);
  });

  it("also takes out the keywords the plan withdraws (unless it wants them again)", () => {
    const merge = planKeywords({
      existing: ["Interview", "Dom", "Brücke"],
      ours: [],
      wanted: ["Rhein", "Brücke"],
      withdrawn: ["dom", "Fluss", "brücke"],
    });
    expect(merge.subject).toEqual(["Interview", "Brücke", "Rhein"]);
    expect(merge.removed).toEqual(["Dom"]);
  });

  it("compares words across Unicode composition", () => {
    const decomposed = "Ko\u0308ln";
    const merge = planKeywords({ existing: [decomposed], ours: [], wanted: ["Köln"] });
    expect(merge.subject).toEqual([decomposed]);
    expect(merge.added).toEqual([]);
  });
});
