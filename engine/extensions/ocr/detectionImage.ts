import { Image, type Box } from "paddleocr";
import type { RgbImage } from "@sichter/engine/extension-api";

type ResizeOptions = Parameters<Image["resize"]>[0];
type TensorOptions = Parameters<Image["tensor"]>[0];

/**
 * The detector's input size as PaddleOCR computes it (`limit_type: max`): the long side at most
 * `maxSide`, then both sides rounded to a multiple of 32, which the DB network needs.
 */
export function detectionSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const ratio = Math.max(width, height) > maxSide ? maxSide / Math.max(width, height) : 1;
  const round32 = (side: number): number => Math.max(32, Math.round(Math.round(side * ratio) / 32) * 32);
  return { width: round32(width), height: round32(height) };
}

/**
 * A picture already at the detector's input size. paddleocr's detection resizes its input to that
 * size even when it is there already, and builds the tensor in a generic per-channel loop. Here the
 * resize is done once with precomputed taps (the picture grid reuses its result) and the tensor in
 * one pass; the results are the same numbers paddleocr would compute.
 */
class DetectionImage extends Image {
  override resize(options: ResizeOptions): Image {
    if (options.width === this.width && options.height === this.height) return this;
    return super.resize(options);
  }

  override tensor(options: TensorOptions): Float32Array {
    const plane = this.width * this.height;
    const out = new Float32Array(3 * plane);
    const bgr = options.channel_order === "bgr";
    const [n0, n1, n2] = options.norm_values as [number, number, number];
    const [m0, m1, m2] = options.mean_values as [number, number, number];
    const data = this.data;
    for (let p = 0, i = 0; p < plane; p++, i += 3) {
      const first = data[bgr ? i + 2 : i]!;
      const third = data[bgr ? i : i + 2]!;
      out[p] = first * n0 - m0 * n0;
      out[plane + p] = data[i + 1]! * n1 - m1 * n1;
      out[2 * plane + p] = third * n2 - m2 * n2;
    }
    return out;
  }
}

/** Source taps (as offsets of `channels` bytes per step) and weights of a half-pixel-centred bilinear resize along one axis. */
function taps(
  source: number,
  target: number,
  channels: number,
): { low: Int32Array; high: Int32Array; weight: Float64Array } {
  const low = new Int32Array(target);
  const high = new Int32Array(target);
  const weight = new Float64Array(target);
  const scale = source / target;
  for (let t = 0; t < target; t++) {
    const position = (t + 0.5) * scale - 0.5;
    let a = Math.floor(position);
    let w = position - a;
    if (a < 0) {
      a = 0;
      w = 0;
    } else if (a >= source - 1) {
      a = source - 1;
      w = 0;
    }
    low[t] = a * channels;
    high[t] = Math.min(a + 1, source - 1) * channels;
    weight[t] = w;
  }
  return { low, high, weight };
}

/** The frame resized (bilinear, as paddleocr's own resize) to the detector's input size. */
export function detectionImage(frame: RgbImage, maxSide: number): Image {
  const size = detectionSize(frame.width, frame.height, maxSide);
  const xs = taps(frame.width, size.width, 3);
  const ys = taps(frame.height, size.height, 1);
  const out = new Uint8Array(size.width * size.height * 3);
  const src = frame.data;
  const stride = frame.width * 3;
  for (let y = 0, o = 0; y < size.height; y++) {
    const top = ys.low[y]! * stride;
    const bottom = ys.high[y]! * stride;
    const wy = ys.weight[y]!;
    const vy = 1 - wy;
    for (let x = 0; x < size.width; x++, o += 3) {
      const tl = top + xs.low[x]!;
      const tr = top + xs.high[x]!;
      const bl = bottom + xs.low[x]!;
      const br = bottom + xs.high[x]!;
      const wx = xs.weight[x]!;
      const vx = 1 - wx;
      // Channels unrolled; each value is computed in paddleocr's order, so rounding matches it.
      out[o] = Math.round((src[tl]! * vx + src[tr]! * wx) * vy + (src[bl]! * vx + src[br]! * wx) * wy);
      out[o + 1] = Math.round(
        (src[tl + 1]! * vx + src[tr + 1]! * wx) * vy + (src[bl + 1]! * vx + src[br + 1]! * wx) * wy,
      );
      out[o + 2] = Math.round(
        (src[tl + 2]! * vx + src[tr + 2]! * wx) * vy + (src[bl + 2]! * vx + src[br + 2]! * wx) * wy,
      );
    }
  }
  return new DetectionImage(size.width, size.height, 3, out);
}

/** A detection-size picture that crossed a thread boundary (which keeps its pixels, not its class). */
export function asDetectionImage(picture: { width: number; height: number; data: Uint8Array }): Image {
  return new DetectionImage(picture.width, picture.height, 3, picture.data);
}

/** A box found on the detection image, in the frame's coordinates. */
export function toFrameBox(
  box: Box,
  detection: { width: number; height: number },
  frame: { width: number; height: number },
): Box {
  const sx = frame.width / detection.width;
  const sy = frame.height / detection.height;
  const x = Math.max(0, Math.floor(box.x * sx));
  const y = Math.max(0, Math.floor(box.y * sy));
  const scaled: Box = {
    x,
    y,
    width: Math.min(frame.width - x, Math.ceil((box.x + box.width) * sx) - x),
    height: Math.min(frame.height - y, Math.ceil((box.y + box.height) * sy) - y),
  };
  if (box.points) {
    const clampX = (v: number): number => Math.min(frame.width - 1, Math.max(0, v));
    const clampY = (v: number): number => Math.min(frame.height - 1, Math.max(0, v));
    scaled.points = box.points.map((p) => ({ x: clampX(p.x * sx), y: clampY(p.y * sy) })) as NonNullable<Box["points"]>;
  }
  return scaled;
}
