#!/usr/bin/env node
// `npm run package -w @sichter/premiere-cep`: writes dist/premiere/cep/com.sichter.premiere/.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const { packageCep, CEP_FOLDER } = await import("./packageCep.ts");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
await packageCep(path.join(root, CEP_FOLDER));
console.log(`wrote ${CEP_FOLDER}/`);
