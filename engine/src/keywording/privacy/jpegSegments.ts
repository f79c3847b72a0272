import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";
import { MAX_LONG_SIDE } from "./imageLimits.ts";

/** One marker of a JPEG file. */
export interface JpegSegment {
  /** The marker code, the byte after 0xFF (0xD8 SOI, 0xE1 APP1, 0xFE COM, ...). */
  readonly marker: number;
  readonly name: string;
  /** Index of the 0xFF that introduces the marker (after any fill bytes). */
  readonly offset: number;
  /**
   * The segment's length field as the standard defines it: the two length bytes plus the payload,
   * without the two marker bytes; 0 for markers without a payload (SOI, EOI, RSTn). The segment
   * therefore ends at `offset + 2 + length`.
   */
  readonly length: number;
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;

/**
 * The markers of a JPEG, in file order. By default it stops at the first SOS (start of scan), which
 * is where the headers end. With `throughScans` it also walks the entropy-coded data to the EOI, so
 * markers placed between or after scans (progressive files, a trailing COM) are seen too.
 * Throws a plain Error for anything that is not a well-formed JPEG up to that point.
 */
export function jpegSegments(buf: Uint8Array, options: { throughScans?: boolean } = {}): JpegSegment[] {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== SOI) throw new Error("not a JPEG: it does not start with SOI");
  const segments: JpegSegment[] = [{ marker: SOI, name: "SOI", offset: 0, length: 0 }];
  let pos = 2;
  for (;;) {
    if (pos >= buf.length) throw new Error("truncated: the file ends before the image data is complete");
    if (buf[pos] !== 0xff) throw new Error(`not a JPEG: expected a marker at byte ${pos}`);
    // Any number of 0xFF fill bytes may precede a marker code.
    let code = pos + 1;
    while (code < buf.length && buf[code] === 0xff) code++;
    if (code >= buf.length) throw new Error("truncated: the file ends inside a marker");
    const marker = buf[code]!;
    const offset = code - 1;
    if (marker === 0x00 || marker === SOI)
      throw new Error(`not a JPEG: unexpected byte 0x${hex(marker)} after 0xFF at byte ${code}`);
    if (hasNoPayload(marker)) {
      segments.push({ marker, name: markerName(marker), offset, length: 0 });
      if (marker === EOI) return segments;
      pos = code + 1;
      continue;
    }
    if (code + 2 >= buf.length) throw new Error(`truncated: the ${markerName(marker)} segment has no length`);
    const length = (buf[code + 1]! << 8) | buf[code + 2]!;
    if (length < 2) throw new Error(`not a JPEG: the ${markerName(marker)} segment declares length ${length}`);
    const end = code + 1 + length;
    if (end > buf.length) throw new Error(`truncated: the ${markerName(marker)} segment runs past the end of the file`);
    segments.push({ marker, name: markerName(marker), offset, length });
    pos = end;
    if (marker === SOS) {
      if (!options.throughScans) return segments;
      pos = skipScanData(buf, pos);
    }
  }
}

/** Width and height from the frame header (SOF0 baseline, SOF1 extended, SOF2 progressive). */
export function jpegSize(buf: Uint8Array): { width: number; height: number } {
  const sof = jpegSegments(buf).find((s) => isSupportedFrame(s.marker));
  if (!sof) throw new Error("not a supported JPEG: no baseline, extended or progressive frame header");
  if (sof.length < 8) throw new Error("not a JPEG: the frame header is too short");
  // Payload after the length field: precision (1 byte), height (2), width (2).
  const at = sof.offset + 5;
  return { height: (buf[at]! << 8) | buf[at + 1]!, width: (buf[at + 2]! << 8) | buf[at + 3]! };
}

/**
 * The last gate before an image leaves the machine: refuses (PRIVACY_IMAGE_REFUSED) anything that
 * could carry more than pixels — APP1..APP15 (EXIF, XMP, ICC, vendor blocks with GPS or serial
 * numbers), COM, a JFIF thumbnail, bytes after EOI — an image above the long-side cap, and anything
 * that is not one complete JPEG. Returns the image size.
 */
