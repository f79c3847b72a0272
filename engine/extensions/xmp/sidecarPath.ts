import fs from "node:fs/promises";
import path from "node:path";
import type { SidecarNaming } from "./XmpTypes.ts";

/** Extensions of files that are video footage and so could claim the same `clip.xmp`. */
const VIDEO_EXTENSIONS = new Set([
  ".mov",
  ".mp4",
  ".m4v",
  ".mxf",
  ".mts",
  ".m2ts",
  ".ts",
  ".avi",
  ".mkv",
  ".webm",
  ".mpg",
  ".mpeg",
  ".m2v",
  ".3gp",
  ".dv",
  ".wmv",
  ".flv",
  ".r3d",
  ".braw",
  ".crm",
  ".vob",
]);

export interface SidecarLocation {
  path: string;
  naming: SidecarNaming;
}

/**
 * Where the sidecar of `mediaPath` lives.
 *
 * Rule: `clip.xmp` (extension replaced), the name Premiere, Bridge and Resolve look for. When the
 * same folder holds another video file with the same base name (`clip.mov` and `clip.mp4`), both
 * would claim `clip.xmp` and each write would mix its metadata into the other's; then every such
 * file gets `clip.mov.xmp` / `clip.mp4.xmp` (extension kept) instead. The base name compares
 * case-insensitively because macOS and Windows volumes do. A `clip.xmp` written before the second
 * file appeared is left alone (it cannot be told whose it is).
 */
export async function resolveSidecarPath(mediaPath: string): Promise<SidecarLocation> {
  const dir = path.dirname(mediaPath);
  const name = path.basename(mediaPath);
  const ext = path.extname(name);
  const base = name.slice(0, name.length - ext.length);
  const replaced = path.join(dir, `${base}.xmp`);
  if (ext === "") return { path: replaced, naming: { rule: "extension-replaced", collidesWith: [] } };

  const entries = await fs.readdir(dir);
  const collidesWith = entries
    .filter((entry) => entry !== name)
    .filter((entry) => {
      const otherExt = path.extname(entry);
      return (
        VIDEO_EXTENSIONS.has(otherExt.toLowerCase()) &&
        entry.slice(0, entry.length - otherExt.length).toLowerCase() === base.toLowerCase()
      );
    })
    .sort();
  if (collidesWith.length === 0) return { path: replaced, naming: { rule: "extension-replaced", collidesWith } };
  return { path: path.join(dir, `${name}.xmp`), naming: { rule: "extension-kept", collidesWith } };
}
