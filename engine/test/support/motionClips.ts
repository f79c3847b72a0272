import fs from "node:fs";
import path from "node:path";
import { ffmpeg } from "../fixtures.ts";
import type { GrayImage } from "../../extensions/motion/GrayImage.ts";

import { rng } from "./syntheticFrames.ts";

export { rng };

/** A large still with detail at several scales (value noise, three octaves), not periodic. */
export function stillTexture(width: number, height: number, seed: number): GrayImage {
  const data = new Float32Array(width * height);
  const random = rng(seed);
  for (const [cell, amp] of [
    [64, 70],
    [20, 45],
    [7, 25],
  ] as const) {
    const gw = Math.ceil(width / cell) + 2;
    const gh = Math.ceil(height / cell) + 2;
    const grid = Float32Array.from({ length: gw * gh }, () => random() - 0.5);
    for (let y = 0; y < height; y++) {
      const gy = y / cell;
      const y0 = Math.floor(gy);
      const fy = smooth(gy - y0);
      for (let x = 0; x < width; x++) {
        const gx = x / cell;
        const x0 = Math.floor(gx);
        const fx = smooth(gx - x0);
        const top = grid[y0 * gw + x0]! * (1 - fx) + grid[y0 * gw + x0 + 1]! * fx;
        const bottom = grid[(y0 + 1) * gw + x0]! * (1 - fx) + grid[(y0 + 1) * gw + x0 + 1]! * fx;
        data[y * width + x]! += amp * (top * (1 - fy) + bottom * fy);
      }
    }
  }
  for (let i = 0; i < data.length; i++) data[i] = 128 + data[i]!;
  return { width, height, data };
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}

/** A view of the still: top-left (x, y) of a window `scale` times the output size, resampled. */
export interface View {
  readonly x: number;
  readonly y: number;
  readonly scale?: number;
}

export function renderView(
  still: GrayImage,
  view: View,
  width: number,
  height: number,
  noise?: () => number,
): Uint8Array {
  const out = new Uint8Array(width * height);
  const s = view.scale ?? 1;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(still.height - 1.001, Math.max(0, view.y + y * s));
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(still.width - 1.001, Math.max(0, view.x + x * s));
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      const i = y0 * still.width + x0;
      const d = still.data;
      const v =
        (d[i]! * (1 - fx) + d[i + 1]! * fx) * (1 - fy) +
        (d[i + still.width]! * (1 - fx) + d[i + still.width + 1]! * fx) * fy;
      out[y * width + x] = Math.max(0, Math.min(255, Math.round(v + (noise ? (noise() - 0.5) * 4 : 0))));
    }
  }
  return out;
}

/** Encodes one view per frame (320x180, 25 fps, x264) into `name` and returns its path. */
export async function cameraClip(
  dir: string,
  name: string,
  still: GrayImage,
  views: readonly View[],
  noiseSeed?: number,
): Promise<string> {
  const width = 320;
  const height = 180;
  const raw = path.join(dir, `${name}.gray`);
  const noise = noiseSeed === undefined ? undefined : rng(noiseSeed);
  fs.writeFileSync(raw, Buffer.concat(views.map((v) => renderView(still, v, width, height, noise))));
  const file = path.join(dir, name);
  await ffmpeg([
    "-f",
    "rawvideo",
    "-pix_fmt",
    "gray",
    "-s",
    `${width}x${height}`,
    "-r",
    "25",
    "-i",
    raw,
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-g",
    "50",
    "-pix_fmt",
    "yuv420p",
    file,
  ]);
  fs.rmSync(raw);
  return file;
}