export function assertCleanJpeg(buf: Uint8Array, maxLongSide: number): { width: number; height: number } {
  const cap = Math.min(maxLongSide, MAX_LONG_SIDE);
  let segments: JpegSegment[];
  try {
    segments = jpegSegments(buf, { throughScans: true });
  } catch (error) {
    throw refused((error as Error).message, error);
  }
  let frames = 0;
  let scans = 0;
  for (const s of segments) {
    const m = s.marker;
    if (m === APP0) checkJfif(buf, s);
    else if (m > APP0 && m <= 0xef) throw refused(`it carries an ${s.name} segment (${appKind(buf, s)})`);
    else if (m === 0xfe) throw refused("it carries a comment (COM) segment");
    else if (isSupportedFrame(m)) frames++;
    else if (m === SOS) scans++;
    else if (!ALLOWED_OTHERS.has(m) && !(m >= 0xd0 && m <= 0xd7))
      throw refused(`it carries a ${s.name} segment, which is not allowed`);
  }
  const last = segments.at(-1)!;
  if (last.marker !== EOI) throw refused("truncated: no end-of-image marker");
  if (last.offset + 2 !== buf.length)
    throw refused(`${buf.length - last.offset - 2} bytes follow the end-of-image marker`);
  if (frames !== 1)
    throw refused(`it has ${frames} frame headers; exactly one baseline, extended or progressive frame is allowed`);
  if (scans === 0) throw refused("it has no image data");
  const { width, height } = jpegSize(buf);
  if (width === 0 || height === 0) throw refused(`its frame header declares ${width}x${height}`);
  if (Math.max(width, height) > cap) throw refused(`it is ${width}x${height}, above the ${cap} px long-side cap`);
  return { width, height };
}

/** Start, end, table and restart-interval markers a clean JPEG needs (SOFn, SOS, APP0, RSTn are handled apart). */
const ALLOWED_OTHERS = new Set([SOI, EOI, 0xdb /* DQT */, 0xc4 /* DHT */, 0xdd /* DRI */]);

/** APP0 must be a plain JFIF header: JFXX extensions and JFIF thumbnails are further images. */
function checkJfif(buf: Uint8Array, s: JpegSegment): void {
  const at = s.offset + 4;
  const id = Buffer.from(buf.subarray(at, at + 5)).toString("latin1");
  if (id !== "JFIF\0") throw refused(`its APP0 segment is not a JFIF header (${printable(id)})`);
  // JFIF payload: id (5), version (2), units (1), densities (4), thumbnail width and height (1 + 1).
  if (s.length !== 16 || buf[at + 12] !== 0 || buf[at + 13] !== 0) throw refused("its JFIF header carries a thumbnail");
}

/** What an APPn usually holds, so the refusal says why it matters. */
function appKind(buf: Uint8Array, s: JpegSegment): string {
  const head = Buffer.from(buf.subarray(s.offset + 4, s.offset + 4 + Math.min(s.length - 2, 32))).toString("latin1");
  if (head.startsWith("Exif\0")) return "EXIF metadata";
  if (head.startsWith("http://ns.adobe.com/x")) return "XMP metadata";
  if (head.startsWith("ICC_PROFILE\0")) return "ICC profile";
  return "application metadata";
}

function refused(detail: string, cause?: unknown): SichterError {
  return new SichterError(ErrorCode.PRIVACY_IMAGE_REFUSED, { detail }, cause === undefined ? undefined : { cause });
}

function isSupportedFrame(marker: number): boolean {
  return marker === 0xc0 || marker === 0xc1 || marker === 0xc2;
}

function hasNoPayload(marker: number): boolean {
  return marker === EOI || marker === 0x01 /* TEM */ || (marker >= 0xd0 && marker <= 0xd7);
}

const NAMES: Record<number, string> = {
  0x01: "TEM",
  0xc4: "DHT",
  0xc8: "JPG",
  0xcc: "DAC",
  0xd8: "SOI",
  0xd9: "EOI",
  0xda: "SOS",
  0xdb: "DQT",
  0xdc: "DNL",
  0xdd: "DRI",
  0xde: "DHP",
  0xdf: "EXP",
  0xfe: "COM",
};

function markerName(marker: number): string {
  const known = NAMES[marker];
  if (known) return known;
  if (marker >= 0xc0 && marker <= 0xcf) return `SOF${marker - 0xc0}`;
  if (marker >= 0xd0 && marker <= 0xd7) return `RST${marker - 0xd0}`;
  if (marker >= 0xe0 && marker <= 0xef) return `APP${marker - 0xe0}`;
  if (marker >= 0xf0 && marker <= 0xfd) return `JPG${marker - 0xf0}`;
  return `0x${hex(marker)}`;
}

/**
 * Skips entropy-coded data: 0xFF 0x00 is an escaped data byte and RSTn markers sit inside a scan;
 * any other marker ends it. Returns the index of the 0xFF (or first fill byte) of that marker.
 */
function skipScanData(buf: Uint8Array, from: number): number {
  let pos = buf.indexOf(0xff, from);
  while (pos !== -1) {
    let next = pos + 1;
    while (next < buf.length && buf[next] === 0xff) next++;
    if (next >= buf.length) break;
    const m = buf[next]!;
    if (m !== 0x00 && !(m >= 0xd0 && m <= 0xd7)) return pos;
    pos = buf.indexOf(0xff, next + 1);
  }
  throw new Error("truncated: the image data runs to the end of the file without an end-of-image marker");
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, "0");
}

function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, "?");
}
