import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildExtensionSchema, EXTENSION_SCHEMA_FILE, renderExtensionSchema } from "./buildExtensionSchema.ts";

describe("generated JSON Schema of extension manifests", () => {
  it("is committed as the generator writes it now (run `npm run extension:schema` after changing a schema)", () => {
    const committed = readFileSync(new URL(`../../../../${EXTENSION_SCHEMA_FILE}`, import.meta.url), "utf8");
    expect(committed).toBe(renderExtensionSchema());
  });

  it("describes what editors need for completion, with resolvable references", () => {
    const document = buildExtensionSchema() as {
      required: string[];
      properties: { sichter: { properties: { contributes: { properties: Record<string, unknown> } } } };
      $defs: Record<string, unknown>;
    };
    expect(document.required).toEqual(["name", "version", "publisher", "sichter"]);
    expect(Object.keys(document.properties.sichter.properties.contributes.properties)).toEqual([
      "analyzers",
      "keywordProviders",
      "tagWriters",
      "vocabularies",
      "commands",
      "configuration",
    ]);
    const refs = JSON.stringify(document).match(/"#\/\$defs\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(document.$defs, ref).toHaveProperty([JSON.parse(ref).slice("#/$defs/".length)]);
  });
});
