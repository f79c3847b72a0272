import { createHash } from "node:crypto";
import fs from "node:fs/promises";

/** Bytes read from each of the start, middle and end of a file. */
export const FINGERPRINT_CHUNK = 1024 * 1024;

/**
 * A content fingerprint that recognises the same media after a move or rename without reading the
 * whole file (broadcast files run to hundreds of GB): sha256 over the size and the first, middle
 * and last MiB. Camera files differ in their headers and in every GOP, so three samples plus the
 * exact size tell clips apart in practice; a file smaller than three chunks is hashed whole.
 */
export async function fingerprintFile(file: string): Promise<string> {
  const handle = await fs.open(file, "r");
  try {
    const { size } = await handle.stat();
    const hash = createHash("sha256");
    hash.update(`sichter-fp-v1:${size}:`);
    const offsets =
      size <= 3 * FINGERPRINT_CHUNK ? [0] : [0, Math.floor(size / 2) - FINGERPRINT_CHUNK / 2, size - FINGERPRINT_CHUNK];
    const length = size <= 3 * FINGERPRINT_CHUNK ? size : FINGERPRINT_CHUNK;
    const buffer = Buffer.alloc(Math.max(length, 1));
    for (const offset of offsets) {
      let read = 0;
      while (read < length) {
        const { bytesRead } = await handle.read(buffer, read, length - read, offset + read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      hash.update(buffer.subarray(0, read));
    }
    return `sha256:${hash.digest("hex")}`;
  } finally {
    await handle.close();
  }
}
