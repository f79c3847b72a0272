import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CEP_MANIFEST_FILE, renderCepManifest } from "./cepManifest.ts";
import { UXP_MANIFEST_FILE, renderUxpManifest } from "./uxpManifest.ts";

/** Every generated Premiere manifest: repository path and content. */
export function premiereManifests(): { file: string; content: string }[] {
  return [
    { file: UXP_MANIFEST_FILE, content: renderUxpManifest() },
    { file: CEP_MANIFEST_FILE, content: renderCepManifest() },
  ];
}

/** Writes them below `root` (the repository) and returns the paths written. */
export function writePremiereManifests(root: string): string[] {
  return premiereManifests().map(({ file, content }) => {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    return file;
  });
}
