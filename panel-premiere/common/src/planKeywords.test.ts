import { describe, expect, it } from "vitest";
import { planDescription } from "./planDescription.ts";
import { planKeywords } from "./planKeywords.ts";

describe("planKeywords", () => {
  it("adds what is missing and records only its own additions", () => {
    const merge = planKeywords({ existing: ["Interview", "köln"], ours: [], wanted: ["Köln", "Dom", "Dom"] });
    expect(merge.subject).toEqual(["Interview", "köln", "Dom"]);
    expect(merge.added).toEqual(["Dom"]);
    expect(merge.ours).toEqual(["Dom"]);
  });

  it("removes its own words the plan dropped, never anyone else's", () => {
    const merge = planKeywords({ existing: ["Interview", "Dom", "Rhein"], ours: ["Dom", "Rhein"], wanted: ["Rhein", "Brücke"] });
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

describe("planDescription", () => {
  it("fills its language and an empty x-default", () => {
    expect(planDescription({}, "de", "3 Einstellungen.")).toEqual({ language: "3 Einstellungen.", xDefault: "3 Einstellungen." });
  });

  it("leaves an x-default someone else wrote", () => {
    expect(planDescription({ "x-default": "Redaktion: Dreh am Dom" }, "de", "3 Einstellungen.")).toEqual({
      language: "3 Einstellungen.",
      xDefault: null,
    });
  });

  it("updates the x-default it copied from its own entry", () => {
    expect(planDescription({ "x-default": "alt", de: "alt" }, "de", "neu")).toEqual({ language: "neu", xDefault: "neu" });
  });

  it("writes nothing for an empty text or an unchanged one", () => {
    expect(planDescription({}, "de", " ")).toEqual({ language: null, xDefault: null });
    expect(planDescription({ "x-default": "a", de: "a" }, "de", "a")).toEqual({ language: null, xDefault: null });
  });
});
