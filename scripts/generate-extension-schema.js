#!/usr/bin/env node
// `npm run extension:schema`: writes the JSON Schema of extension manifests (package.json with a
// `sichter` field) so authors get completion in their editor. A test fails while the committed file
// is out of date.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const { renderExtensionSchema, EXTENSION_SCHEMA_FILE } =
  await import("../engine/src/extensionHost/manifest/buildExtensionSchema.ts");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, EXTENSION_SCHEMA_FILE);
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, renderExtensionSchema());
console.log(`wrote ${EXTENSION_SCHEMA_FILE}`);
