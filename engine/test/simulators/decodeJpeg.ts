import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runTool } from "../../src/media/ToolProcess.ts";

/**
 * What a simulated vision service "sees": the JPEG decoded to RGB pixels, and the colour at a spot.
 * Both simulators use it, so their answers follow from the picture that was really sent rather than
 * from anything the provider says about it.
 */
export interface DecodedJpeg {
  readonly width: number;
  readonly height: number;
  /** RGB24, row-major. */
  readonly data: Uint8Array;
}

export type Rgb = readonly [number, number, number];

/**
 * Width and height from the JPEG's frame header, or undefined when the bytes are not a JPEG. Cheap
 * enough to run on every request, like a service's first format check before it decodes anything.
 */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return undefined;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    // Fill bytes and markers without a length field.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    // SOF0..SOF15 carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
    const isFrameHeader = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrameHeader) {
      if (at + 9 > bytes.length) return undefined;
      const height = (bytes[at + 5]! << 8) | bytes[at + 6]!;
      const width = (bytes[at + 7]! << 8) | bytes[at + 8]!;
      return width > 0 && height > 0 ? { width, height } : undefined;
    }
    if (marker === 0xda || length < 2) return undefined; // start of scan before any frame header
    at += 2 + length;
  }
  return undefined;
}

/** Decodes a JPEG with the engine's ffmpeg; undefined when the bytes are not a decodable JPEG. */
export async function decodeJpeg(bytes: Uint8Array): Promise<DecodedJpeg | undefined> {
  const size = jpegSize(bytes);
  if (size === undefined) return undefined;
  // runTool gives ffmpeg no stdin, so the picture goes through a temporary file of its own.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-sim-"));
  try {
    const file = path.join(dir, "image.jpg");
    fs.writeFileSync(file, bytes);
    // "explode": a damaged picture is an error, as a service rejects it, not a grey frame.
    const run = await runTool("ffmpeg", [
      "-v",
      "error",
      "-nostdin",
      "-err_detect",
      "explode",
      "-i",
      file,
      "-frames:v",
      "1",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "pipe:1",
    ]);
    if (run.code !== 0 || run.output.length !== size.width * size.height * 3) return undefined;
    return { ...size, data: new Uint8Array(run.output) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Mean colour of a small square around the centre of one cell of a columns x rows grid (cell 0 is
 * top left, reading order). A square rather than one pixel: JPEG blocks smear single pixels.
 */
export function cellCentreColour(image: DecodedJpeg, cell: number, columns: number, rows: number): Rgb {
  const cellWidth = image.width / columns;
  const cellHeight = image.height / rows;
  const cx = Math.floor((cell % columns) * cellWidth + cellWidth / 2);
  const cy = Math.floor(Math.floor(cell / columns) * cellHeight + cellHeight / 2);
  const radius = Math.max(0, Math.min(3, Math.floor(Math.min(cellWidth, cellHeight) / 4)));
  const sum = [0, 0, 0];
  let count = 0;
  for (let y = Math.max(0, cy - radius); y <= Math.min(image.height - 1, cy + radius); y++) {
    for (let x = Math.max(0, cx - radius); x <= Math.min(image.width - 1, cx + radius); x++) {
      const i = (y * image.width + x) * 3;
      sum[0]! += image.data[i]!;
      sum[1]! += image.data[i + 1]!;
      sum[2]! += image.data[i + 2]!;
      count++;
    }
  }
  return [Math.round(sum[0]! / count), Math.round(sum[1]! / count), Math.round(sum[2]! / count)];
}

/** The named colour closest to `colour` (Euclidean in RGB), with that distance. */
export function nearestColour<Name extends string>(
  colour: Rgb,
  palette: Readonly<Record<Name, Rgb>>,
): { name: Name; distance: number } {
  let best: { name: Name; distance: number } | undefined;
  for (const [name, reference] of Object.entries(palette) as [Name, Rgb][]) {
    const distance = Math.hypot(colour[0] - reference[0], colour[1] - reference[1], colour[2] - reference[2]);
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  if (best === undefined) throw new Error("nearestColour needs a palette with at least one colour");
  return best;
}

/** ffmpeg's own values for the colour names the test pictures are made from. */
export const TEST_PALETTE = {
  red: [255, 0, 0],
  green: [0, 128, 0],
  blue: [0, 0, 255],
  gray: [128, 128, 128],
  yellow: [255, 255, 0],
  white: [255, 255, 255],
  black: [0, 0, 0],
} as const satisfies Record<string, Rgb>;

export type TestColour = keyof typeof TEST_PALETTE;
