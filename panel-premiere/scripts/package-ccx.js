#!/usr/bin/env node
// `npm run package -w @sichter/premiere-uxp`: writes dist/premiere/sichter-premiere.ccx.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const { packageCcx, CCX_FILE } = await import("./packageCcx.ts");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
await packageCcx(path.join(root, CCX_FILE));
console.log(`wrote ${CCX_FILE}`);
