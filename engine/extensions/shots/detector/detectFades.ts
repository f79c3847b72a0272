import { isFadeFrame } from "./LumaFrame.ts";
import type { ShotBoundary } from "./ShotBoundary.ts";
import { FLASH_MAX_FRAMES, type SignalSeries } from "./ShotSignals.ts";

/** A ramp step must change the picture's energy by this share (a 30-frame fade steps ~3–7 %). */
const RAMP_STEP = 1.025;
/** A flat run longer than this (frames) is a shot of its own (a black slate), not a fade's pause. */
const MAX_FADE_HOLD = 25;
/** Fewer ramp frames than this between a picture and a slate: the picture was cut to it, not faded. */
const MIN_RAMP_FRAMES = 2;
/**
 * The pictures a fade leaves and reaches differ from its flat level by at least this much (energy:
 * contrast and distance from the level, 8-bit levels). A near-white or near-black picture that
 * only flickers across the flatness limit (a sky, a white fractal) passes through no fade.
 */
const MIN_PICTURE_ENERGY = 15;
/** Frames beyond each end of a fade's range that are looked at for that picture. */
const PICTURE_FRAMES = 4;
/** The picture before the run is back this close after it: a white flash, not a fade. */
const FLASH_RETURN_SHARE = 0.5;

/**
 * Fades through black or white: a run of flat frames, extended over the ramps on either side where
 * the picture's energy (contrast and distance from the flat level) falls towards it and rises again.
 * Fades at the very start or end of the clip open or close the first/last shot and are not
 * boundaries.
 */
export function detectFades(series: SignalSeries): ShotBoundary[] {
  const { mean, std, length, cutScore, returnScore } = series;
  const atFade = (i: number): boolean => isFadeFrame(mean[i]!, std[i]!);
  const boundaries: ShotBoundary[] = [];
  let n = 0;
  while (n < length) {
    if (!atFade(n)) {
      n++;
      continue;
    }
    const runStart = n;
    while (n < length && atFade(n)) n++;
    const runEnd = n;
    if (runStart === 0 || runEnd === length) continue;
    if (returnScore[runStart]! < FLASH_RETURN_SHARE * cutScore[runStart]!) continue;
    // In busy texture the structure never comes back after a flash; the light and colour do.
    const step = series.levelScore[runStart]! + series.cellColour[runStart]!;
    if (series.coarseReturn[runStart]! < FLASH_RETURN_SHARE * step) continue;
    if (flashOnPale(series, runStart, runEnd)) continue;

    const level = average(mean, runStart, runEnd);
    const energy = (i: number): number => Math.hypot(std[i]!, mean[i]! - level);
    let s = runStart;
    while (s - 1 >= 0 && energy(s - 1) > energy(s) * RAMP_STEP + 0.5) s--;
    let t = runEnd - 1;
    while (t + 1 < length && energy(t + 1) > energy(t) * RAMP_STEP + 0.5) t++;
    // s is the last plain frame of the outgoing shot, t the first plain frame of the incoming one.
    // Noise can leave a frame next to the run as dark as the run itself and stop the walk inside
    // it: a range never starts after the run starts nor ends before it ends.
    const start = Math.min(s + 1, runStart);
    const end = Math.max(t, runEnd);
    if (start === 0 || end >= length) continue;
    // The pictures on either side: the frames just outside the range (where noise stopped a walk
    // early, the first of them may still be dark).
    const picture = (from: number, step: -1 | 1): number => {
      let most = 0;
      for (let i = from, k = 0; k < PICTURE_FRAMES && i >= 0 && i < length; i += step, k++)
        most = Math.max(most, energy(i));
      return most;
    };
    const leaves = picture(start - 1, -1) >= MIN_PICTURE_ENERGY;
    const reaches = picture(end, 1) >= MIN_PICTURE_ENERGY;
    const color = level < 64 ? "black" : level > 192 ? "white" : "other";
    const f = series.firstFrame;
    if (runEnd - runStart > MAX_FADE_HOLD) {
      // A slate of its own: each side is a fade where the picture ramps to it, a cut where it does not.
      const fadesOut = runStart - start >= MIN_RAMP_FRAMES;
      const fadesIn = end - runEnd >= MIN_RAMP_FRAMES;
      if (leaves) {
        boundaries.push(
          fadesOut
            ? { type: "fade", frame: f + runStart, startFrame: f + start, endFrame: f + runStart, confidence: 1, color }
            : { type: "cut", frame: f + runStart, startFrame: f + runStart, endFrame: f + runStart, confidence: 1 },
        );
      }
      if (reaches) {
        boundaries.push(
          fadesIn
            ? { type: "fade", frame: f + runEnd, startFrame: f + runEnd, endFrame: f + end, confidence: 1, color }
            : { type: "cut", frame: f + runEnd, startFrame: f + runEnd, endFrame: f + runEnd, confidence: 1 },
        );
      }
    } else if (leaves && reaches) {
      const frame = f + Math.floor((start + end) / 2);
      boundaries.push({ type: "fade", frame, startFrame: f + start, endFrame: f + end, confidence: 1, color });
    }
  }
  return boundaries;
}

/**
 * A flash on a picture that is nearly white already (a pale sky, a white fractal) changes its
 * structure too little for the return checks to be made at all; its light comes back after it.
 */
function flashOnPale(series: SignalSeries, runStart: number, runEnd: number): boolean {
  if (runEnd - runStart > FLASH_MAX_FRAMES || !Number.isNaN(series.returnScore[runStart]!)) return false;
  const { mean, std } = series;
  const light = (a: number, b: number): number => Math.abs(mean[b]! - mean[a]!) + Math.abs(std[b]! - std[a]!);
  return light(runStart - 1, runEnd) < FLASH_RETURN_SHARE * light(runStart - 1, runStart);
}

function average(values: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  return sum / (to - from);
}
