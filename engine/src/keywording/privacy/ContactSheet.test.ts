import { ErrorCode } from "@sichter/shared/errors";
import { describe, expect, it } from "vitest";
import type { RgbImage } from "../../media/FrameSource.ts";
import { runTool } from "../../media/ToolProcess.ts";
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphInk } from "./bitmapFont.ts";
import {
  buildContactSheet,
  GUTTER_COLOUR,
  LABEL_BOX_COLOUR,
  LABEL_INK_COLOUR,
  labelBoxSize,
  sheetMetrics,
} from "./ContactSheet.ts";
import { encodeJpeg } from "./encodeJpeg.ts";

type Rgb = readonly [number, number, number];

function solid(width: number, height: number, colour: Rgb): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set(colour, i * 3);
  return { width, height, data };
}

function pixel(image: RgbImage, x: number, y: number): Rgb {
  const at = (y * image.width + x) * 3;
  return [image.data[at]!, image.data[at + 1]!, image.data[at + 2]!];
}

const COLOURS: Rgb[] = [
  [200, 30, 30],
  [30, 200, 30],
  [30, 30, 200],
  [200, 200, 30],
  [30, 200, 200],
  [200, 30, 200],
  [120, 90, 60],
];

describe("buildContactSheet", () => {
  it("places solid tiles into equal cells in reading order, with gutters and an empty last cell", () => {
    const tiles = COLOURS.slice(0, 5).map((c, i) => ({ label: String(i + 1), image: solid(64, 36, c) }));
    const sheet = buildContactSheet(tiles, { columns: 3, tileWidth: 128 });
    const { gutter } = sheetMetrics(128);
    expect(gutter).toBe(2);
    // 3 cells of 128 + 2 gutters; cells as tall as a 64x36 tile at 128 wide (72), 2 rows.
    expect([sheet.columns, sheet.rows]).toEqual([3, 2]);
    expect([sheet.image.width, sheet.image.height]).toEqual([3 * 128 + 2 * gutter, 2 * 72 + gutter]);
    expect(sheet.image.data.length).toBe(sheet.image.width * sheet.image.height * 3);
    expect(sheet.cells).toEqual([
      { label: "1", x: 0, y: 0, width: 128, height: 72 },
      { label: "2", x: 130, y: 0, width: 128, height: 72 },
      { label: "3", x: 260, y: 0, width: 128, height: 72 },
      { label: "4", x: 0, y: 74, width: 128, height: 72 },
      { label: "5", x: 130, y: 74, width: 128, height: 72 },
    ]);
    const box = labelBoxSize("1", 128);
    sheet.cells.forEach((cell, i) => {
      // Every pixel of the cell outside the label box is the tile's colour.
      const wrong: string[] = [];
      for (let y = cell.y; y < cell.y + cell.height; y++) {
        for (let x = cell.x; x < cell.x + cell.width; x++) {
          if (x < cell.x + box.width && y < cell.y + box.height) continue;
          if (pixel(sheet.image, x, y).join() !== COLOURS[i]!.join()) wrong.push(`${x},${y}`);
        }
      }
      expect(wrong.slice(0, 5), `cell ${cell.label}: ${wrong.length} pixels off`).toEqual([]);
    });
    expect(pixel(sheet.image, 128, 10)).toEqual(GUTTER_COLOUR);
    expect(pixel(sheet.image, 50, 72)).toEqual(GUTTER_COLOUR);
    expect(pixel(sheet.image, 300, 100)).toEqual(GUTTER_COLOUR); // the unused sixth cell
  });

  it("uses fewer columns when there are fewer tiles", () => {
    const sheet = buildContactSheet(
      [
        { label: "1", image: solid(64, 36, COLOURS[0]!) },
        { label: "2", image: solid(64, 36, COLOURS[1]!) },
      ],
      {
        columns: 4,
        tileWidth: 64,
      },
    );
    expect([sheet.columns, sheet.rows, sheet.image.width, sheet.image.height]).toEqual([2, 1, 2 * 64 + 2, 36]);
  });

  it("draws each label white on black in the cell's top-left corner, at least 21 px tall at 256", () => {
    const tiles = ["7", "16"].map((label, i) => ({ label, image: solid(320, 180, COLOURS[i]!) }));
    const sheet = buildContactSheet(tiles, { columns: 2, tileWidth: 256 });
    const { glyphScale, padding } = sheetMetrics(256);
    expect(GLYPH_HEIGHT * glyphScale).toBeGreaterThanOrEqual(21);
    for (const cell of sheet.cells) {
      const box = labelBoxSize(cell.label, 256);
      expect(pixel(sheet.image, cell.x, cell.y)).toEqual(LABEL_BOX_COLOUR);
      expect(pixel(sheet.image, cell.x + box.width - 1, cell.y + box.height - 1)).toEqual(LABEL_BOX_COLOUR);
      expect(pixel(sheet.image, cell.x + box.width, cell.y + box.height)).not.toEqual(LABEL_BOX_COLOUR);
      [...cell.label].forEach((char, i) => {
        const left = cell.x + padding + i * (GLYPH_WIDTH + 1) * glyphScale;
        for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
          for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
            for (const [dx, dy] of [
              [0, 0],
              [glyphScale - 1, glyphScale - 1],
            ] as const) {
              const expected = glyphInk(char, gx, gy) ? LABEL_INK_COLOUR : LABEL_BOX_COLOUR;
              expect(pixel(sheet.image, left + gx * glyphScale + dx, cell.y + padding + gy * glyphScale + dy)).toEqual(
                expected,
              );
            }
          }
        }
      });
    }
  });

  it("averages when shrinking (box filter) instead of picking pixels", () => {
    // One-pixel black/white stripes: halving them must give grey, not a solid black or white.
    const stripes = solid(64, 32, [0, 0, 0]);
    for (let i = 0; i < 64 * 32; i += 2) stripes.data.set([255, 255, 255], i * 3);
    const sheet = buildContactSheet([{ label: "1", image: stripes }], { columns: 1, tileWidth: 32 });
    const [r, g, b] = pixel(sheet.image, 30, 14);
    expect([r, g, b]).toEqual([128, 128, 128]);
  });

  it("letterboxes a tile whose aspect differs from the cell's, keeping it centred", () => {
    const tiles = [
      { label: "1", image: solid(64, 36, COLOURS[0]!) },
      { label: "2", image: solid(36, 64, COLOURS[1]!) },
    ];
    const sheet = buildContactSheet(tiles, { columns: 2, tileWidth: 64 });
    const cell = sheet.cells[0]!;
    expect(cell.height).toBe(Math.round((64 * 64) / 36));
    expect(pixel(sheet.image, 32, Math.floor(cell.height / 2))).toEqual(COLOURS[0]);
    expect(pixel(sheet.image, 32, cell.height - 2)).toEqual([0, 0, 0]);
    expect(pixel(sheet.image, sheet.cells[1]!.x + 32, cell.height - 2)).toEqual(COLOURS[1]);
  });

  it("refuses labels the font cannot draw, duplicates, labels wider than a cell and bad options", () => {
    const image = solid(64, 36, COLOURS[0]!);
    const refuse = (fn: () => unknown, detail: RegExp) =>
      expect(fn).toThrow(
        expect.objectContaining({ code: ErrorCode.INTERNAL, params: { detail: expect.stringMatching(detail) } }),
      );
    refuse(() => buildContactSheet([{ label: "1a", image }], { columns: 1, tileWidth: 64 }), /cannot draw: "a"/);
    refuse(() => buildContactSheet([{ label: "Ä", image }], { columns: 1, tileWidth: 64 }), /cannot draw: "Ä"/);
    refuse(() => buildContactSheet([{ label: "", image }], { columns: 1, tileWidth: 64 }), /empty/);
    refuse(
      () =>
        buildContactSheet(
          [
            { label: "3", image },
            { label: "3", image },
          ],
          { columns: 2, tileWidth: 64 },
        ),
      /used twice/,
    );
    refuse(
      () => buildContactSheet([{ label: "1234567890", image }], { columns: 1, tileWidth: 32 }),
      /more than a 32x18 cell/,
    );
    refuse(() => buildContactSheet([], { columns: 1, tileWidth: 64 }), /at least one tile/);
    refuse(() => buildContactSheet([{ label: "1", image }], { columns: 0, tileWidth: 64 }), /columns/);
    refuse(
      () =>
        buildContactSheet([{ label: "1", image: { width: 4, height: 4, data: new Uint8Array(5) } }], {
          columns: 1,
          tileWidth: 64,
        }),
      /not an RGB24/,
    );
  });

  it("keeps labels legible through the JPEG encode that sends it", async () => {
    const tiles = Array.from({ length: 6 }, (_, i) => ({ label: String(i + 11), image: solid(320, 180, COLOURS[i]!) }));
    const sheet = buildContactSheet(tiles, { columns: 3, tileWidth: 256 });
    const { jpeg, width, height } = await encodeJpeg(sheet.image, { maxLongSide: 768, quality: 85 });
    const exit = await runTool(
      "ffmpeg",
      ["-v", "error", "-nostdin", "-f", "mjpeg", "-i", "pipe:0", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"],
      undefined,
      {
        stdin: jpeg,
      },
    );
    const back: RgbImage = { width, height, data: new Uint8Array(exit.output) };
    const scale = width / sheet.image.width;
    const { glyphScale, padding } = sheetMetrics(256);
    let ink = 0;
    let inkCount = 0;
    let paper = 0;
    let paperCount = 0;
    let misread = 0;
    for (const cell of sheet.cells) {
      [...cell.label].forEach((char, i) => {
        for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
          for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
            const cx = cell.x + padding + i * (GLYPH_WIDTH + 1) * glyphScale + gx * glyphScale + glyphScale / 2;
            const cy = cell.y + padding + gy * glyphScale + glyphScale / 2;
            const [r] = pixel(back, Math.floor(cx * scale), Math.floor(cy * (height / sheet.image.height)));
            if (glyphInk(char, gx, gy)) {
              ink += r;
              inkCount++;
              if (r < 128) misread++;
            } else {
              paper += r;
              paperCount++;
              if (r >= 128) misread++;
            }
          }
        }
      });
    }
    // Every glyph cell still reads as ink or paper on its own, and the two are far apart on average.
    expect(misread).toBe(0);
    expect(ink / inkCount).toBeGreaterThan(200);
    expect(paper / paperCount).toBeLessThan(50);
  });
});
