import { describe, expect, it } from "vitest";
import { restoreWordBoundaries } from "./wordBoundaries.ts";

describe("restoreWordBoundaries", () => {
  it("puts back spaces the recogniser dropped on small text", () => {
    expect(restoreWordBoundaries("NorthKorea launch")).toBe("North Korea launch");
    expect(restoreWordBoundaries("Northkorealaunch")).toBe("North korea launch");
    expect(restoreWordBoundaries("CelebrationofAmericanValues")).toBe("Celebration of American Values");
    expect(restoreWordBoundaries("Ministerfürwirtschaft")).toBe("Minister für wirtschaft");
    expect(restoreWordBoundaries("Schulenbleibengeschlossen")).toBe("Schulen bleiben geschlossen");
    // German endings belong to German words: "summit" + "in" is no word, it is "Summit in".
    expect(restoreWordBoundaries("Summitin Dresden")).toBe("Summit in Dresden");
  });

  it("keeps names and compounds whole", () => {
    for (const whole of [
      "Straßensperrung in Göttingen",
      "Köln Hauptbahnhof",
      "Kate McAllister",
      "YouTube",
      "Bürgermeisterin Anna Schäfer",
      "Landtagswahl",
      "Firefighters' update",
      "Zugausfälle in Düsseldorf",
    ]) {
      expect(restoreWordBoundaries(whole)).toBe(whole);
    }
  });
});
