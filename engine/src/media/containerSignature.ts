import fs from "node:fs/promises";

/**
 * Whether a file starts like a video container. When ffprobe cannot open a file, this decides
 * between "damaged video" (an upload cut short keeps its header) and "not a video at all" (a text
 * file someone named .mp4): the user's next step differs.
 */
export async function hasVideoContainerSignature(file: string): Promise<boolean> {
  const handle = await fs.open(file, "r");
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, 16, 0);
    const b = head.subarray(0, bytesRead);
    const ascii = (from: number, to: number): string => b.subarray(from, to).toString("latin1");
    return (
      ["ftyp", "moov", "mdat", "wide", "free"].includes(ascii(4, 8)) || // QuickTime / MP4
      b.subarray(0, 4).equals(Buffer.from([0x06, 0x0e, 0x2b, 0x34])) || // MXF
      b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) || // Matroska / WebM
      b.subarray(0, 4).equals(Buffer.from([0x00, 0x00, 0x01, 0xba])) || // MPEG program stream
      (ascii(0, 4) === "RIFF" && ascii(8, 12) === "AVI ") ||
      (b[0] === 0x47 && bytesRead >= 1) // MPEG transport stream sync byte
    );
  } finally {
    await handle.close();
  }
}
