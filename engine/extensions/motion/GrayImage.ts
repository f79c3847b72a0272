/** A grey picture as floats (0..255), row-major. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/** Half size by 2x2 averaging (one pyramid level). */
export function halve(image: GrayImage): GrayImage {
  const width = Math.floor(image.width / 2);
  const height = Math.floor(image.height / 2);
  const data = new Float32Array(width * height);
  const w = image.width;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 2 * y * w + 2 * x;
      data[y * width + x] = (image.data[i]! + image.data[i + 1]! + image.data[i + w]! + image.data[i + w + 1]!) / 4;
    }
  }
  return { width, height, data };
}

/** Standard deviation of the levels: below a few levels a picture has nothing to track. */
export function contrastOf(image: GrayImage): number {
  let sum = 0;
  let sq = 0;
  for (const v of image.data) {
    sum += v;
    sq += v * v;
  }
  const n = image.data.length;
  return Math.sqrt(Math.max(0, sq / n - (sum / n) ** 2));
}

/**
 * Smoothed by [1 2 1]/4 across and down, same size. Bilinear interpolation is only a faithful
 * subpixel shift of a smooth picture; on detail near the pixel grid it pulls shifts towards whole
 * pixels.
 */
export function blur(image: GrayImage): GrayImage {
  const { width, height, data } = image;
  const across = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    // Edges repeat their outermost pixel; the interior needs no clamping.
    across[row] = (data[row]! + 2 * data[row]! + data[row + Math.min(width - 1, 1)]!) / 4;
    for (let x = 1; x < width - 1; x++) {
      across[row + x] = (data[row + x - 1]! + 2 * data[row + x]! + data[row + x + 1]!) / 4;
    }
    if (width > 1)
      across[row + width - 1] = (data[row + width - 2]! + 2 * data[row + width - 1]! + data[row + width - 1]!) / 4;
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const up = Math.max(0, y - 1) * width;
    const down = Math.min(height - 1, y + 1) * width;
    const row = y * width;
    for (let x = 0; x < width; x++) out[row + x] = (across[up + x]! + 2 * across[row + x]! + across[down + x]!) / 4;
  }
  return { width, height, data: out };
}
