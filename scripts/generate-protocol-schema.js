#!/usr/bin/env node
// `npm run protocol:schema`: writes the JSON Schema of the engine protocol for hosts that cannot use
// the zod schemas (the Resolve Lua bridge). A test fails while the committed file is out of date.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const { renderProtocolSchema, PROTOCOL_SCHEMA_FILE } = await import("../shared/protocol/schema/buildProtocolSchema.ts");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, PROTOCOL_SCHEMA_FILE);
writeFileSync(target, renderProtocolSchema());
console.log(`wrote ${PROTOCOL_SCHEMA_FILE}`);
