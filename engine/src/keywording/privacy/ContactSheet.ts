import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";
import type { RgbImage } from "../../media/FrameSource.ts";
import { FONT_CHARACTERS, GLYPH_HEIGHT, GLYPH_WIDTH, glyphInk, hasGlyph } from "./bitmapFont.ts";

export interface ContactSheetTile {
  /** Drawn into the tile's top-left corner; the model answers per label. */
  readonly label: string;
  readonly image: RgbImage;
}

export interface ContactSheetOptions {
  /** Cells per row; fewer tiles than this make a single, narrower row. */
  readonly columns: number;
  /** Width of every cell in pixels. */
  readonly tileWidth: number;
}

export interface ContactSheetCell {
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ContactSheet {
  readonly image: RgbImage;
  readonly columns: number;
  readonly rows: number;
  /** One per tile, in the order given (reading order on the sheet). */
  readonly cells: ContactSheetCell[];
}

/** Between cells: dark, so the model sees separate pictures, but not black like the label boxes. */
export const GUTTER_COLOUR = [40, 40, 40] as const;
export const LABEL_BOX_COLOUR = [0, 0, 0] as const;
export const LABEL_INK_COLOUR = [255, 255, 255] as const;
/** Where a tile's aspect differs from the cell's, the rest of the cell. */
const LETTERBOX_COLOUR = [0, 0, 0] as const;

/**
 * Geometry of the label and gutter for a cell width. Glyphs scale with the cell (3x at 256 px, so
 * 21 px tall digits) because a label that JPEG blurs into a smudge makes every answer unusable.
 */
export function sheetMetrics(tileWidth: number): { glyphScale: number; padding: number; gutter: number } {
  const glyphScale = Math.max(1, Math.round((tileWidth * 3) / 256));
  return { glyphScale, padding: glyphScale, gutter: Math.max(2, Math.round(tileWidth / 64)) };
}

/**
 * Puts several keyframes on one picture, so one request (and one image's worth of tokens) covers a
 * clip. Cells are equal: as wide as `tileWidth`, as tall as the tallest tile scaled to that width;
 * each tile is scaled into its cell keeping its aspect (box filter when shrinking, nearest when
 * enlarging: plain TypeScript, no image library), labelled white-on-black in its top-left corner.
 */
export function buildContactSheet(tiles: ReadonlyArray<ContactSheetTile>, options: ContactSheetOptions): ContactSheet {
  const { columns, tileWidth } = options;
  if (!Number.isInteger(columns) || columns < 1) fail(`columns must be a positive integer, got ${columns}`);
  if (!Number.isInteger(tileWidth) || tileWidth < 16)
    fail(`tileWidth must be an integer of at least 16, got ${tileWidth}`);
  if (tiles.length === 0) fail("a contact sheet needs at least one tile");
  const seen = new Set<string>();
  for (const tile of tiles) {
    checkLabel(tile.label, seen);
    checkImage(tile.label, tile.image);
  }

  const { glyphScale, padding, gutter } = sheetMetrics(tileWidth);
  const cellWidth = tileWidth;
  const cellHeight = Math.max(
    ...tiles.map((t) => Math.max(1, Math.round((tileWidth * t.image.height) / t.image.width))),
  );
  const cols = Math.min(columns, tiles.length);
  const rows = Math.ceil(tiles.length / cols);
  const width = cols * cellWidth + (cols - 1) * gutter;
  const height = rows * cellHeight + (rows - 1) * gutter;
  const sheet: RgbImage = { width, height, data: new Uint8Array(width * height * 3) };
  fillRect(sheet, 0, 0, width, height, GUTTER_COLOUR);

  const cells = tiles.map((tile, i): ContactSheetCell => {
    const x = (i % cols) * (cellWidth + gutter);
    const y = Math.floor(i / cols) * (cellHeight + gutter);
    fillRect(sheet, x, y, cellWidth, cellHeight, LETTERBOX_COLOUR);
    const fit = Math.min(cellWidth / tile.image.width, cellHeight / tile.image.height);
    const w = Math.max(1, Math.min(cellWidth, Math.round(tile.image.width * fit)));
    const h = Math.max(1, Math.min(cellHeight, Math.round(tile.image.height * fit)));
    resizeInto(tile.image, sheet, x + Math.floor((cellWidth - w) / 2), y + Math.floor((cellHeight - h) / 2), w, h);
    drawLabel(sheet, tile.label, x, y, glyphScale, padding, cellWidth, cellHeight);
    return { label: tile.label, x, y, width: cellWidth, height: cellHeight };
  });
  return { image: sheet, columns: cols, rows, cells };
}

/** Size of the black box behind a label, padding included. */
export function labelBoxSize(label: string, tileWidth: number): { width: number; height: number } {
  const { glyphScale, padding } = sheetMetrics(tileWidth);
  const advance = (GLYPH_WIDTH + 1) * glyphScale;
  return { width: 2 * padding + label.length * advance - glyphScale, height: 2 * padding + GLYPH_HEIGHT * glyphScale };
}

function drawLabel(
  sheet: RgbImage,
  label: string,
  x: number,
  y: number,
  scale: number,
  padding: number,
  cellWidth: number,
  cellHeight: number,
): void {
  const box = labelBoxSize(label, cellWidth);
  if (box.width > cellWidth || box.height > cellHeight) {
    fail(`label "${label}" needs ${box.width}x${box.height} px, more than a ${cellWidth}x${cellHeight} cell`);
  }
  fillRect(sheet, x, y, box.width, box.height, LABEL_BOX_COLOUR);
  [...label].forEach((char, i) => {
    const left = x + padding + i * (GLYPH_WIDTH + 1) * scale;
    for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
      for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
        if (glyphInk(char, gx, gy))
          fillRect(sheet, left + gx * scale, y + padding + gy * scale, scale, scale, LABEL_INK_COLOUR);
      }
    }
  });
}

