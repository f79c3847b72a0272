import { toLumaFrame, type LumaFrame } from "../../extensions/shots/detector/LumaFrame.ts";
import { ShotSignalBuilder, type SignalSeries } from "../../extensions/shots/detector/ShotSignals.ts";

export const W = 64;
export const H = 36;

/** Deterministic pseudo-random numbers (mulberry32), so synthetic sequences are the same every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A textured "scene": a sum of random sinusoids, sampled at an offset so it can pan. */
export function scene(seed: number): (x: number, y: number) => number {
  const r = rng(seed);
  const waves = Array.from({ length: 6 }, () => ({
    fx: (r() - 0.5) * 0.6,
    fy: (r() - 0.5) * 0.6,
    phase: r() * Math.PI * 2,
    amp: 20 + r() * 25,
  }));
  const base = 70 + r() * 80;
  return (x, y) => base + waves.reduce((sum, w) => sum + w.amp * Math.sin(w.fx * x + w.fy * y + w.phase), 0);
}

export function render(
  picture: (x: number, y: number) => number,
  noiseSeed: number,
  options: { dx?: number; gain?: number; offset?: number } = {},
): Uint8Array {
  const noise = rng(noiseSeed);
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const v = picture(x + (options.dx ?? 0), y) * (options.gain ?? 1) + (options.offset ?? 0) + (noise() - 0.5) * 3;
      out[y * W + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return out;
}

export function blend(a: Uint8Array, b: Uint8Array, t: number): Uint8Array {
  return a.map((v, i) => Math.round(v * (1 - t) + b[i]! * t));
}

export function signalsOf(frames: readonly Uint8Array[], firstFrame = 0): SignalSeries {
  const builder = new ShotSignalBuilder(firstFrame);
  frames.forEach((f, i) => builder.push(toLumaFrame(firstFrame + i, f, W, H)));
  return builder.series;
}

export function lumaFrames(frames: readonly Uint8Array[]): LumaFrame[] {
  return frames.map((f, i) => toLumaFrame(i, f, W, H));
}
