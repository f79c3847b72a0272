import type { ExtensionManifest } from "./ExtensionManifest.ts";

/** Publishers have no dots, so the id splits back at its first dot even when the name has some. */
export function extensionId(manifest: Pick<ExtensionManifest, "publisher" | "name">): string {
  return `${manifest.publisher}.${manifest.name}`;
}
