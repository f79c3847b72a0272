import fs from "node:fs";
import path from "node:path";
import { ffmpeg } from "../../../test/fixtures.ts";
import type { MotionKind } from "../classifyMotion.ts";
import { renderView, rng, stillTexture, type View } from "../../../test/support/motionClips.ts";

/**
 * Short generated clips of the shot kinds camera motion got wrong on real footage, each with its
 * exact truth: a zoom that turns into a pan, a wipe and a fade between still pictures, a locked-off
 * webcam with sensor noise, a busy texture that changes locally while the camera stands still, and
 * plain moves. All are drawn from one seed, so a seed is one clip; pictures are 320x180 grey at 25 fps.
 */
export const MOTION_FAMILIES = ["move", "zoom-then-pan", "wipe", "fade", "webcam", "busy", "handheld"] as const;
export type MotionFamily = (typeof MOTION_FAMILIES)[number];

/** What a stretch of the clip is: a camera motion, or "none" where no motion tag may be (a transition). */
export interface MotionTruthSegment {
  readonly startFrame: number;
  readonly endFrame: number;
  readonly expect: MotionKind | "none";
}

export interface MotionFamilyClip {
  readonly family: MotionFamily;
  readonly seed: number;
  readonly width: number;
  readonly height: number;
  readonly frames: readonly Uint8Array[];
  readonly truth: readonly MotionTruthSegment[];
}

export const FAMILY_WIDTH = 320;
export const FAMILY_HEIGHT = 180;

