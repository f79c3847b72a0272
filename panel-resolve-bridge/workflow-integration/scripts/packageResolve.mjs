#!/usr/bin/env node
// `npm run package`: what a Resolve editor installs, in <repo>/dist/resolve/ (or the folder given):
//   <plugin id>/  the Workflow Integration plugin (Studio): manifest.xml, main.js, preload.js,
//                 index.html and assets/, and node_modules/ with main.js's runtime dependency (ws);
//                 Resolve's Electron provides "electron".
//   lua/Sichter.lua  the free edition's script for Fusion/Scripts/Utility.
// Resolve's own WorkflowIntegration.node is not ours to ship: the README says where to copy it from.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildPage } from "./buildPage.mjs";
import { MANIFEST, buildPlugin } from "./buildPlugin.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, "../../..");
export const LUA_SCRIPT = path.join(REPO, "panel-resolve-bridge/lua/Sichter.lua");
export const DEFAULT_OUT = path.join(REPO, "dist/resolve");

/** The plugin's folder is named by its id, as Resolve lists installed plugins. */
export function pluginId() {
  const match = /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(fs.readFileSync(MANIFEST, "utf8"));
  if (!match) throw new Error(`no <Id> in ${MANIFEST}`);
  return match[1];
}

export async function packageResolve(outRoot = DEFAULT_OUT) {
  const plugin = path.join(outRoot, pluginId());
  // The page's build empties the folder first, so nothing of an older package stays behind.
  await buildPage(plugin);
  await buildPlugin(plugin);
  const lua = path.join(outRoot, "lua");
  fs.mkdirSync(lua, { recursive: true });
  fs.copyFileSync(LUA_SCRIPT, path.join(lua, "Sichter.lua"));
  return { plugin, lua: path.join(lua, "Sichter.lua") };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(process.argv[2] ?? DEFAULT_OUT);
  const { plugin, lua } = await packageResolve(out);
  console.log(`Resolve Studio plugin: ${path.relative(process.cwd(), plugin)}${path.sep}`);
  console.log(`Resolve free edition script: ${path.relative(process.cwd(), lua)}`);
}
