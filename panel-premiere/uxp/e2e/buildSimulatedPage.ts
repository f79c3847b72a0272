import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { premierePageConfig } from "../../vitePageConfig.ts";

const PAGE_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "page");

/**
 * Builds the UXP panel's page with the simulated Premiere bundled in (e2e/page) by the same Vite
 * configuration as the shipped page: one classic script, relative paths. Writes index.html and
 * assets/ into `outDir`.
 */
export async function buildSimulatedPage(outDir: string): Promise<string> {
  const config = premierePageConfig(PAGE_ROOT);
  await build({ ...config, configFile: false, logLevel: "warn", build: { ...config.build, outDir } });
  return path.join(outDir, "index.html");
}
