import type { Rational } from "./Timeline.ts";

/**
 * What a shot shows. Every look moves: a detector that only ever sees frozen frames learns nothing
 * about telling motion from a cut. The one exception is "bars", the line-up pattern at the head of
 * a tape, which is meant to be still.
 */
export type Look = (
  | { readonly kind: "bars" }
  | { readonly kind: "testsrc2" }
  | { readonly kind: "testsrc" }
  /** A slow zoom into the Mandelbrot set, centred on (x, y). */
  | { readonly kind: "mandelbrot"; readonly x: number; readonly y: number; readonly scale: number }
  /** Conway's life in big cells; `seed` fixes the start pattern (life is random otherwise). */
  | {
      readonly kind: "life";
      readonly seed: number;
      readonly live: string;
      readonly dead: string;
      readonly mold: string;
    }
  /** An elementary cellular automaton scrolling upwards, tinted with per-channel gains. */
  | { readonly kind: "cellauto"; readonly seed: number; readonly rule: number; readonly tint: RGB }
  /** A small moving picture in front of a static background (a pattern, a colour or a still). */
  | { readonly kind: "inset"; readonly background: Background | Still; readonly inset: "testsrc2" | "mandelbrot" }
  /**
   * A camera moving over a large still. Velocities are pixels per output frame; positive x moves
   * the camera right (the picture moves left), positive y moves it down. `shake` adds a handheld
   * wobble of about that many pixels.
   */
  | {
      readonly kind: "pan";
      readonly still: Still;
      readonly drift?: Vector;
      readonly move?: PanMove;
      readonly shake?: number;
    }
  /** A still that zooms in during `move`. */
  | { readonly kind: "zoom"; readonly still: Still; readonly move: ZoomMove }
  /**
   * Any lavfi source chain, already at the timeline's size and picture rate (the random sample
   * generator draws these); the chain must yield pictures indefinitely, the graph trims them.
   */
  | { readonly kind: "lavfi"; readonly chain: string }
) &
  Grade;

export type RGB = readonly [number, number, number];
export type Vector = readonly [number, number];
export type Background = "smptehdbars" | "smptebars" | "rgbtestsrc" | `#${string}`;

/**
 * A camera move inside a shot; `at` counts output frames from the shot's first plain frame.
 * Frames at .. at+frames-1 each differ from their predecessor by one step of the move.
 */
export interface Move {
  readonly at: number;
  readonly frames: number;
}

export interface PanMove extends Move {
  readonly velocity: Vector;
}

export interface ZoomMove extends Move {
  /** Final magnification. */
  readonly to: number;
  /** Magnification before the move (default 1); above `to` for a zoom out. */
  readonly from?: number;
}

/**
 * A large picture rendered once and then cropped or zoomed: a region of the Mandelbrot set, or a
 * mosaic of test patterns (detail everywhere, so a fast pan changes the whole frame).
 */
export type Still =
  | { readonly kind: "fractal"; readonly x: number; readonly y: number; readonly scale: number }
  | { readonly kind: "mosaic" };

/** Colour changes that make one generator yield several distinct-looking shots. */
export interface Grade {
  /** Hue rotation in degrees. */
  readonly hue?: number;
  readonly saturation?: number;
  readonly mirror?: boolean;
  readonly flip?: boolean;
}

export interface LookContext {
  readonly width: number;
  readonly height: number;
  /** Rate of the generated pictures: the output rate times fields per frame. */
  readonly rate: Rational;
  /** Generated pictures per output frame (2 for interlaced output). */
  readonly unit: number;
  /** Generated pictures before the shot's first plain frame. */
  readonly headPictures: number;
  /** Generated pictures the shot needs in all. */
  readonly pictures: number;
}

/**
 * Cell automata run on a fixed coarse grid scaled up with hard edges: cells several pixels wide look
 * like texture, single-pixel cells like noise no encoder or detector meets in footage. A fixed grid
 * keeps the picture statistics the same at 720p and 1080p.
 */
const LIFE_GRID = "240x135";
const CELLAUTO_GRID = "480x270";
/** Generations of life run before the shot starts: a fresh random soup churns the whole picture. */
const LIFE_SETTLE = 150;

/** Filter graph statements ending in `[out]`, with internal labels prefixed by `prefix`. */
export function lookGraph(look: Look, context: LookContext, prefix: string, out: string): string[] {
  const { statements, chain } = source(look, context, prefix);
  return [...statements, `${[chain, ...gradeFilters(look)].join(",")}[${out}]`];
}

interface Source {
  /** Complete statements that must come first (inputs of a composite look). */
  readonly statements: string[];
  /** An unterminated chain the grade filters are appended to. */
  readonly chain: string;
}

