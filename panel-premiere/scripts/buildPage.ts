import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { build } from "vite";
import { premierePageConfig } from "../vitePageConfig.ts";

/** Builds the panel page of a shell (`shellRoot`: panel-premiere/uxp or /cep) into `outDir` with Vite. */
export async function buildPage(shellRoot: string, outDir: string): Promise<void> {
  const config = premierePageConfig(shellRoot);
  await build({ ...config, configFile: false, logLevel: "warn", build: { ...config.build, outDir } });
}

/** Every file below `folder`, as archive paths (forward slashes) with their bytes. */
export function filesBelow(folder: string, prefix = ""): { path: string; data: Buffer }[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      const name = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
      return entry.isDirectory() ? filesBelow(full, name) : [{ path: name, data: readFileSync(full) }];
    });
}
