import fs from "node:fs/promises";
import path from "node:path";
import type { SichterError } from "../core/SichterError.ts";
import { fileAccessError } from "../media/fileAccessError.ts";

/** Extensions a folder scan picks up; a file named explicitly is always tried, whatever its name. */
export const VIDEO_EXTENSIONS: ReadonlySet<string> = new Set([
  ".mp4",
  ".m4v",
  ".mov",
  ".mxf",
  ".mts",
  ".m2ts",
  ".ts",
  ".mpg",
  ".mpeg",
  ".m2v",
  ".avi",
  ".mkv",
  ".webm",
  ".dv",
  ".3gp",
  ".wmv",
  ".flv",
]);

export type BatchItem = { readonly file: string } | { readonly input: string; readonly error: SichterError };

/**
 * Expands the command line's files and folders into the media files to analyse, in a stable order.
 * Folders recurse (hidden entries skipped, each real folder visited once so symlink loops end); an
 * input that does not exist becomes an error item instead of stopping the batch.
 */
export async function collectMediaFiles(inputs: readonly string[]): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  const visited = new Set<string>();
  const seenFiles = new Set<string>();
  const addFile = (file: string): void => {
    if (seenFiles.has(file)) return;
    seenFiles.add(file);
    items.push({ file });
  };

  const walk = async (dir: string): Promise<void> => {
    const real = await fs.realpath(dir);
    if (visited.has(real)) return;
    visited.add(real);
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      const stat = await fs.stat(full).catch(() => null);
      if (stat?.isDirectory()) await walk(full);
      else if (stat?.isFile() && VIDEO_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) addFile(full);
    }
  };

  for (const input of inputs) {
    const absolute = path.resolve(input);
    const stat = await fs.stat(absolute).catch((error: NodeJS.ErrnoException) => error);
    if (stat instanceof Error) {
      items.push({ input, error: fileAccessError(stat, absolute) });
    } else if (stat.isDirectory()) {
      await walk(absolute);
    } else {
      addFile(absolute);
    }
  }
  return items;
}
