import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { uxpManifest } from "../../manifest/premiere/uxpManifest.ts";
import { buildPage, filesBelow } from "./buildPage.ts";
import { pluginIcons } from "./pluginIcons.ts";
import { zipArchive } from "./zipArchive.ts";

const premiereFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Where `npm run package` puts the UXP plugin, relative to the repository. */
export const CCX_FILE = "dist/premiere/sichter-premiere.ccx";

/**
 * The UXP plugin as Creative Cloud, the UXP Developer Tool and UPIA install it: a ZIP with
 * manifest.json at its root (rendered from manifest/premiere), the icons it names and the built
 * panel page. Answers the path written.
 */
export async function packageCcx(outFile: string): Promise<string> {
  const pageDir = mkdtempSync(path.join(tmpdir(), "sichter-uxp-page-"));
  try {
    await buildPage(path.join(premiereFolder, "uxp"), pageDir);
    const manifest = uxpManifest();
    const entries = [
      { path: "manifest.json", data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
      ...pluginIcons(manifest as Parameters<typeof pluginIcons>[0]),
      ...filesBelow(pageDir),
    ];
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, zipArchive(entries));
    return outFile;
  } finally {
    rmSync(pageDir, { recursive: true, force: true });
  }
}
