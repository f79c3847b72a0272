import { describe, expect, it } from "vitest";
import { foldText, foldedWords } from "./foldText.ts";

describe("foldText", () => {
  it("folds umlauts, their ae/oe/ue spellings and case to one form", () => {
    for (const spelling of ["Köln", "Koeln", "koln", "KÖLN", "KOELN"]) expect(foldText(spelling)).toBe("koln");
    expect(foldText("Düsseldorf")).toBe(foldText("Duesseldorf"));
    expect(foldText("Bär")).toBe(foldText("Baer"));
  });

  it("folds ß and other diacritics", () => {
    expect(foldText("Straße")).toBe("strasse");
    expect(foldText("STRASSE")).toBe("strasse");
    expect(foldText("Café Crème")).toBe("cafe creme");
    expect(foldText("Łódź")).toBe("lodz");
  });

  it("splits into words like the FTS tokenizer", () => {
    expect(foldedWords("SPD-Fraktion: Landtag (NRW)")).toEqual(["spd", "fraktion", "landtag", "nrw"]);
  });
});
