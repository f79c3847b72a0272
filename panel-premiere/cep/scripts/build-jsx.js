#!/usr/bin/env node
// `npm run build -w @sichter/premiere-cep`: compiles the ExtendScript (jsx/src, ECMAScript 3) into
// jsx/sichter.jsx. A test fails while the committed file is stale.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const { buildJsx, JSX_FILE } = await import("./buildJsx.ts");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
writeFileSync(path.join(root, JSX_FILE), buildJsx());
console.log(`wrote ${JSX_FILE}`);