/** One clip of `family` drawn from `seed`. */
export function motionFamilyClip(family: MotionFamily, seed: number): MotionFamilyClip {
  const random = rng(seed * 7919 + MOTION_FAMILIES.indexOf(family));
  const between = (lo: number, hi: number): number => lo + (hi - lo) * random();
  const still = stillTexture(1600, 1000, Math.floor(random() * 1e6));
  const noise = rng(seed + 17);
  const render = (v: View): Uint8Array => renderView(still, v, FAMILY_WIDTH, FAMILY_HEIGHT, noise);
  const build = (frames: Uint8Array[], truth: MotionTruthSegment[]): MotionFamilyClip => ({
    family,
    seed,
    width: FAMILY_WIDTH,
    height: FAMILY_HEIGHT,
    frames,
    truth,
  });
  switch (family) {
    case "move": {
      const n = 75;
      const { views, kind } = straightMove(random, n, between(1.5, 5), between(0.006, 0.014));
      return build(views.map(render), [{ startFrame: 0, endFrame: n, expect: kind }]);
    }
    case "zoom-then-pan": {
      // A zoom out that turns into a pan on the same take: both moves, never "static".
      const zoomFrames = Math.round(between(55, 75));
      const panFrames = Math.round(between(55, 75));
      const rate = between(0.008, 0.014);
      const speed = between(2, 4) * (random() < 0.5 ? -1 : 1);
      const views: View[] = [];
      let scale = 1;
      for (let n = 0; n < zoomFrames; n++) {
        views.push({ x: 800 - 160 * scale, y: 500 - 90 * scale, scale });
        scale *= 1 + rate;
      }
      const left = 800 - 160 * scale;
      const top = 500 - 90 * scale;
      for (let n = 0; n < panFrames; n++) views.push({ x: left + speed * n, y: top, scale });
      return build(views.map(render), [
        { startFrame: 0, endFrame: zoomFrames, expect: "motion.zoom-out" },
        {
          startFrame: zoomFrames,
          endFrame: zoomFrames + panFrames,
          expect: speed > 0 ? "motion.pan-right" : "motion.pan-left",
        },
      ]);
    }
    case "wipe": {
      // Two locked-off pictures, the second wiped in behind a moving edge with a graphic bar on it.
      const before = Math.round(between(45, 60));
      const length = Math.round(between(10, 18));
      const after = Math.round(between(45, 60));
      const other = stillTexture(1600, 1000, Math.floor(random() * 1e6));
      const a = renderView(still, { x: between(200, 1200), y: between(200, 700) }, FAMILY_WIDTH, FAMILY_HEIGHT);
      const b = renderView(other, { x: between(200, 1200), y: between(200, 700) }, FAMILY_WIDTH, FAMILY_HEIGHT);
      const direction = Math.floor(random() * 4);
      const frames: Uint8Array[] = [];
      for (let n = 0; n < before; n++) frames.push(withNoise(a, noise));
      for (let n = 0; n < length; n++)
        frames.push(withNoise(wipeFrame(a, b, (n + 1) / (length + 1), direction), noise));
      for (let n = 0; n < after; n++) frames.push(withNoise(b, noise));
      return build(frames, [
        { startFrame: 0, endFrame: before, expect: "motion.static" },
        { startFrame: before, endFrame: before + length, expect: "none" },
        { startFrame: before + length, endFrame: before + length + after, expect: "motion.static" },
      ]);
    }
    case "fade": {
      // A locked-off picture that fades to black and holds black.
      const hold = Math.round(between(50, 65));
      const length = Math.round(between(15, 25));
      const black = 12;
      const view = render({ x: between(200, 1200), y: between(200, 700) });
      const frames: Uint8Array[] = [];
      for (let n = 0; n < hold; n++) frames.push(withNoise(view, noise));
      for (let n = 0; n < length; n++) frames.push(withNoise(scaled(view, 1 - (n + 1) / length), noise));
      for (let n = 0; n < black; n++) frames.push(new Uint8Array(FAMILY_WIDTH * FAMILY_HEIGHT));
      return build(frames, [
        { startFrame: 0, endFrame: hold, expect: "motion.static" },
        { startFrame: hold, endFrame: hold + length + black, expect: "none" },
      ]);
    }
    case "webcam": {
      // A locked-off low-contrast scene under strong sensor noise: every frame differs, nothing moves.
      const n = 75;
      const view = render({ x: between(200, 1200), y: between(200, 700), scale: between(0.6, 1) });
      const sigma = between(5, 10);
      const flat = mapped(view, (v) => 128 + (v - 128) * 0.5);
      return build(
        Array.from({ length: n }, () => gaussianNoise(flat, sigma, noise)),
        [{ startFrame: 0, endFrame: n, expect: "motion.static" }],
      );
    }
    case "busy": {
      // Leaves in wind: a locked-off picture whose small patches keep changing, a different few each frame.
      const n = 75;
      const view = render({ x: between(200, 1200), y: between(200, 700) });
      const share = between(0.15, 0.35);
      return build(
        Array.from({ length: n }, () => flickering(view, share, 40, noise)),
        [{ startFrame: 0, endFrame: n, expect: "motion.static" }],
      );
    }
    case "handheld": {
      const n = 75;
      const amplitude = between(1.5, 3);
      let x = 300;
      let y = 200;
      const views = Array.from({ length: n }, () => {
        x += (random() - 0.5) * 2 * amplitude;
        y += (random() - 0.5) * 1.6 * amplitude;
        return { x, y };
      });
      return build(views.map(render), [{ startFrame: 0, endFrame: n, expect: "motion.handheld" }]);
    }
  }
}

function straightMove(
  random: () => number,
  n: number,
  speed: number,
  rate: number,
): { views: View[]; kind: MotionKind } {
  const which = Math.floor(random() * 6);
  const sign = which % 2 === 0 ? 1 : -1;
  if (which < 4) {
    // The window moving right shows content moving left: the camera pans right.
    const horizontal = which < 2;
    const kind: MotionKind = horizontal
      ? sign > 0
        ? "motion.pan-right"
        : "motion.pan-left"
      : sign > 0
        ? "motion.tilt-down"
        : "motion.tilt-up";
    const views = Array.from({ length: n }, (_, k) => ({
      x: 640 + (horizontal ? sign * speed * k : 0),
      y: 410 + (horizontal ? 0 : sign * speed * 0.8 * k),
    }));
    return { views, kind };
  }
  // A window shrinking about a fixed centre magnifies: zoom in.
  const factor = sign > 0 ? 1 - rate : 1 + rate;
  const start = sign > 0 ? 2 : 1;
  const views = Array.from({ length: n }, (_, k) => {
    const scale = start * factor ** k;
    return { x: 800 - 160 * scale, y: 500 - 90 * scale, scale };
  });
  return { views, kind: sign > 0 ? "motion.zoom-in" : "motion.zoom-out" };
}

