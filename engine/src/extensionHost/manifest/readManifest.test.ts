import fs from "node:fs";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import type { ManifestError } from "./ManifestError.ts";
import { readManifest } from "./readManifest.ts";
import { baseManifest, writeExtension } from "../../../test/support/testExtension.ts";

const ENGINE = "0.1.0";
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

function refused(manifest: unknown, files?: readonly string[]): ManifestError {
  const folder = writeExtension(manifest, files);
  folders.push(folder);
  const result = readManifest(folder, ENGINE);
  if (result.ok) throw new Error("expected the manifest to be refused");
  return result.error;
}

const analyzer = (extra: Record<string, unknown>) =>
  baseManifest({ contributes: { analyzers: [{ id: "newsroom.logo", title: "Logos", ...extra }] } });

describe("readManifest refuses a broken manifest precisely, without throwing", () => {
  it("no package.json", () => {
    const error = refused(undefined, []);
    expect(error.code).toBe(ErrorCode.EXTENSION_MANIFEST_INVALID);
    expect(error.problem).toBe("no-package-json");
    expect(error.field).toBe("");
    expect(error.expected).toBe("a package.json in the extension folder");
    expect(error.found).toBe("no such file");
    expect(error.message).toContain("has an invalid manifest: package.json: expected a package.json");
  });

  it("a folder that does not exist", () => {
    const result = readManifest(path.join(makeTempDir(), "gone"), ENGINE);
    expect(result.ok === false && result.error.problem).toBe("no-package-json");
  });

  it("package.json is a directory", () => {
    const folder = makeTempDir();
    folders.push(folder);
    fs.mkdirSync(path.join(folder, "package.json"));
    const result = readManifest(folder, ENGINE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problem).toBe("unreadable");
    expect(result.error.found).toBe("a directory");
  });

  it("not JSON: names line, column, what was expected and what is there", () => {
    const error = refused('{\n  "name": "thesaurus",\n  "version": "1.0.0"\n  "publisher": "newsroom"\n}');
    expect(error.problem).toBe("not-json");
    expect([error.line, error.column]).toEqual([4, 3]);
    expect(error.expected).toBe('valid JSON: "," or "}"');
    expect(error.found).toBe('"\\"publisher\\":" at line 4, column 3');
  });

  it("not JSON: a trailing comma, which Node reports without a position", () => {
    const error = refused('{\n  "name": "thesaurus",\n}');
    expect([error.line, error.column]).toEqual([3, 1]);
    expect(error.expected).toContain("trailing commas are not JSON");
  });

  it("a value out of range", () => {
    const error = refused(analyzer({ timeoutSeconds: 5000 }));
    expect(error.problem).toBe("invalid");
    expect(error.field).toBe("sichter.contributes.analyzers[0].timeoutSeconds");
    expect(error.expected).toBe("at most 3600");
    expect(error.found).toBe("5000");
    expect(error.message).toContain(
      "sichter.contributes.analyzers[0].timeoutSeconds: expected at most 3600, found 5000",
    );
  });

  it("a value of the wrong type", () => {
    const error = refused(analyzer({ memoryMb: 256.5 }));
    expect(error.field).toBe("sichter.contributes.analyzers[0].memoryMb");
    expect(error.expected).toBe("an integer");
    expect(error.found).toBe("256.5");
  });

  it("a required field missing", () => {
    const { publisher: _publisher, ...manifest } = baseManifest();
    const error = refused(manifest);
    expect(error.field).toBe("publisher");
    expect(error.expected).toBe("a string");
    expect(error.found).toBe("nothing");
  });

  it("an unknown key, answered with the known ones", () => {
    const error = refused(analyzer({ timeoutSecond: 30 }));
    expect(error.field).toBe("sichter.contributes.analyzers[0].timeoutSecond");
    expect(error.expected).toBe(
      "one of the known keys: id, title, description, timeoutSeconds, memoryMb, background, startsAfter, produces",
    );
    expect(error.found).toBe('unknown key "timeoutSecond"');
  });

  it("an unknown contribution point", () => {
    const error = refused(baseManifest({ contributes: { panels: [] } }));
    expect(error.field).toBe("sichter.contributes.panels");
    expect(error.expected).toContain("analyzers, keywordProviders, tagWriters, vocabularies, commands, configuration");
  });

  it("a value not in the allowed set", () => {
    const error = refused(
      baseManifest({
        contributes: { vocabularies: [{ id: "newsroom.places", title: "P", path: "v.json", format: "csv" }] },
      }),
    );
    expect(error.field).toBe("sichter.contributes.vocabularies[0].format");
    expect(error.expected).toBe('one of "skos-json", "terms-json"');
    expect(error.found).toBe('"csv"');
  });

  it("a malformed contribution id", () => {
    const error = refused(analyzer({ id: "OCR" }));
    expect(error.field).toBe("sichter.contributes.analyzers[0].id");
    expect(error.expected).toMatch(/^a lowercase dotted id such as "sichter.ocr"/);
    expect(error.found).toBe('"OCR"');
  });

  it("a scoped or upper-case name, a short version and a bad publisher, all reported", () => {
    const error = refused({ ...baseManifest(), name: "@newsroom/Thesaurus", version: "1.0", publisher: "News Room" });
    expect(error.issues.map((issue) => issue.field)).toEqual(["name", "version", "publisher"]);
    expect(error.issues[0]!.expected).toContain("without scope");
    expect(error.issues[1]!.expected).toContain('"x.y.z"');
    expect(error.issues[1]!.found).toBe('"1.0"');
  });

  it('activation on "*" is refused with its own sentence', () => {
    const error = refused(baseManifest({ activationEvents: ["onStartup", "*"] }));
    expect(error.field).toBe("sichter.activationEvents[1]");
    expect(error.found).toBe('"*"');
    expect(error.expected).toContain('"onAnalyzer:<id>"');
    expect(error.issues[0]!.message).toBe(
      'sichter.activationEvents[1]: activation on "*" is not allowed: declare what activates the extension',
    );
  });

  it("an unknown activation event", () => {
    const error = refused(baseManifest({ activationEvents: ["onClipSelected"] }));
    expect(error.field).toBe("sichter.activationEvents[0]");
    expect(error.expected).toBe(
      'one of "onStartup", "onAnalyze", "onAnalyzer:<id>", "onKeywordProvider:<id>", "onTagWriter:<id>", "onCommand:<id>"',
    );
    expect(error.found).toBe('"onClipSelected"');
  });

  it.each([
    ["/opt/ext/main.js", "not an absolute path"],
    ["C:/ext/main.js", "not an absolute path"],
    ["../elsewhere/main.js", 'without ".."'],
    ["dist\\main.js", "with forward slashes"],
    ["dist/main.py", "ending in .js, .mjs, .cjs, .ts"],
  ])("main %s is refused: %s", (main, expected) => {
    const error = refused(baseManifest({ main }));
    expect(error.field).toBe("sichter.main");
    expect(error.expected).toContain(expected);
    expect(error.found).toBe(JSON.stringify(main));
  });

  it("main missing although the extension contributes code", () => {
    const manifest = baseManifest({ contributes: { tagWriters: [{ id: "newsroom.csv", title: "CSV" }] } });
    delete (manifest.sichter as Record<string, unknown>).main;
    const error = refused(manifest, []);
    expect(error.field).toBe("sichter.main");
    expect(error.expected).toBe("an entry module (.js, .mjs, .cjs, .ts) because it contributes tagWriters");
    expect(error.found).toBe("nothing");
  });

  it("main file missing on disk", () => {
    const error = refused(baseManifest({ main: "dist/other.js" }));
    expect(error.problem).toBe("missing-file");
    expect(error.field).toBe("sichter.main");
    expect(error.expected).toBe('the entry module at "dist/other.js" inside the extension folder');
    expect(error.found).toBe("no such file");
  });

  it("main is a directory", () => {
    const error = refused(baseManifest({ main: "dist/extension.js" }), ["dist/extension.js/index.js"]);
    expect(error.field).toBe("sichter.main");
    expect(error.found).toBe("a directory or other non-file");
  });

  it("vocabulary file missing on disk", () => {
    const vocabularies = [
      { id: "newsroom.places", title: "Places", path: "data/places.json", format: "skos-json" },
      { id: "newsroom.people", title: "Roles", path: "data/roles.json", format: "terms-json" },
    ];
    const error = refused(baseManifest({ contributes: { vocabularies } }), ["dist/extension.js", "data/places.json"]);
    expect(error.problem).toBe("missing-file");
    expect(error.field).toBe("sichter.contributes.vocabularies[1].path");
    expect(error.expected).toBe('the vocabulary file at "data/roles.json" inside the extension folder');
    expect(error.found).toBe("no such file");
  });

  it("duplicate contribution ids, across kinds", () => {
    const error = refused(
      baseManifest({
        contributes: {
          analyzers: [{ id: "newsroom.logo", title: "Logos" }],
          commands: [
            { command: "newsroom.retag", title: "Retag" },
            { command: "newsroom.logo", title: "Logo" },
          ],
        },
      }),
    );
    expect(error.field).toBe("sichter.contributes.commands[1].command");
    expect(error.expected).toBe("an id not used elsewhere in this manifest");
    expect(error.found).toBe('"newsroom.logo", already used at sichter.contributes.analyzers[0].id');
  });

  it("an engines range that does not parse", () => {
    const error = refused(baseManifest({ engines: { sichter: "latest" } }));
    expect(error.code).toBe(ErrorCode.EXTENSION_MANIFEST_INVALID);
    expect(error.field).toBe("sichter.engines.sichter");
    expect(error.expected).toMatch(/^a semver range such as/);
    expect(error.found).toBe('"latest"');
  });

  it("an engines range the running engine is not in, with its own code and both languages", () => {
    const error = refused(baseManifest({ engines: { sichter: ">=2.0.0 <3.0.0" } }));
    expect(error.code).toBe(ErrorCode.EXTENSION_ENGINE_MISMATCH);
    expect(error.problem).toBe("engine-mismatch");
    expect(error.field).toBe("sichter.engines.sichter");
    expect(error.expected).toBe("a range that includes this engine's version 0.1.0");
    expect(error.found).toBe('">=2.0.0 <3.0.0"');
    expect(error.message).toMatch(
      /^The extension newsroom\.thesaurus in .+ needs Sichter >=2\.0\.0 <3\.0\.0, but this engine is 0\.1\.0/,
    );
    expect(error.localizedMessage("de")).toMatch(
      /^Die Erweiterung newsroom\.thesaurus in .+ braucht Sichter >=2\.0\.0 <3\.0\.0/,
    );
  });

  it("reports an engine mismatch before schema errors a newer manifest format would cause", () => {
    const error = refused(baseManifest({ engines: { sichter: "^2.0.0" }, contributes: { panels: [] } }));
    expect(error.code).toBe(ErrorCode.EXTENSION_ENGINE_MISMATCH);
  });

  it("configuration: a default that breaks its own property", () => {
    const error = refused(
      baseManifest({
        contributes: { configuration: { properties: { limit: { type: "integer", minimum: 1, default: 0 } } } },
      }),
    );
    expect(error.field).toBe("sichter.contributes.configuration.properties.limit.default");
    expect(error.expected).toBe("at least 1");
    expect(error.found).toBe("0");
  });

  it("configuration: a keyword on a type it does not apply to", () => {
    const error = refused(
      baseManifest({
        contributes: { configuration: { properties: { limit: { type: "integer", pattern: "^\\d+$" } } } },
      }),
    );
    expect(error.field).toBe("sichter.contributes.configuration.properties.limit.pattern");
    expect(error.expected).toBe('no "pattern" (it applies to type "string" only)');
    expect(error.found).toBe('"pattern" on a property of type "integer"');
  });

  it("configuration: an unknown type inside items and a bad pattern, both reported", () => {
    const error = refused(
      baseManifest({
        contributes: {
          configuration: {
            properties: {
              "newsroom.tags": { type: "array", items: { type: "strng" } },
              code: { type: "string", pattern: "([A-Z]" },
            },
          },
        },
      }),
    );
    expect(error.issues.map((issue) => [issue.field, issue.expected, issue.found])).toEqual([
      [
        'sichter.contributes.configuration.properties["newsroom.tags"].items.type',
        'one of "string", "number", "integer", "boolean", "array", "object"',
        '"strng"',
      ],
      ["sichter.contributes.configuration.properties.code.pattern", "a valid regular expression", '"([A-Z]"'],
    ]);
  });

  it("configuration: a required name that is not declared", () => {
    const error = refused(
      baseManifest({
        contributes: {
          configuration: {
            properties: { "newsroom.tags": { type: "array" }, code: { type: "string" } },
            required: ["newsroom.tag"],
          },
        },
      }),
    );
    expect(error.field).toBe("sichter.contributes.configuration.required[0]");
    expect(error.expected).toBe("the name of a declared property (newsroom.tags, code)");
    expect(error.found).toBe('"newsroom.tag"');
  });

  it("the whole document of the wrong shape", () => {
    const error = refused([]);
    expect(error.field).toBe("");
    expect(error.expected).toBe("an object");
    expect(error.found).toBe("[]");
  });

  it("keeps every issue but shows three in the message", () => {
    const error = refused({ name: 1, version: 2, publisher: 3, displayName: 4, sichter: 5 });
    expect(error.issues).toHaveLength(5);
    expect(error.message).toContain("(and 2 more)");
    expect(error.localizedMessage("de")).toMatch(
      /^Die Erweiterung in .+ hat ein ungültiges Manifest: name: expected a string, found 1/,
    );
  });
});
