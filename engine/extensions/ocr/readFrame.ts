import { Image, type Box } from "paddleocr";
import type { RgbImage } from "@sichter/engine/extension-api";
import { detectionImage, toFrameBox } from "./detectionImage.ts";
import { correctGerman } from "./germanCorrection.ts";
import { recognitionScale, textCrop } from "./textCrop.ts";
import type { OcrModels } from "./ocrModels.ts";

/** One text line read in one frame, with what is needed to recognise it again cheaply. */
export interface FrameLine {
  readonly text: string;
  readonly raw: string;
  readonly confidence: number;
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

/** A detected box with its recognition, kept so the next sample can reuse it if unchanged. */
export interface RecognisedBox {
  readonly box: Box;
  readonly signature: Uint8Array;
  readonly raw: string;
  readonly confidence: number;
}

export interface ReadFrameOptions {
  /** Detection runs on the frame scaled so its long side is at most this (rec crops full size). */
  readonly detectionMaxSide: number;
  /** Lines read with less mean confidence are dropped. */
  readonly minConfidence: number;
  /** Mean absolute luma difference (0..255) under which a box counts as unchanged. */
  readonly reuseDifference: number;
}

export interface FrameReading {
  readonly lines: FrameLine[];
  readonly boxes: RecognisedBox[];
  readonly recognised: number;
  readonly reused: number;
  readonly detectSeconds: number;
  readonly recogniseSeconds: number;
}

const SIGNATURE_W = 48;
const SIGNATURE_H = 12;

/** A 48x12 luma thumbnail of the box: how "did this text region change" is answered. */
export function signature(image: RgbImage, box: Box): Uint8Array {
  const out = new Uint8Array(SIGNATURE_W * SIGNATURE_H);
  for (let sy = 0; sy < SIGNATURE_H; sy++) {
    const y = Math.min(image.height - 1, Math.max(0, Math.floor(box.y + ((sy + 0.5) * box.height) / SIGNATURE_H)));
    for (let sx = 0; sx < SIGNATURE_W; sx++) {
      const x = Math.min(image.width - 1, Math.max(0, Math.floor(box.x + ((sx + 0.5) * box.width) / SIGNATURE_W)));
      const i = (y * image.width + x) * 3;
      out[sy * SIGNATURE_W + sx] = (77 * image.data[i]! + 150 * image.data[i + 1]! + 29 * image.data[i + 2]!) >> 8;
    }
  }
  return out;
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

/**
 * Two boxes around the same extent of text: every edge within a third of the text's height. Most
 * characters are wider than that, so one added or taken away moves an edge further; a narrow one
 * (a full stop, an "l") may not, and its line keeps the earlier reading.
 */
function sameExtent(a: Box, b: Box): boolean {
  const tolerance = a.height / 3;
  return (
    Math.abs(a.x - b.x) <= tolerance &&
    Math.abs(a.x + a.width - (b.x + b.width)) <= tolerance &&
    Math.abs(a.y - b.y) <= tolerance &&
    Math.abs(a.y + a.height - (b.y + b.height)) <= tolerance
  );
}

function meanDifference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** Share of thumbnail pixels on a different side of each box's mid-grey: the glyphs, not the background. */
function maskDifference(a: Uint8Array, b: Uint8Array): number {
  const mid = (x: Uint8Array): number => {
    let lo = 255;
    let hi = 0;
    for (const v of x) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return (lo + hi) / 2;
  };
  const ma = mid(a);
  const mb = mid(b);
  let differing = 0;
  for (let i = 0; i < a.length; i++) if (a[i]! > ma !== b[i]! > mb) differing++;
  return differing / a.length;
}

/**
 * Same text in the same place: nearly the same pixels, or (text on a translucent bar over moving
 * footage) nearly the same glyph mask. A changed character in a long line changes ~3 % of the
 * mask, so the mask test is strict.
 */
function unchanged(a: Uint8Array, b: Uint8Array, reuseDifference: number): boolean {
  const mean = meanDifference(a, b);
  return mean < reuseDifference || (mean < 3 * reuseDifference && maskDifference(a, b) < 0.015);
}

/** Boxes on one text line (vertical overlap, small horizontal gap) become one line, left to right. */
function joinLines(parts: RecognisedBox[]): Array<{ raw: string; confidence: number; box: FrameLine["box"] }> {
  const sorted = [...parts].sort((a, b) => a.box.y + a.box.height / 2 - (b.box.y + b.box.height / 2));
  const groups: RecognisedBox[][] = [];
  for (const part of sorted) {
    const centre = part.box.y + part.box.height / 2;
    const group = groups.find((g) => {
      const last = g[g.length - 1]!;
      const lastCentre = last.box.y + last.box.height / 2;
      return (
        Math.abs(centre - lastCentre) < 0.5 * Math.min(part.box.height, last.box.height) &&
        g.some(
          (m) =>
            Math.max(m.box.x, part.box.x) - Math.min(m.box.x + m.box.width, part.box.x + part.box.width) <
            2 * part.box.height,
        )
      );
    });
    if (group) group.push(part);
    else groups.push([part]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.box.x - b.box.x);
    const x = Math.min(...g.map((p) => p.box.x));
    const y = Math.min(...g.map((p) => p.box.y));
    const right = Math.max(...g.map((p) => p.box.x + p.box.width));
    const bottom = Math.max(...g.map((p) => p.box.y + p.box.height));
    const weight = g.reduce((s, p) => s + p.raw.length, 0) || 1;
    return {
      raw: g.map((p) => p.raw.trim()).join(" "),
      confidence: g.reduce((s, p) => s + p.confidence * p.raw.length, 0) / weight,
      box: { x, y, width: right - x, height: bottom - y },
    };
  });
}

/**
 * Detects and reads the text of one frame (`small`: the frame at detection size, when the caller
 * has made it already). Boxes that match a box of the previous sample (same
 * place, same pixels) reuse its reading instead of running the recogniser again.
 */
export async function readFrame(
  models: OcrModels,
  frame: RgbImage,
  options: ReadFrameOptions,
  previous: readonly RecognisedBox[] = [],
  small: Image = detectionImage(frame, options.detectionMaxSide),
): Promise<FrameReading> {
  const image = new Image(frame.width, frame.height, 3, frame.data);
  const t0 = performance.now();
  const detected = (await models.detection.run(small, { maxSideLength: Math.max(small.width, small.height) })).map(
    (box) => toFrameBox(box, small, frame),
  );
  const t1 = performance.now();
  const boxes: RecognisedBox[] = [];
  const toRecognise: Array<{ box: Box; signature: Uint8Array }> = [];
  for (const box of detected) {
    if (box.width <= 0 || box.height <= 0) continue;
    const sig = signature(frame, box);
    // Detection draws a held text's box a few pixels differently from frame to frame, and a box
    // moved by a few pixels samples other pixels: the text's old box is then looked at again.
    const same =
      previous.find((p) => overlap(p.box, box) > 0.7 && unchanged(p.signature, sig, options.reuseDifference)) ??
      previous.find(
        (p) => sameExtent(p.box, box) && unchanged(p.signature, signature(frame, p.box), options.reuseDifference),
      );
    if (same) boxes.push({ box, signature: sig, raw: same.raw, confidence: same.confidence });
    else toRecognise.push({ box, signature: sig });
  }
  const reused = boxes.length;
  // One box per call: paddleocr pads every box of a call to the widest one's aspect, so a short
  // word next to a long lower third would be run through the network at the long line's width.
  for (const { box, signature: sig } of toRecognise) {
    // Small type is cropped at twice its size first, so the gaps between words survive (see textCrop).
    const scale = recognitionScale(box);
    const crop = scale === 1 ? undefined : textCrop(frame, box, scale);
    const [result] = crop
      ? await models.recognition.run(
          new Image(crop.width, crop.height, 3, crop.data),
          [{ x: 0, y: 0, width: crop.width, height: crop.height }],
          { ordering: { sortByReadingOrder: false } },
        )
      : await models.recognition.run(image, [box], { ordering: { sortByReadingOrder: false } });
    if (result) boxes.push({ box, signature: sig, raw: result.text, confidence: result.confidence });
  }
  const t2 = performance.now();
  const kept = boxes.filter(
    (b) => b.confidence >= options.minConfidence && b.raw.replace(/[^\p{L}\p{N}]/gu, "").length >= 2,
  );
  const lines = joinLines(kept).map((l) => ({ ...l, text: correctGerman(l.raw) }));
  return {
    lines,
    boxes,
    recognised: toRecognise.length,
    reused,
    detectSeconds: (t1 - t0) / 1000,
    recogniseSeconds: (t2 - t1) / 1000,
  };
}