/** `b` revealed over `a` up to `progress` (0..1) of the way, with an 8 px graphic bar on the edge. */
function wipeFrame(a: Uint8Array, b: Uint8Array, progress: number, direction: number): Uint8Array {
  const out = new Uint8Array(a.length);
  const horizontal = direction < 2;
  const extent = horizontal ? FAMILY_WIDTH : FAMILY_HEIGHT;
  const edge = progress * extent;
  for (let y = 0; y < FAMILY_HEIGHT; y++) {
    for (let x = 0; x < FAMILY_WIDTH; x++) {
      const along = horizontal
        ? direction === 0
          ? x
          : FAMILY_WIDTH - 1 - x
        : direction === 2
          ? y
          : FAMILY_HEIGHT - 1 - y;
      const i = y * FAMILY_WIDTH + x;
      const bar = along >= edge && along < edge + 8;
      out[i] = bar ? 230 - ((horizontal ? y : x) % 16 < 8 ? 0 : 60) : along < edge ? b[i]! : a[i]!;
    }
  }
  return out;
}

/** `picture` with `f` applied to each pixel (a plain loop: typed-array `from` with a map is slow). */
function mapped(picture: Uint8Array, f: (v: number) => number): Uint8Array {
  const out = new Uint8Array(picture.length);
  for (let i = 0; i < picture.length; i++) out[i] = clamp(f(picture[i]!));
  return out;
}

function scaled(picture: Uint8Array, gain: number): Uint8Array {
  return mapped(picture, (v) => v * gain);
}

function withNoise(picture: Uint8Array, noise: () => number): Uint8Array {
  return mapped(picture, (v) => v + (noise() - 0.5) * 4);
}

/** Roughly Gaussian noise (sum of three uniforms), new for every pixel of every frame. */
function gaussianNoise(picture: Uint8Array, sigma: number, noise: () => number): Uint8Array {
  return mapped(picture, (v) => v + (noise() + noise() + noise() - 1.5) * 2 * sigma);
}

/** `share` of the 4x4 patches get a new brightness offset of up to `amplitude` levels this frame. */
function flickering(picture: Uint8Array, share: number, amplitude: number, noise: () => number): Uint8Array {
  const out = Uint8Array.from(picture);
  for (let py = 0; py < FAMILY_HEIGHT; py += 4) {
    for (let px = 0; px < FAMILY_WIDTH; px += 4) {
      if (noise() >= share) continue;
      const offset = (noise() - 0.5) * 2 * amplitude;
      for (let y = py; y < py + 4; y++)
        for (let x = px; x < px + 4; x++) out[y * FAMILY_WIDTH + x] = clamp(picture[y * FAMILY_WIDTH + x]! + offset);
    }
  }
  return out;
}

function clamp(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}

export type MotionCodec = "h264" | "prores" | "mjpeg";

const CODEC_ARGS: Readonly<Record<MotionCodec, { ext: string; args: readonly string[] }>> = {
  h264: { ext: "mp4", args: ["-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-pix_fmt", "yuv420p"] },
  prores: { ext: "mov", args: ["-c:v", "prores_ks", "-profile:v", "0", "-pix_fmt", "yuv422p10le"] },
  mjpeg: { ext: "avi", args: ["-c:v", "mjpeg", "-q:v", "3", "-pix_fmt", "yuvj420p"] },
};

/** Encodes a family clip (25 fps) into `dir` as `codec` and returns the file's path. */
export async function encodeFamilyClip(
  dir: string,
  clip: MotionFamilyClip,
  codec: MotionCodec = "h264",
): Promise<string> {
  const name = `${clip.family}-${clip.seed}`;
  const raw = path.join(dir, `${name}-${codec}.gray`);
  fs.writeFileSync(raw, Buffer.concat(clip.frames));
  const { ext, args } = CODEC_ARGS[codec];
  const file = path.join(dir, `${name}.${ext}`);
  await ffmpeg([
    "-f",
    "rawvideo",
    "-pix_fmt",
    "gray",
    "-s",
    `${clip.width}x${clip.height}`,
    "-r",
    "25",
    "-i",
    raw,
    ...args,
    file,
  ]);
  fs.rmSync(raw);
  return file;
}