function source(look: Look, c: LookContext, prefix: string): Source {
  const size = `${c.width}x${c.height}`;
  const rate = rateOf(c);
  const upscale = (flags: string) => `scale=${c.width}:${c.height}:flags=${flags}`;
  switch (look.kind) {
    case "bars":
      return only(`smptehdbars=s=${size}:r=${rate}`);
    case "testsrc2":
    case "testsrc":
      return only(`${look.kind}=s=${size}:r=${rate}`);
    case "mandelbrot":
      // Rendered at a third of the size: the iteration count, not the pixels, is what costs.
      return only(
        `mandelbrot=s=${even(c.width / 3)}x${even(c.height / 3)}:r=${rate}` +
          `:start_x=${look.x}:start_y=${look.y}:start_scale=${look.scale}:end_scale=${look.scale / 4}` +
          `:end_pts=${pictures(40, c)}:maxiter=2000,${upscale("bicubic")}`,
      );
    case "life":
      return only(
        `life=s=${LIFE_GRID}:r=${rate}:seed=${look.seed}:ratio=0.35:mold=40` +
          `:life_color=${look.live}:death_color=${look.dead}:mold_color=${look.mold},` +
          `trim=start_frame=${LIFE_SETTLE},${upscale("neighbor")}`,
      );
    case "cellauto": {
      const [r, g, b] = look.tint;
      return only(
        `cellauto=s=${CELLAUTO_GRID}:r=${rate}:rule=${look.rule}:seed=${look.seed}:random_fill_ratio=0.5,` +
          `format=rgb24,lutrgb=r='val*${r}':g='val*${g}':b='val*${b}',${upscale("neighbor")}`,
      );
    }
    case "inset": {
      const bg = `${prefix}bg`;
      const fg = `${prefix}fg`;
      // A still gives the background texture, so a locked-off camera can be told from a moving one.
      const pattern = look.background;
      const still = typeof pattern === "object" ? stillSource(pattern, c.width, c.height, c, prefix) : undefined;
      const background =
        typeof pattern === "object"
          ? // The looped still repeats one timestamp; overlay needs a clock, or it alternates pictures.
            `${(still as Source).chain},settb=expr=${c.rate.den}/${c.rate.num},setpts=N`
          : pattern.startsWith("#")
            ? `color=c=0x${pattern.slice(1)}:s=${size}:r=${rate}`
            : `${pattern}=s=${size}:r=${rate}`;
      const insetSize = `${even(c.width * 0.4)}x${even(c.height * 0.4)}`;
      const inset =
        look.inset === "testsrc2"
          ? `testsrc2=s=${insetSize}:r=${rate}`
          : `mandelbrot=s=${insetSize}:r=${rate}:maxiter=1000:end_pts=${pictures(60, c)}`;
      return {
        statements: [...(still?.statements ?? []), `${background}[${bg}]`, `${inset}[${fg}]`],
        // A slow Lissajous path: the inset keeps moving without ever leaving the frame.
        chain: `[${bg}][${fg}]overlay=x='(W-w)*(0.5+0.45*sin(t*0.9))':y='(H-h)*(0.5+0.4*sin(t*0.6+1))':shortest=1`,
      };
    }
    case "pan":
      return panSource(look.still, look.drift ?? [0, 0], look.move, look.shake ?? 0, c, prefix);
    case "zoom":
      return zoomSource(look.still, look.move, c, prefix);
    case "lavfi":
      return only(look.chain);
  }
}

function only(chain: string): Source {
  return { statements: [], chain };
}

function gradeFilters(grade: Grade): string[] {
  const filters: string[] = [];
  if (grade.hue !== undefined || grade.saturation !== undefined) {
    filters.push(`hue=h=${grade.hue ?? 0}:s=${grade.saturation ?? 1}`);
  }
  if (grade.mirror) filters.push("hflip");
  if (grade.flip) filters.push("vflip");
  return filters;
}

