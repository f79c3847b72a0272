#!/usr/bin/env node
// `npm run manifests`: renders the Premiere host manifests (UXP manifest.json, CEP manifest.xml)
// from manifest/premiere into the panel packages. A test fails while a committed file is stale.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const { writePremiereManifests } = await import("./premiere/generate.ts");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
for (const file of writePremiereManifests(root)) console.log(`wrote ${file}`);
