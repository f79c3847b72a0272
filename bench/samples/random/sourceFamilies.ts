import type { Random } from "../Random.ts";
import type { Rational } from "../Timeline.ts";

/**
 * Kinds of picture a random shot is drawn from. Each is a family of lavfi chains whose parameters
 * are drawn per shot, so no detector threshold can be fitted to one picture.
 */
export const SHOT_FAMILIES = [
  /** A still field of grain (coarse or fine) drifting slowly. */
  "noise",
  /** Cellular automata (elementary or life) in coarse cells, tinted. */
  "automaton",
  /** A Mandelbrot zoom, slow or fast. */
  "fractal",
  /** Smooth sine gradients whose phase moves; often low contrast. */
  "gradient",
  /** ffmpeg's test patterns and colour bars. */
  "pattern",
  /** Any of the above under a strong Gaussian blur. */
  "blurred",
  /** Any of the above under a strong unsharp mask. */
  "sharpened",
  /** A camera moving slowly over a large still. */
  "motion-slow",
  /** A camera panning fast over a large still. */
  "motion-fast",
  /** Fine texture that changes every frame: grain, fine life, like water, snow or sensor noise. */
  "busy-texture",
] as const;

export type ShotFamily = (typeof SHOT_FAMILIES)[number];

/** Families with enough colour for a hue or saturation change alone to make a different shot. */
export const COLOURFUL_FAMILIES: readonly ShotFamily[] = [
  "gradient",
  "pattern",
  "fractal",
  "motion-slow",
  "motion-fast",
];

export interface SourceContext {
  readonly width: number;
  readonly height: number;
  readonly rate: Rational;
}

/** Interesting regions of the Mandelbrot set (full of detail at the scales used). */
const MANDELBROT_POINTS: ReadonlyArray<readonly [number, number]> = [
  [-0.743643887, 0.131825904],
  [-0.7453, 0.1127],
  [-1.25066, 0.02012],
  [-0.1011, 0.9563],
  [-0.77568377, 0.13646737],
  [0.2549870375144766, -0.0005679790528465],
  [-1.7499, 0.0],
  [-0.16, 1.0405],
];

const PATTERNS = ["testsrc2", "testsrc", "rgbtestsrc", "yuvtestsrc", "smptebars", "smptehdbars", "pal75bars"] as const;

/** A lavfi chain of one shot of `family`, at the context's size and rate, never running out. */
export function drawSource(family: ShotFamily, random: Random, c: SourceContext): string {
  switch (family) {
    case "noise":
      return noiseStill(random, c);
    case "automaton":
      return automaton(random, c, random.pick([2, 3, 4, 6]));
    case "fractal":
      return fractal(random, c);
    case "gradient":
      return gradient(random, c);
    case "pattern":
      return pattern(random, c);
    case "blurred":
      return `${drawSource(random.pick(BASES), random, c)},gblur=sigma=${random.int(3, 14)}`;
    case "sharpened":
      return `${drawSource(random.pick(BASES), random, c)},unsharp=5:5:${(1.2 + random.next() * 1.8).toFixed(2)}`;
    case "motion-slow":
      return pan(random, c, 0.5 + random.next() * 2);
    case "motion-fast":
      return pan(random, c, 12 + random.next() * 30);
    case "busy-texture":
      return busy(random, c);
  }
}

/** What blurred and sharpened variants start from (not themselves: one filter is enough). */
const BASES: readonly ShotFamily[] = ["noise", "automaton", "fractal", "gradient", "pattern", "busy-texture"];

function size(c: SourceContext): string {
  return `${c.width}x${c.height}`;
}

function rate(c: SourceContext): string {
  return `${c.rate.num}/${c.rate.den}`;
}

function hexColour(random: Random): string {
  return `0x${[0, 1, 2].map(() => random.int(16, 235).toString(16).padStart(2, "0")).join("")}`;
}

function even(value: number): number {
  return 2 * Math.ceil(value / 2);
}

function noiseStill(random: Random, c: SourceContext): string {
  const cell = random.pick([1, 2, 4, 8]);
  const w = even(c.width / cell) + 32;
  const h = even(c.height / cell) + 32;
  const drift = (0.2 + random.next()).toFixed(2);
  return (
    `color=c=${hexColour(random)}:s=${w}x${h}:r=${rate(c)},noise=alls=${random.int(30, 90)}:all_seed=${random.int(1, 99999)},` +
    `trim=end_frame=1,loop=loop=-1:size=1,scale=${w * cell}:${h * cell}:flags=neighbor,` +
    `crop=w=${c.width}:h=${c.height}:x='${16 * cell}+${12 * cell}*sin(n*${drift}/25)':y='${16 * cell}+${12 * cell}*cos(n*${drift}/31)'`
  );
}

