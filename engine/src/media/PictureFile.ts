import fs from "node:fs";

/**
 * Raw pictures back to back in a file of the job folder, as the shot step hands them on: the
 * helpers its consumers share to size and to read them.
 */

/** Never fill a disk: pictures are written only where this much stays free beside them. */
const KEEP_FREE = 2 * 1024 * 1024 * 1024;

/** Bytes of pictures `folder` can take now, keeping KEEP_FREE free; 0 when the free space cannot be read. */
export function pictureRoom(folder: string): number {
  try {
    const stats = fs.statfsSync(folder);
    return Math.max(0, stats.bavail * stats.bsize - KEEP_FREE);
  } catch {
    return 0;
  }
}

/** Fills `data` from `position` of an open file; false when the file ends first. */
export async function readFully(handle: fs.promises.FileHandle, data: Uint8Array, position: number): Promise<boolean> {
  for (let filled = 0; filled < data.length;) {
    const { bytesRead } = await handle.read(data, filled, data.length - filled, position + filled);
    if (bytesRead === 0) return false;
    filled += bytesRead;
  }
  return true;
}

/**
 * Pictures `at` .. `at + count - 1` of a file that claims to hold `total` pictures of `frameBytes`
 * each, back to back in one buffer; undefined when the file is missing or not that size.
 */
export async function readPictures(
  file: string,
  total: number,
  frameBytes: number,
  at: number,
  count: number,
): Promise<Uint8Array | undefined> {
  const handle = await fs.promises.open(file, "r").catch(() => undefined);
  if (!handle) return undefined;
  try {
    if ((await handle.stat()).size !== total * frameBytes) return undefined;
    const data = new Uint8Array(count * frameBytes);
    return (await readFully(handle, data, at * frameBytes)) ? data : undefined;
  } finally {
    await handle.close();
  }
}