/** One frame of the still, repeated forever; the trims downstream decide how many are used. */
function stillSource(still: Still, width: number, height: number, c: LookContext, prefix: string): Source {
  const rate = rateOf(c);
  const repeat = "trim=end_frame=1,loop=loop=-1:size=1";
  if (still.kind === "fractal") {
    return only(
      `mandelbrot=s=${width}x${height}:r=${rate}:start_x=${still.x}:start_y=${still.y}` +
        `:start_scale=${still.scale}:end_scale=${still.scale}:maxiter=300,${repeat}`,
    );
  }
  const tiles = [
    `mandelbrot=s=TILE:r=${rate}:start_x=-0.7436:start_y=0.1318:start_scale=0.03:end_scale=0.03:maxiter=300`,
    `smptehdbars=s=TILE:r=${rate}`,
    `testsrc=s=TILE:r=${rate}`,
    `life=s=${LIFE_GRID}:r=${rate}:seed=21:ratio=0.35:mold=40:life_color=#ffffff:death_color=#ff4040:mold_color=#3030a0,trim=start_frame=${LIFE_SETTLE},scale=TILE:flags=neighbor`,
    `rgbtestsrc=s=TILE:r=${rate},hue=h=40`,
    `cellauto=s=${CELLAUTO_GRID}:r=${rate}:rule=30:seed=4,scale=TILE:flags=neighbor`,
  ];
  const tileWidth = even(width / tiles.length);
  const tileSize = `${tileWidth}x${height}`;
  const labels = tiles.map((_, i) => `${prefix}tile${i}`);
  return {
    statements: tiles.map(
      (tile, i) => `${tile.replaceAll("TILE", tileSize)},trim=end_frame=1,format=yuv420p,setsar=1[${labels[i]}]`,
    ),
    chain: `${labels.map((l) => `[${l}]`).join("")}hstack=inputs=${tiles.length},${repeat}`,
  };
}

/** The output frame, relative to the shot's first plain frame, of generated picture `n`. */
function frameExpr(c: LookContext, n = "n"): string {
  return `((${n}-${c.headPictures})/${c.unit})`;
}

/** How far a move has got at frame f: one step already at frame `at`, complete at at+frames-1. */
function progress(move: Move, f: string): string {
  return `clip(${f}-${move.at - 1},0,${move.frames})`;
}

function panSource(
  still: Still,
  drift: Vector,
  move: PanMove | undefined,
  shake: number,
  c: LookContext,
  prefix: string,
): Source {
  const first = -c.headPictures / c.unit;
  const last = (c.pictures - 1 - c.headPictures) / c.unit;
  const position = (axis: 0 | 1, f: number): number =>
    drift[axis] * f + (move ? move.velocity[axis] * clamp(f - move.at + 1, 0, move.frames) : 0);
  // The camera path is piecewise linear, so its extremes are at the ends or where the move starts or stops.
  const samples = [first, last, ...(move ? [move.at - 1, move.at - 1 + move.frames] : [])].filter(
    (f) => f >= first && f <= last,
  );
  const extent = (axis: 0 | 1) => {
    const values = samples.map((f) => position(axis, f));
    return { min: Math.min(...values), max: Math.max(...values) };
  };
  const x = extent(0);
  const y = extent(1);
  // The wobble is a sum of two sines, so it never strays further than `shake` from the path.
  const margin = 4 + 2 * Math.ceil(shake);
  const stillWidth = even(c.width + (x.max - x.min) + margin);
  const stillHeight = even(c.height + (y.max - y.min) + margin);
  const f = frameExpr(c);
  const axisExpr = (axis: 0 | 1, min: number): string => {
    const terms = [`${margin / 2 - min}`, `${drift[axis]}*${f}`];
    if (move) terms.push(`${move.velocity[axis]}*${progress(move, f)}`);
    // Incommensurate frequencies per axis: a hand does not repeat its wobble.
    if (shake > 0) {
      const [a, b] = axis === 0 ? [0.31, 0.83] : [0.23, 0.67];
      terms.push(`${shake}*(0.6*sin(${a}*${f})+0.4*sin(${b}*${f}+1))`);
    }
    return `'${terms.join("+")}'`;
  };
  const base = stillSource(still, stillWidth, stillHeight, c, prefix);
  return {
    statements: base.statements,
    chain: `${base.chain},crop=w=${c.width}:h=${c.height}:x=${axisExpr(0, x.min)}:y=${axisExpr(1, y.min)}`,
  };
}

function zoomSource(still: Still, move: ZoomMove, c: LookContext, prefix: string): Source {
  // Rendered larger than the output so the zoom shows new detail instead of blowing up pixels.
  const base = stillSource(still, even(c.width * 1.5), even(c.height * 1.5), c, prefix);
  const f = frameExpr(c, "in");
  // A slight creep keeps the shot alive before and after the fast zoom.
  const from = move.from ?? 1;
  const zoom = `${from}+0.001*(${f}+${c.headPictures / c.unit})+${move.to - from}*${progress(move, f)}/${move.frames}`;
  return {
    statements: base.statements,
    chain:
      `${base.chain},zoompan=z='${zoom}':x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2':d=1` +
      `:s=${c.width}x${c.height}:fps=${rateOf(c)}`,
  };
}

function rateOf(c: LookContext): string {
  return `${c.rate.num}/${c.rate.den}`;
}

/** mandelbrot counts its zoom in generated pictures, not seconds. */
function pictures(seconds: number, c: LookContext): number {
  return Math.round((seconds * c.rate.num) / c.rate.den);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function even(value: number): number {
  return 2 * Math.ceil(value / 2);
}