function automaton(random: Random, c: SourceContext, cell: number): string {
  const grid = `${even(c.width / cell)}x${even(c.height / cell)}`;
  const tint = [0, 1, 2].map(() => (0.3 + random.next() * 0.7).toFixed(2));
  const upscale = `scale=${c.width}:${c.height}:flags=neighbor`;
  if (random.next() < 0.5) {
    const rule = random.pick([18, 22, 30, 45, 73, 90, 105, 110, 150]);
    return (
      `cellauto=s=${grid}:r=${rate(c)}:rule=${rule}:seed=${random.int(1, 99999)}:random_fill_ratio=${(0.2 + random.next() * 0.6).toFixed(2)},` +
      `format=rgb24,lutrgb=r='val*${tint[0]}':g='val*${tint[1]}':b='val*${tint[2]}',${upscale}`
    );
  }
  return (
    `life=s=${grid}:r=${rate(c)}:seed=${random.int(1, 99999)}:ratio=${(0.2 + random.next() * 0.3).toFixed(2)}:mold=${random.int(5, 60)}` +
    `:life_color=${hexColour(random)}:death_color=${hexColour(random)}:mold_color=${hexColour(random)},trim=start_frame=100,${upscale}`
  );
}

function fractal(random: Random, c: SourceContext): string {
  const [x, y] = random.pick(MANDELBROT_POINTS);
  const scale = 0.002 + random.next() * 0.2;
  // Seconds for a fourfold zoom: long is a creep, short a fast zoom.
  const seconds = random.pick([4, 10, 40, 120]);
  const picturesPerSecond = c.rate.num / c.rate.den;
  return (
    `mandelbrot=s=${even(c.width / 3)}x${even(c.height / 3)}:r=${rate(c)}:start_x=${x}:start_y=${y}` +
    `:start_scale=${scale.toFixed(5)}:end_scale=${(scale / 4).toFixed(6)}:end_pts=${Math.round(seconds * picturesPerSecond)}` +
    `:maxiter=${random.pick([200, 600, 1500])}:outer=${random.pick(["normalized_iteration_count", "iteration_count", "white"])},` +
    `scale=${c.width}:${c.height}:flags=bicubic`
  );
}

function gradient(random: Random, c: SourceContext): string {
  // Low contrast is common: a sky, a wall, a blurred background.
  const amplitude = random.pick([12, 25, 50, 110]);
  const wave = (): string => {
    const fx = (1 + random.next() * 40).toFixed(1);
    const fy = (1 + random.next() * 40).toFixed(1);
    const speed = (random.next() * 1.2 - 0.6).toFixed(2);
    return `${random.int(amplitude, 255 - amplitude)}+${amplitude}*sin(X/${fx}+Y/${fy}+T*${speed}+${random.int(0, 6)})`;
  };
  return (
    `nullsrc=s=160x90:r=${rate(c)},format=gbrp,geq=r='${wave()}':g='${wave()}':b='${wave()}',` +
    `scale=${c.width}:${c.height}:flags=bicubic`
  );
}

function pattern(random: Random, c: SourceContext): string {
  return `${random.pick(PATTERNS)}=s=${size(c)}:r=${rate(c)}`;
}

/** A camera moving over a still 1.6 times the frame, at up to `speed` pixels per frame. */
function pan(random: Random, c: SourceContext, speed: number): string {
  const w = even(c.width * 1.6);
  const h = even(c.height * 1.6);
  const [x, y] = random.pick(MANDELBROT_POINTS);
  const still = random.pick([
    `mandelbrot=s=${w}x${h}:r=${rate(c)}:start_x=${x}:start_y=${y}:start_scale=${(0.005 + random.next() * 0.1).toFixed(4)}:end_scale=1:end_pts=100000:maxiter=400`,
    `testsrc=s=${w}x${h}:r=${rate(c)}`,
    `rgbtestsrc=s=${w / 2}x${h / 2}:r=${rate(c)},scale=${w}:${h}`,
    `color=c=${hexColour(random)}:s=${w / 4}x${h / 4}:r=${rate(c)},noise=alls=60:all_seed=${random.int(1, 9999)},scale=${w}:${h}:flags=bicubic`,
  ]);
  const mx = (w - c.width) / 2;
  const my = (h - c.height) / 2;
  // Sines: the camera slows, turns and speeds up again instead of jumping at the edge of the still.
  const wx = (speed / mx).toFixed(5);
  const wy = ((speed * random.next() * 0.5) / my).toFixed(5);
  return (
    `${still},trim=end_frame=1,loop=loop=-1:size=1,` +
    `crop=w=${c.width}:h=${c.height}:x='${mx}+${mx}*sin(n*${wx}+${random.int(0, 6)})':y='${my}+${my}*sin(n*${wy}+${random.int(0, 6)})'`
  );
}

function busy(random: Random, c: SourceContext): string {
  switch (random.int(0, 2)) {
    case 0:
      return `color=c=${hexColour(random)}:s=${size(c)}:r=${rate(c)},noise=alls=${random.int(40, 100)}:allf=t+u:all_seed=${random.int(1, 99999)}`;
    case 1: {
      const cell = random.pick([2, 3, 4]);
      return `color=c=${hexColour(random)}:s=${even(c.width / cell)}x${even(c.height / cell)}:r=${rate(c)},noise=alls=${random.int(50, 100)}:allf=t:all_seed=${random.int(1, 99999)},scale=${c.width}:${c.height}:flags=neighbor`;
    }
    default:
      return automaton(random, c, 1);
  }
}
