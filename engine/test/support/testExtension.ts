import fs from "node:fs";
import path from "node:path";
import { makeTempDir } from "../fixtures.ts";

/** A minimal valid manifest; tests override the parts they are about. */
export function baseManifest(sichter: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "thesaurus",
    version: "1.0.0",
    publisher: "newsroom",
    sichter: { engines: { sichter: "^0.1.0" }, main: "dist/extension.js", ...sichter },
  };
}

/**
 * Writes an extension folder for a test: `manifest` becomes package.json (a string is written as
 * is, for broken JSON), `files` are created with placeholder content. Returns the folder.
 */
export function writeExtension(
  manifest: unknown,
  files: readonly string[] = ["dist/extension.js"],
  root: string = makeTempDir("sichter-ext-"),
): string {
  fs.mkdirSync(root, { recursive: true });
  if (manifest !== undefined) {
    const text = typeof manifest === "string" ? manifest : JSON.stringify(manifest, null, 2);
    fs.writeFileSync(path.join(root, "package.json"), text);
  }
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), file.endsWith(".json") ? "{}" : "export {};\n");
  }
  return root;
}
