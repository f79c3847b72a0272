import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { ExtensionManifest } from "./ExtensionManifest.ts";
import { readManifest } from "./readManifest.ts";
import { baseManifest, writeExtension } from "../../../test/support/testExtension.ts";

const ENGINE = "0.1.0";
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

function read(manifest: unknown, files?: readonly string[]) {
  const folder = writeExtension(manifest, files);
  folders.push(folder);
  const result = readManifest(folder, ENGINE);
  if (!result.ok) throw new Error(`expected a valid manifest: ${result.error.message}`);
  return result;
}

describe("valid manifests", () => {
  it("an analyzer, with the limits' defaults filled in", () => {
    const { manifest, id } = read(
      baseManifest({ contributes: { analyzers: [{ id: "newsroom.logo", title: "Logos" }] } }),
    );
    expect(id).toBe("newsroom.thesaurus");
    expect(manifest.sichter.contributes.analyzers).toEqual([
      {
        id: "newsroom.logo",
        title: "Logos",
        timeoutSeconds: 300,
        memoryMb: 512,
        background: false,
        startsAfter: "keyframes",
        produces: "tags",
      },
    ]);
    expect(manifest.sichter.activationEvents).toEqual([]);
  });

  it("an analyzer with its own limits at the edges of the allowed ranges", () => {
    const analyzers = [
      {
        id: "newsroom.fast",
        title: "Fast",
        description: "d",
        timeoutSeconds: 1,
        memoryMb: 32,
        background: false,
        startsAfter: "shots",
        produces: "tags",
      },
      {
        id: "newsroom.slow",
        title: "Slow",
        timeoutSeconds: 3600,
        memoryMb: 4096,
        background: false,
        startsAfter: "keyframes",
        produces: "shots",
      },
    ];
    const { manifest } = read(baseManifest({ contributes: { analyzers } }));
    expect(manifest.sichter.contributes.analyzers).toEqual(analyzers);
  });

  it("a keyword provider, local by default", () => {
    const { manifest } = read(
      baseManifest({
        contributes: {
          keywordProviders: [
            { id: "newsroom.local", title: "Local", languages: ["de", "en"] },
            { id: "newsroom.cloud", title: "Cloud", cloud: true, contactSheets: false },
          ],
        },
      }),
    );
    expect(manifest.sichter.contributes.keywordProviders).toEqual([
      { id: "newsroom.local", title: "Local", languages: ["de", "en"], cloud: false, contactSheets: true },
      { id: "newsroom.cloud", title: "Cloud", cloud: true, contactSheets: false },
    ]);
  });

  it("a tag writer", () => {
    const { manifest } = read(
      baseManifest({
        contributes: { tagWriters: [{ id: "newsroom.csv", title: "CSV", description: "For the archive" }] },
      }),
    );
    expect(manifest.sichter.contributes.tagWriters).toEqual([
      { id: "newsroom.csv", title: "CSV", description: "For the archive" },
    ]);
  });

  it("a vocabulary only: no code, so no main needed", () => {
    const manifest = baseManifest({
      contributes: {
        vocabularies: [{ id: "newsroom.places", title: "Places", path: "data/places.json", format: "skos-json" }],
      },
    });
    delete (manifest.sichter as Record<string, unknown>).main;
    const result = read(manifest, ["data/places.json"]);
    expect(result.manifest.sichter.main).toBeUndefined();
    expect(result.manifest.sichter.contributes.vocabularies[0]).toMatchObject({
      path: "data/places.json",
      format: "skos-json",
    });
  });

  it("commands with category and when clause", () => {
    const commands = [
      { command: "newsroom.retag", title: "Retag clip", category: "Newsroom", when: "clipSelected && !analysing" },
    ];
    const { manifest } = read(baseManifest({ contributes: { commands } }));
    expect(manifest.sichter.contributes.commands).toEqual(commands);
  });

  it("configuration with every keyword of the subset", () => {
    const configuration = {
      title: "Thesaurus",
      properties: {
        endpoint: { type: "string", format: "uri", description: "Where the thesaurus lives" },
        folder: { type: "string", format: "path" },
        code: { type: "string", minLength: 2, maxLength: 8, pattern: "^[A-Z]+$", default: "DE" },
        limit: { type: "integer", minimum: 1, maximum: 100, default: 20 },
        weight: { type: "number", minimum: 0, maximum: 1 },
        enabled: { type: "boolean", default: true },
        languages: { type: "array", items: { type: "string", enum: ["de", "en"] }, default: ["de"] },
        extra: { type: "object", default: {} },
      },
      required: ["endpoint"],
    };
    const { manifest } = read(baseManifest({ contributes: { configuration } }));
    expect(manifest.sichter.contributes.configuration).toEqual(configuration);
  });

  it("keeps the other package.json fields out of the way (scripts, dependencies, ...)", () => {
    const manifest = {
      ...baseManifest(),
      type: "module",
      scripts: { build: "tsc" },
      dependencies: { zod: "^4.0.0" },
      displayName: "Thesaurus",
    };
    const result = read(manifest);
    expect(result.manifest.displayName).toBe("Thesaurus");
  });

  it("accepts declared activation events and prerelease versions", () => {
    const { manifest } = read({
      ...baseManifest({ activationEvents: ["onStartup", "onAnalyze", "onCommand:other.tool"] }),
      version: "2.0.0-beta.3",
    });
    expect(manifest.sichter.activationEvents).toEqual(["onStartup", "onAnalyze", "onCommand:other.tool"]);
    expect(manifest.version).toBe("2.0.0-beta.3");
  });

  it("parses with the zod schema alone, without reading a folder", () => {
    expect(ExtensionManifest.safeParse(baseManifest()).success).toBe(true);
  });
});
