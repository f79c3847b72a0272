import { describe, expect, it } from "vitest";
import { extractKeywords, termsOf } from "./extractKeywords.ts";
import { foldText } from "../text/foldText.ts";

const line = (text: string, startFrame = 0, endFrame = 75) => ({ text, startFrame, endFrame, confidence: 0.9 });

describe("termsOf", () => {
  it("keeps names and multi-word terms, drops stop words", () => {
    expect(termsOf("Landtag Brandenburg")).toEqual(["Landtag Brandenburg"]);
    expect(termsOf("Minister für Wirtschaft")).toEqual(["Minister", "Wirtschaft"]);
    expect(termsOf("Straßensperrung in Göttingen")).toEqual(["Straßensperrung", "Göttingen"]);
    expect(termsOf("Breaking News: Storm warning for the coast")).toEqual(["Breaking News", "Storm warning", "coast"]);
  });

  it("keeps years, drops other bare numbers", () => {
    expect(termsOf("Wahl 2024 – Ergebnis 12 von 40")).toEqual(["Wahl 2024", "Ergebnis"]);
  });

  it("turns capitals into readable words but keeps acronyms", () => {
    expect(termsOf("LANDTAG BRANDENBURG")).toEqual(["Landtag Brandenburg"]);
    expect(termsOf("SPD-Fraktion im NRW-Landtag")).toEqual(["SPD-Fraktion", "NRW-Landtag"]);
  });

  it("splits a whole sentence into words", () => {
    expect(termsOf("Polizei Feuerwehr Rettungsdienst Technisches Hilfswerk Bundeswehr")).toEqual([
      "Polizei",
      "Feuerwehr",
      "Rettungsdienst",
      "Technisches",
      "Hilfswerk",
      "Bundeswehr",
    ]);
  });
});

describe("termsOf keeps what an editor would type", () => {
  it("drops URL pieces, handles and mail addresses", () => {
    expect(termsOf("tv.example.de")).toEqual([]);
    expect(termsOf("http://www.ebigear.com/forum-175-1.html")).toEqual([]);
    expect(termsOf("wwwebigear bbs c0lg nttp html")).toEqual([]);
    expect(termsOf("Wahlergebnis unter www.example.de/wahl und @sichter")).toEqual(["Wahlergebnis"]);
  });

  it("drops what is left of an address read in part or misread (a watermark seen too seldom for an overlay)", () => {
    // Seen on tuning seeds 1095 (720p), 1024 and 1099 (640x360).
    expect(termsOf(".nachrichten")).toEqual([]);
    expect(termsOf("example.ty")).toEqual([]);
    expect(termsOf("Ww.sender-example. de")).toEqual([]);
    expect(termsOf("Dr. Müller, z.B. Köln. Hochwasser")).toEqual(["Müller", "Köln", "Hochwasser"]);
  });

  it("drops fragments and short tokens, keeps known acronyms", () => {
    expect(termsOf("ample de tv")).toEqual([]);
    expect(termsOf("Jo Hamburg xq")).toEqual(["Hamburg"]);
    expect(termsOf("SPD und AfD im NRW-Landtag")).toEqual(["SPD", "AfD", "NRW-Landtag"]);
    expect(termsOf("Romney woos NRA")).toEqual(["Romney", "NRA"]);
  });
});

describe("extractKeywords ranks story text first", () => {
  it("gives words of lower thirds and titles a higher confidence than incidental text", () => {
    const found = extractKeywords([
      { ...line("Apotheke Hauptstraße"), confidence: 0.99, role: "incidental" as const },
      { ...line("Landtag Brandenburg"), confidence: 0.9 },
    ]);
    const story = found.find((k) => k.label === "Landtag Brandenburg")!;
    const incidental = found.find((k) => k.label === "Apotheke Hauptstraße")!;
    expect(story.confidence).toBeGreaterThan(incidental.confidence);
  });
});

describe("extractKeywords", () => {
  it("merges the same term across lines and shots, preferring the umlaut spelling", () => {
    const found = extractKeywords([
      line("KOELN HAUPTBAHNHOF", 0, 50),
      line("Köln Hauptbahnhof", 200, 260),
      line("Köln", 300, 320),
    ]);
    const station = found.find((k) => k.key === foldText("Köln Hauptbahnhof"))!;
    expect(station.label).toBe("Köln Hauptbahnhof");
    expect(station.ranges).toEqual([
      { startFrame: 0, endFrame: 50 },
      { startFrame: 200, endFrame: 260 },
    ]);
    expect(found.find((k) => k.key === "koln")!.ranges).toEqual([{ startFrame: 300, endFrame: 320 }]);
  });

  it("folds umlauts, their spellings and case to one key", () => {
    expect(foldText("Köln")).toBe(foldText("Koeln"));
    expect(foldText("KÖLN")).toBe("koln");
    expect(foldText("Straße")).toBe(foldText("Strasse"));
  });
});
