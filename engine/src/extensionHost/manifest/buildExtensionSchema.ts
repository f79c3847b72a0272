import { z } from "zod";
import { ExtensionManifest } from "./ExtensionManifest.ts";

/**
 * JSON Schema (draft 2020-12) of an extension's package.json, for completion and checking in the
 * author's editor. `io: "input"` because authors write the input: fields with defaults are optional.
 * Rules that JSON Schema cannot express (unique ids, `main` needed by code contributions, defaults
 * matching their property) are only enforced when the engine reads the manifest.
 */
export function buildExtensionSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ExtensionManifest, { io: "input", target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
  const { $schema: _dialect, title, description, ...rest } = generated;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title,
    description: `${String(description)} Regenerate with \`npm run extension:schema\`.`,
    ...rest,
  };
}

/** The committed file's exact text: stable key order, two-space indent, trailing newline. */
export function renderExtensionSchema(): string {
  return `${JSON.stringify(buildExtensionSchema(), null, 2)}\n`;
}

/** Where the generated file lives, relative to the repository root. */
export const EXTENSION_SCHEMA_FILE = "manifest/sichter-extension.schema.json";
