import { describe, expect, it } from "vitest";
import { activationEventsOf } from "./activationEventsOf.ts";
import { ExtensionManifest } from "./ExtensionManifest.ts";
import { extensionId } from "./extensionId.ts";
import { baseManifest } from "../../../test/support/testExtension.ts";

const parse = (sichter: Record<string, unknown>) => ExtensionManifest.parse(baseManifest(sichter));

describe("activationEventsOf", () => {
  it("derives one event per code contribution; vocabularies and settings activate nothing", () => {
    const manifest = parse({
      contributes: {
        analyzers: [
          { id: "newsroom.logo", title: "Logos" },
          { id: "newsroom.lowerthird", title: "Lower thirds" },
        ],
        keywordProviders: [{ id: "newsroom.local", title: "Local" }],
        tagWriters: [{ id: "newsroom.csv", title: "CSV" }],
        commands: [{ command: "newsroom.retag", title: "Retag" }],
        vocabularies: [{ id: "newsroom.places", title: "Places", path: "places.json", format: "skos-json" }],
        configuration: { properties: { limit: { type: "integer" } } },
      },
    });
    expect(activationEventsOf(manifest)).toEqual([
      "onAnalyzer:newsroom.logo",
      "onAnalyzer:newsroom.lowerthird",
      "onKeywordProvider:newsroom.local",
      "onTagWriter:newsroom.csv",
      "onCommand:newsroom.retag",
    ]);
  });

  it("puts declared events first and drops the ones contributions imply anyway", () => {
    const manifest = parse({
      activationEvents: ["onStartup", "onAnalyzer:newsroom.logo", "onStartup", "onCommand:other.tool"],
      contributes: { analyzers: [{ id: "newsroom.logo", title: "Logos" }] },
    });
    expect(activationEventsOf(manifest)).toEqual(["onStartup", "onAnalyzer:newsroom.logo", "onCommand:other.tool"]);
  });

  it("is empty for an extension that declares and contributes nothing that runs", () => {
    expect(activationEventsOf(parse({}))).toEqual([]);
  });
});

describe("extensionId", () => {
  it("is publisher.name", () => {
    expect(extensionId(parse({}))).toBe("newsroom.thesaurus");
    expect(extensionId({ publisher: "ard", name: "tagesschau.archive" })).toBe("ard.tagesschau.archive");
  });
});
