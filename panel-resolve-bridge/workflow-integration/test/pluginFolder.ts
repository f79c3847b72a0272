import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The single source of the plugin's manifest. */
export const MANIFEST_SOURCE = fileURLToPath(new URL("../../../manifest/resolve/manifest.xml", import.meta.url));

/** An installed plugin folder as Resolve sees it: manifest.xml, index.html and preload.js. */
export function pluginFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-resolve-plugin-"));
  fs.copyFileSync(MANIFEST_SOURCE, path.join(dir, "manifest.xml"));
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Sichter</title>");
  fs.writeFileSync(path.join(dir, "preload.js"), "");
  return dir;
}
