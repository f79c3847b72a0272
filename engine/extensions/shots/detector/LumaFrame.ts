/**
 * A small luma frame plus the statistics every comparison needs. `z` is the frame normalised to
 * zero mean and unit contrast: comparing normalised frames ignores global brightness and contrast,
 * so a photographer's flash or a fade step is not "new content", while a cut still is.
 */
export interface LumaFrame {
  readonly index: number;
  readonly width: number;
  readonly height: number;
  readonly luma: Uint8Array;
  readonly z: Float32Array;
  readonly mean: number;
  readonly std: number;
  /**
   * The U and V planes at the luma's size (see SHOT_GEOMETRY), when the frame was decoded with
   * them: a cut between two takes of one scene under other light shows only here.
   */
  readonly chroma?: { readonly u: Uint8Array; readonly v: Uint8Array };
}

/** Below this contrast (in 8-bit levels) a frame is treated as flat: black, white or a solid colour. */
export const FLAT_STD = 10;

/** Contrast floor for normalisation, so sensor noise on a near-flat frame is not blown up. */
const STD_FLOOR = 8;

/** `pixels` is a luma plane, optionally followed by U and V planes of the same size (SHOT_GEOMETRY). */
export function toLumaFrame(index: number, pixels: Uint8Array, width: number, height: number): LumaFrame {
  const n = width * height;
  const luma = pixels.length > n ? pixels.subarray(0, n) : pixels;
  const chroma =
    pixels.length >= 3 * n ? { u: pixels.subarray(n, 2 * n), v: pixels.subarray(2 * n, 3 * n) } : undefined;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += luma[i]!;
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const d = luma[i]! - mean;
    sq += d * d;
  }
  const std = Math.sqrt(sq / n);
  const scale = 1 / Math.max(std, STD_FLOOR);
  const z = new Float32Array(n);
  for (let i = 0; i < n; i++) z[i] = (luma[i]! - mean) * scale;
  return { index, width, height, luma, z, mean, std, ...(chroma && { chroma }) };
}

export function isFlat(frame: LumaFrame): boolean {
  return frame.std < FLAT_STD;
}

/**
 * A frame at the bottom of a fade: black or white with almost no picture left. Stricter than
 * `isFlat`, because fog, night skies and fine patterns are low in contrast too, but not black.
 */
export function isFadeFrame(mean: number, std: number): boolean {
  return std < 5 && (mean < 28 || mean > 228);
}
