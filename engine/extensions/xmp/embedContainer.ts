import fs from "node:fs/promises";
import path from "node:path";
import { ErrorCode, SichterError } from "@sichter/engine/extension-api";

export type EmbeddableContainer = "MOV" | "MP4";

/** ISO-BMFF brands that are still images, not footage (exiftool writes them, Sichter should not). */
const STILL_IMAGE_BRANDS = new Set(["heic", "heix", "hevc", "mif1", "msf1", "avif", "avis", "crx "]);

/** How far we walk top-level boxes before giving up; real files have a handful. */
const MAX_TOP_LEVEL_BOXES = 10_000;

/**
 * Decides from the bytes (not the extension: a `.mp4` may be a transport stream, a `.mov` may be
 * MXF after a bad rename) whether XMP can be embedded. Only QuickTime MOV and non-fragmented MP4
 * qualify: exiftool cannot write MXF, MPEG-TS, AVI or Matroska, and it refuses movie fragments
 * half way ("Can't yet handle movie fragments"). Refusing here means the file is never touched.
 */
export async function detectEmbeddableContainer(file: string, shownPath: string): Promise<EmbeddableContainer> {
  const handle = await fs.open(file, "r");
  try {
    const size = (await handle.stat()).size;
    const head = await readAt(handle, 0, 16);
    const refused = recognizeOtherContainer(head);
    if (refused) throw unsupported(refused, shownPath);

    let offset = 0;
    let brand: string | null = null;
    let sawMoov = false;
    for (let n = 0; n < MAX_TOP_LEVEL_BOXES && offset + 8 <= size; n++) {
      const header = await readAt(handle, offset, 16);
      if (header.length < 8) break;
      const type = header.subarray(4, 8).toString("latin1");
      let boxSize = header.readUInt32BE(0);
      let headerSize = 8;
      if (boxSize === 1) {
        if (header.length < 16) break;
        boxSize = Number(header.readBigUInt64BE(8));
        headerSize = 16;
      } else if (boxSize === 0) {
        boxSize = size - offset;
      }
      if (!/^[\x20-\x7e]{4}$/.test(type) || boxSize < headerSize) break; // not a box: stop walking
      if (type === "ftyp") brand = (await readAt(handle, offset + 8, 4)).toString("latin1");
      if (type === "moof" || type === "mfra") throw unsupported("fragmented MP4", shownPath);
      if (type === "moov") {
        sawMoov = true;
        if (await containsChildBox(handle, offset + headerSize, offset + boxSize, "mvex")) {
          throw unsupported("fragmented MP4", shownPath);
        }
      }
      offset += boxSize;
    }
    if (!sawMoov) throw unsupported(formatFromExtension(shownPath), shownPath);
    if (brand !== null && STILL_IMAGE_BRANDS.has(brand)) throw unsupported(`image (${brand.trim()})`, shownPath);
    // QuickTime files carry brand "qt  " or, when very old, no ftyp at all.
    return brand === null || brand === "qt  " ? "MOV" : "MP4";
  } finally {
    await handle.close();
  }
}

/** Containers exiftool can read but not write, recognised by their first bytes. */
function recognizeOtherContainer(b: Buffer): string | null {
  if (b.length >= 4 && b.subarray(0, 4).equals(Buffer.from([0x06, 0x0e, 0x2b, 0x34]))) return "MXF";
  if (b.length >= 4 && b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))) return "Matroska/WebM";
  if (b.length >= 12 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "AVI ") return "AVI";
  if (b.length >= 4 && b.subarray(0, 4).equals(Buffer.from([0x00, 0x00, 0x01, 0xba]))) return "MPEG-PS";
  if (b[0] === 0x47) return "MPEG-TS";
  if (b.length >= 5 && b[4] === 0x47 && !/^[\x20-\x7e]{4}$/.test(b.toString("latin1", 4, 8))) return "M2TS";
  return null;
}

async function containsChildBox(handle: fs.FileHandle, start: number, end: number, wanted: string): Promise<boolean> {
  let offset = start;
  for (let n = 0; n < MAX_TOP_LEVEL_BOXES && offset + 8 <= end; n++) {
    const header = await readAt(handle, offset, 16);
    if (header.length < 8) return false;
    let boxSize = header.readUInt32BE(0);
    if (boxSize === 1 && header.length === 16) boxSize = Number(header.readBigUInt64BE(8));
    else if (boxSize === 0) boxSize = end - offset;
    if (header.subarray(4, 8).toString("latin1") === wanted) return true;
    if (boxSize < 8) return false;
    offset += boxSize;
  }
  return false;
}

async function readAt(handle: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function formatFromExtension(file: string): string {
  const ext = path.extname(file).slice(1).toUpperCase();
  return ext === "" ? "unknown" : ext;
}

function unsupported(format: string, shownPath: string): SichterError {
  return new SichterError(ErrorCode.XMP_UNSUPPORTED_FORMAT, { format, path: shownPath });
}
