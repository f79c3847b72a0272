import { deflateSync } from "node:zlib";
import { crc32 } from "./crc32.ts";

/** Red, green, blue, alpha, each 0-255. */
export type Rgba = readonly [number, number, number, number];

/** An RGBA PNG of `width` x `height` whose pixel (x, y) is `pixel(x, y)`. */
export function pngImage(width: number, height: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < width; x++)
      rows.set(
        pixel(x, y).map((v) => Math.max(0, Math.min(255, Math.round(v)))),
        row + 1 + x * 4,
      );
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter set choice, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
