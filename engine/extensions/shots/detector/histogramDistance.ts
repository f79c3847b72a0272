import type { LumaFrame } from "./LumaFrame.ts";

/** Bins per plane: coarse enough that noise and a little motion keep a picture's histogram. */
const BINS = 32;

interface Histograms {
  readonly y: Float32Array;
  readonly u?: Float32Array;
  readonly v?: Float32Array;
}

const cache = new WeakMap<LumaFrame, Histograms>();

/**
 * How differently two frames' light and colour are distributed, in [0, 1]: the larger of the
 * luma, U and V histogram distances (half the L1 distance of the normalised histograms). Where
 * a picture only moves (a pan, a zoom, grain, a shifting pattern) its histogram stays; two shots
 * almost never share one, so the ends of a dissolve differ here, and the ends of a span inside
 * one moving shot do not, however much every pixel changed.
 */
export function histogramDistance(a: LumaFrame, b: LumaFrame): number {
  const ha = histograms(a);
  const hb = histograms(b);
  let d = distance(ha.y, hb.y);
  if (ha.u && hb.u) d = Math.max(d, distance(ha.u, hb.u));
  if (ha.v && hb.v) d = Math.max(d, distance(ha.v, hb.v));
  return d;
}

function histograms(frame: LumaFrame): Histograms {
  const cached = cache.get(frame);
  if (cached) return cached;
  const made: Histograms = {
    y: histogram(frame.luma),
    ...(frame.chroma && { u: histogram(frame.chroma.u), v: histogram(frame.chroma.v) }),
  };
  cache.set(frame, made);
  return made;
}

function histogram(plane: Uint8Array): Float32Array {
  const h = new Float32Array(BINS);
  const shift = Math.log2(256 / BINS);
  for (let i = 0; i < plane.length; i++) h[plane[i]! >> shift]!++;
  for (let i = 0; i < BINS; i++) h[i]! /= plane.length;
  return h;
}

function distance(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < BINS; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / 2;
}
