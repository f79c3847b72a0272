// The plugin folder's node_modules: the runtime dependencies main.js leaves to require (the npm
// packages of package.json's dependencies; our own workspace packages are bundled into main.js), each
// copied as npm installed it, with its own dependencies in turn. Resolve's Electron loads them from
// the plugin folder; nothing is fetched at install time.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE_JSON = path.resolve(here, "../package.json");

/** The npm packages main.js requires at run time (package.json's dependencies outside @sichter). */
export function runtimeModules() {
  const { dependencies = {} } = JSON.parse(fs.readFileSync(PACKAGE_JSON, "utf8"));
  return Object.keys(dependencies).filter((name) => !name.startsWith("@sichter/"));
}

/** Copies `names` and what they depend on into <outDir>/node_modules; answers the names copied. */
export function copyRuntimeModules(outDir, names = runtimeModules()) {
  const copied = new Set();
  const copy = (name, from) => {
    if (copied.has(name)) return;
    const manifest = createRequire(from).resolve(`${name}/package.json`);
    const source = path.dirname(manifest);
    const target = path.join(outDir, "node_modules", name);
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(source, target, {
      recursive: true,
      filter: (file) => !path.relative(source, file).split(path.sep).includes("node_modules"),
    });
    copied.add(name);
    const { dependencies = {} } = JSON.parse(fs.readFileSync(manifest, "utf8"));
    for (const dependency of Object.keys(dependencies)) copy(dependency, manifest);
  };
  for (const name of names) copy(name, PACKAGE_JSON);
  return [...copied];
}
