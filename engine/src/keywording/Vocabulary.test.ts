import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import { loadVocabulary, matchConcepts } from "./Vocabulary.ts";

const root = makeTempDir("sichter-vocabulary-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = path.join(root, name);
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

describe("Vocabulary", () => {
  const skos = loadVocabulary(
    "t.skos",
    write("skos.json", {
      uri: "https://v.example/s",
      concepts: [
        {
          uri: "https://v.example/s/unwetter",
          prefLabel: { de: "Unwetter", en: "Severe weather" },
          altLabel: { de: ["Überschwemmung", "Hochwasser"] },
        },
      ],
    }),
    "skos-json",
  );

  it("matches whole words with umlauts and case folded, not parts of compounds", () => {
    expect(matchConcepts(skos, ["UEBERSCHWEMMUNG in Passau"]).map((c) => c.uri)).toEqual([
      "https://v.example/s/unwetter",
    ]);
    expect(matchConcepts(skos, ["Hochwasserschutz wird ausgebaut"])).toEqual([]);
    expect(matchConcepts(skos, ["severe weather warning"])).toHaveLength(1);
  });

  it("reads flat term lists too, and names what is wrong in a broken file", () => {
    const terms = loadVocabulary(
      "t.terms",
      write("terms.json", {
        uri: "https://v.example/t",
        terms: [{ id: "https://v.example/t/1", label: "Verkehr", synonyms: ["Stau"] }],
      }),
      "terms-json",
    );
    expect(matchConcepts(terms, ["Stau auf der A9"]).map((c) => c.labels.de)).toEqual(["Verkehr"]);
    expect(() => loadVocabulary("t.bad", write("bad.json", { uri: "not a uri", concepts: [] }), "skos-json")).toThrow(
      /uri|concepts/,
    );
  });
});
