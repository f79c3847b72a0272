import type { RgbImage } from "@sichter/engine/extension-api";

/**
 * Tests on small RGB pictures (64x36 is plenty): black, colour bars, and "same picture". Levels are
 * 8-bit full-range RGB as ffmpeg converts limited-range video, so video black (Y=16) arrives as 0.
 */

/** Black: mean luma at most this (of 255) ... */
export const BLACK_MEAN = 20;
/** ... and at least 99 % of pixels at most this, so a dark night shot with a lit window is not black. */
export const BLACK_PIXEL = 40;

export function lumaOf(image: RgbImage): Uint8Array {
  const n = image.width * image.height;
  const out = new Uint8Array(n);
  const d = image.data;
  for (let i = 0; i < n; i++) out[i] = Math.round(0.2126 * d[3 * i]! + 0.7152 * d[3 * i + 1]! + 0.0722 * d[3 * i + 2]!);
  return out;
}

export function isBlack(image: RgbImage): boolean {
  const luma = lumaOf(image);
  let sum = 0;
  let bright = 0;
  for (const v of luma) {
    sum += v;
    if (v > BLACK_PIXEL) bright++;
  }
  return sum / luma.length <= BLACK_MEAN && bright <= luma.length * 0.01;
}

/**
 * Mean absolute difference per channel value between two pictures of the same size, in 8-bit levels.
 * A held (frozen) picture re-encoded by a long-GOP encoder differs by well under one level at 64x36;
 * the smallest real motion (a slow pan, grain) by several.
 */
export function meanAbsDifference(a: RgbImage, b: RgbImage): number {
  const n = a.data.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(a.data[i]! - b.data[i]!);
  return sum / n;
}

/** Two pictures show the same frozen image (levels, see `meanAbsDifference`). */
export const SAME_PICTURE = 1.5;

export function samePicture(a: RgbImage, b: RgbImage): boolean {
  return meanAbsDifference(a, b) <= SAME_PICTURE;
}

/** A value that moved this many levels changed locally: an intra-only codec repeats a held picture well within it at 64x36. */
export const LOCAL_CHANGE = 4;
/** Share of values that may change locally in a held picture (a stray block of codec noise). */
const LOCAL_SHARE = 0.005;

/**
 * The same frozen picture, everywhere in it: `samePicture`, and no part of it changed. Leaves in
 * wind or water keep changing in small places while the mean difference stays under a level; a
 * freeze frame changes nowhere.
 */
export function heldPicture(a: RgbImage, b: RgbImage): boolean {
  if (!samePicture(a, b)) return false;
  let changed = 0;
  for (let i = 0; i < a.data.length; i++) if (Math.abs(a.data[i]! - b.data[i]!) > LOCAL_CHANGE) changed++;
  return changed <= a.data.length * LOCAL_SHARE;
}

/** Colour of a bar as on/off per channel: 0b111 white or grey, 0b110 yellow, ... 0b000 black. */
type BarColour = number;
const YELLOW = 0b110;
const CYAN = 0b011;
const GREEN = 0b010;
const MAGENTA = 0b101;
const RED = 0b100;
const BLUE = 0b001;
/** The colour order shared by SMPTE (ECR 1-1978, RP 219 HD) and EBU bars after the grey/white bar. */
const BAR_ORDER: readonly BarColour[] = [YELLOW, CYAN, GREEN, MAGENTA, RED, BLUE];

/**
 * Colour bars: in the upper part of the picture every column is uniform from top to bottom and the
 * columns, left to right, run through saturated yellow, cyan, green, magenta, red and blue in that
 * order, each band at least 1/20 of the width and together at least half of it. Holds for
 * SMPTE (`smptebars`), SMPTE HD (`smptehdbars`) and EBU 75 %/100 % bars (`pal75bars`, `pal100bars`).
 */
export function isBars(image: RgbImage): boolean {
  const { width, height, data } = image;
  const top = Math.floor(height * 0.08);
  const bottom = Math.max(top + 2, Math.floor(height * 0.5));
  const colours: Array<BarColour | -1> = [];
  for (let x = 0; x < width; x++) {
    const mean = [0, 0, 0];
    for (let y = top; y < bottom; y++) for (let c = 0; c < 3; c++) mean[c]! += data[3 * (y * width + x) + c]!;
    for (let c = 0; c < 3; c++) mean[c]! /= bottom - top;
    let spread = 0;
    for (let y = top; y < bottom; y++) {
      for (let c = 0; c < 3; c++) spread = Math.max(spread, Math.abs(data[3 * (y * width + x) + c]! - mean[c]!));
    }
    colours.push(spread > 40 ? -1 : barColour(mean[0]!, mean[1]!, mean[2]!));
  }
  // Runs of equal colour; the 1-column blends at band edges are dropped.
  const runs: Array<{ colour: number; length: number }> = [];
  for (const colour of colours) {
    const last = runs.at(-1);
    if (last && last.colour === colour) last.length++;
    else runs.push({ colour, length: 1 });
  }
  const minBand = Math.max(1, Math.floor(width / 20));
  const bands = runs.filter((r) => r.length >= minBand && r.colour >= 0);
  for (let i = 0; i + BAR_ORDER.length <= bands.length; i++) {
    const window = bands.slice(i, i + BAR_ORDER.length);
    if (window.every((b, j) => b.colour === BAR_ORDER[j])) {
      const covered = window.reduce((sum, b) => sum + b.length, 0);
      return covered >= width * 0.5;
    }
  }
  return false;
}

/** On/off per channel for a saturated colour; -1 when a channel is neither clearly on nor off. */
function barColour(r: number, g: number, b: number): BarColour | -1 {
  const max = Math.max(r, g, b);
  if (max < 100) return max < 40 ? 0 : -1;
  let colour = 0;
  for (const v of [r, g, b]) {
    colour <<= 1;
    if (v >= max * 0.75) colour |= 1;
    else if (v > max * 0.3) return -1;
  }
  return colour;
}
