import type { RgbImage } from "@sichter/engine/extension-api";

/** Mean luma of each cell of a coarse grid over a picture: enough to tell "nothing moved". */
export interface PictureGrid {
  readonly columns: number;
  readonly rows: number;
  readonly cells: Float32Array;
}

/**
 * Averages a picture into `columns` x `rows` cells. Averaging hundreds of pixels per cell removes
 * sensor noise and compression jitter, while a word appearing changes the cells it covers by
 * several levels.
 */
export function pictureGrid(image: RgbImage, columns = 32, rows = 18): PictureGrid {
  const sums = new Float64Array(columns * rows);
  const counts = new Uint32Array(columns * rows);
  const { width, height, data } = image;
  const columnOf = new Int32Array(width);
  for (let x = 0; x < width; x++) columnOf[x] = Math.min(columns - 1, Math.floor((x * columns) / width));
  for (let y = 0; y < height; y++) {
    const row = Math.min(rows - 1, Math.floor((y * rows) / height)) * columns;
    for (let x = 0, i = y * width * 3; x < width; x++, i += 3) {
      const cell = row + columnOf[x]!;
      sums[cell]! += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
      counts[cell]! += 1;
    }
  }
  const cells = new Float32Array(columns * rows);
  for (let c = 0; c < cells.length; c++) cells[c] = counts[c]! > 0 ? sums[c]! / counts[c]! : 0;
  return { columns, rows, cells };
}

/** The largest change of any one cell (0..255): local, so one new word is not averaged away. */
export function largestCellChange(a: PictureGrid, b: PictureGrid): number {
  if (a.cells.length !== b.cells.length) return Infinity;
  let largest = 0;
  for (let c = 0; c < a.cells.length; c++) largest = Math.max(largest, Math.abs(a.cells[c]! - b.cells[c]!));
  return largest;
}
