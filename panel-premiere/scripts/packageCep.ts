import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderCepManifest } from "../../manifest/premiere/cepManifest.ts";
import { buildJsx } from "../cep/scripts/buildJsx.ts";
import { buildPage } from "./buildPage.ts";

const premiereFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Where `npm run package` puts the CEP extension folder, relative to the repository. */
export const CEP_FOLDER = "dist/premiere/cep/com.sichter.premiere";

/**
 * The CEP extension for Premiere 25.0-25.5 as a folder, ready to copy into the extensions folder
 * (unsigned, with PlayerDebugMode) or to sign into a ZXP: CSXS/manifest.xml, the panel page at
 * ./index.html and the ExtendScript at ./jsx/sichter.jsx, as the manifest names them.
 */
export async function packageCep(folder: string): Promise<string> {
  rmSync(folder, { recursive: true, force: true });
  await buildPage(path.join(premiereFolder, "cep"), folder);
  mkdirSync(path.join(folder, "CSXS"), { recursive: true });
  writeFileSync(path.join(folder, "CSXS/manifest.xml"), renderCepManifest());
  mkdirSync(path.join(folder, "jsx"), { recursive: true });
  writeFileSync(path.join(folder, "jsx/sichter.jsx"), buildJsx());
  return folder;
}