/**
 * Scales `src` into the w x h rectangle at (dx, dy) of `dst`. Each target pixel averages the source
 * pixels its footprint covers (a box filter, so shrinking does not alias fine detail into noise);
 * when enlarging the footprint is one pixel, which is nearest-neighbour.
 */
function resizeInto(src: RgbImage, dst: RgbImage, dx: number, dy: number, w: number, h: number): void {
  const spans = (from: number, to: number) =>
    Array.from({ length: to }, (_, i) => {
      const start = Math.floor((i * from) / to);
      return [start, Math.max(start + 1, Math.floor(((i + 1) * from) / to))] as const;
    });
  const xs = spans(src.width, w);
  const ys = spans(src.height, h);
  for (let ty = 0; ty < h; ty++) {
    const [y0, y1] = ys[ty]!;
    for (let tx = 0; tx < w; tx++) {
      const [x0, x1] = xs[tx]!;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = y0; sy < y1; sy++) {
        let at = (sy * src.width + x0) * 3;
        for (let sx = x0; sx < x1; sx++, at += 3) {
          r += src.data[at]!;
          g += src.data[at + 1]!;
          b += src.data[at + 2]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const out = ((dy + ty) * dst.width + dx + tx) * 3;
      dst.data[out] = Math.round(r / n);
      dst.data[out + 1] = Math.round(g / n);
      dst.data[out + 2] = Math.round(b / n);
    }
  }
}

function fillRect(
  image: RgbImage,
  x: number,
  y: number,
  w: number,
  h: number,
  colour: readonly [number, number, number],
): void {
  for (let row = y; row < y + h; row++) {
    for (let col = x; col < x + w; col++) image.data.set(colour, (row * image.width + col) * 3);
  }
}

function checkLabel(label: string, seen: Set<string>): void {
  if (label.length === 0) fail("a contact sheet label is empty");
  const bad = [...label].find((c) => !hasGlyph(c));
  if (bad !== undefined) {
    fail(
      `contact sheet label ${JSON.stringify(label)} has a character the built-in font cannot draw: ${JSON.stringify(bad)} (it draws ${FONT_CHARACTERS})`,
    );
  }
  // The model's answers are matched back to tiles by label; two alike would be ambiguous.
  if (seen.has(label)) fail(`contact sheet label ${JSON.stringify(label)} is used twice`);
  seen.add(label);
}

function checkImage(label: string, image: RgbImage): void {
  const { width, height, data } = image;
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 1 ||
    height < 1 ||
    data.length !== width * height * 3
  ) {
    fail(`tile ${JSON.stringify(label)} is not an RGB24 image (${width}x${height}, ${data.length} bytes)`);
  }
}

function fail(detail: string): never {
  throw new SichterError(ErrorCode.INTERNAL, { detail });
}
