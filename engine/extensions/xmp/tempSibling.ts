import { randomBytes } from "node:crypto";
import path from "node:path";

/**
 * A temp name for a rewrite of `file`: same folder (so the final rename(2) is atomic on one file
 * system), same extension (exiftool picks the file type from it), hidden and random so it never
 * meets a user's file. Callers remove it on every outcome.
 */
export function tempSibling(file: string): string {
  const ext = path.extname(file);
  const base = path.basename(file, ext);
  return path.join(path.dirname(file), `.${base}.sichter-${randomBytes(4).toString("hex")}${ext}`);
}
