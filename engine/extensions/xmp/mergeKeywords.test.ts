import { describe, expect, it } from "vitest";
import { keywordsToAdd } from "./mergeKeywords.ts";

describe("keywordsToAdd", () => {
  it("adds only new keywords, comparing case-insensitively and keeping the first spelling", () => {
    expect(keywordsToAdd(["EU", "Berlin"], ["eu", "Brüssel", "berlin", "BRÜSSEL", "Paris"])).toEqual([
      "Brüssel",
      "Paris",
    ]);
  });

  it("treats composed and decomposed umlauts as the same word", () => {
    expect(keywordsToAdd(["K\u00f6ln"], ["Ko\u0308ln", "Bonn"])).toEqual(["Bonn"]);
  });

  it("ignores blank keywords and surrounding spaces", () => {
    expect(keywordsToAdd([], ["  Wahl ", " ", "wahl"])).toEqual(["Wahl"]);
  });
});
