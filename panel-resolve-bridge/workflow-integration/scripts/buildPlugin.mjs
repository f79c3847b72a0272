#!/usr/bin/env node
// Builds the plugin folder Resolve loads: main.js and preload.js as single CommonJS files (Resolve's
// Electron runs them as they are; a sandboxed preload may require "electron" only), node_modules
// with the npm packages main.js requires (ws), and manifest.xml from its one source in
// manifest/resolve/. Usage: node scripts/buildPlugin.mjs <folder>
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { copyRuntimeModules, runtimeModules } from "./copyRuntimeModules.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, "..");
export const MANIFEST = path.resolve(pkg, "../../manifest/resolve/manifest.xml");

export async function buildPlugin(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const common = {
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "es2020",
    logLevel: "silent",
    legalComments: "none",
  };
  await build({
    ...common,
    entryPoints: [path.join(pkg, "src/main/entry.ts")],
    outfile: path.join(outDir, "main.js"),
    // Resolve's Electron provides electron; the npm packages come from the folder's node_modules
    // (as Blackmagic's plugins have them); ws's native helpers are optional and looked up at run time.
    external: ["electron", ...runtimeModules(), "bufferutil", "utf-8-validate"],
  });
  await build({
    ...common,
    entryPoints: [path.join(pkg, "src/preload/entry.ts")],
    outfile: path.join(outDir, "preload.js"),
    external: ["electron"],
  });
  copyRuntimeModules(outDir);
  fs.copyFileSync(MANIFEST, path.join(outDir, "manifest.xml"));
  return outDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target) {
    console.error("usage: node scripts/buildPlugin.mjs <plugin folder>");
    process.exit(2);
  }
  await buildPlugin(path.resolve(target));
  console.log(`built the Resolve plugin into ${target}`);
}
