import { cellChange, colourDifference } from "./colourDifference.ts";
import { histogramDistance } from "./histogramDistance.ts";
import {
  blendResidual,
  levelDifference,
  motionDifference,
  plainDifference,
  translationResidual,
  zoomDifference,
} from "./frameDifference.ts";
import type { LumaFrame } from "./LumaFrame.ts";

/** Half-widths (frames) of the spans over which dissolves are looked for: short, medium and long. */
export const DISSOLVE_HALF_SPANS = [3, 6, 12] as const;
/** Longest flash (frames) the detector sees through: news flashes last one or two frames. */
export const FLASH_MAX_FRAMES = 3;
/** Below this plain difference a frame pair is "still"; motion models are not tried on it. */
export const MOTION_CHECK_FROM = 0.02;
/** Frames after a candidate cut are compared with the frame before it only above this score. */
const RETURN_CHECK_FROM = 0.06;
/** The same for a candidate colour change (colourScore). */
const COLOUR_RETURN_CHECK_FROM = 0.06;

/** Per-frame measurements over a run of consecutive frames; decisions are made from these. */
export interface SignalSeries {
  /** Frame index of entry 0. */
  readonly firstFrame: number;
  readonly length: number;
  readonly mean: number[];
  readonly std: number[];
  /** Mean U and V of frame i (8-bit levels), 128 for frames decoded without chroma. */
  readonly uMean: number[];
  readonly vMean: number[];
  /** Motion-compensated difference between frame i-1 and i (entry 0 is NaN). */
  readonly cutScore: number[];
  /** Share of the change between frame i-1 and i a sub-pixel translation leaves unexplained. */
  readonly flowResidual: number[];
  /** Coarse layout of light between frame i-1 and i (see levelDifference): quiet inside busy texture. */
  readonly levelScore: number[];
  /**
   * The same for colour, and the share of the picture's cells whose light or colour moved (see
   * cellChange): most of them at a cut, the covered ones for a caption popping on, none when fine
   * texture shifts under the camera.
   */
  readonly cellColour: number[];
  readonly cellChanged: number[];
  /** Difference between frame i-1 and i without motion search; far above cutScore in a pan. */
  readonly plainScore: number[];
  /** Difference between frame i-1 and i after the best zoom; far below plainScore in a zoom. */
  readonly zoomScore: number[];
  /**
   * Smallest difference between frame i-1 and any of the FLASH_MAX_FRAMES frames after i; low when
   * the picture comes back after a flash. NaN where not needed (weak candidates) or unknown (end).
   */
  readonly returnScore: number[];
  /**
   * Smallest difference between frame i and any of the FLASH_MAX_FRAMES frames before i-1: low when
   * frame i is the picture from before a flash, i.e. the flash ends at i. NaN where not needed.
   */
  readonly backScore: number[];
  /**
   * Colour change between frame i-1 and i where the structure is matched (see colourDifference),
   * with its share of changed coloured blocks; 0 for frames decoded without chroma.
   */
  readonly colourScore: number[];
  readonly colourChanged: number[];
  /** The share of those blocks whose hue turned (see ColourDifference.turned). */
  readonly colourTurned: number[];
  /**
   * As returnScore and backScore, for the coarse light and colour (levelScore + cellColour): in
   * busy texture the structure never comes back after a flash, the picture's light and colour do.
   */
  readonly coarseReturn: number[];
  readonly coarseBack: number[];
  /** As returnScore and backScore, for the colour of a candidate colour change. */
  readonly colourReturn: number[];
  readonly colourBack: number[];
  /**
   * Per dissolve half-span w: difference between frames i-w and i+w, blend residual at i, and the
   * distance of the two end frames' histograms (see histogramDistance).
   */
  readonly span: Record<
    number,
    { score: number[]; changed: number[]; residual: number[]; coarseResidual: number[]; histogram: number[] }
  >;
}

/**
 * Computes the signals from a stream of frames while holding only the last few frames in memory,
 * so a two-hour clip costs the same memory as a two-second one.
 */
export class ShotSignalBuilder {
  private readonly ring: LumaFrame[] = [];
  private readonly capacity = 2 * Math.max(...DISSOLVE_HALF_SPANS) + 2;
  private count = 0;
  readonly series: SignalSeries;

  constructor(firstFrame: number) {
    const span: SignalSeries["span"] = {};
    for (const w of DISSOLVE_HALF_SPANS)
      span[w] = { score: [], changed: [], residual: [], coarseResidual: [], histogram: [] };
    this.series = {
      firstFrame,
      get length() {
        return this.mean.length;
      },
      mean: [],
      std: [],
      uMean: [],
      vMean: [],
      cutScore: [],
      plainScore: [],
      zoomScore: [],
      returnScore: [],
      backScore: [],
      flowResidual: [],
      levelScore: [],
      cellColour: [],
      cellChanged: [],
      colourScore: [],
      colourChanged: [],
      colourTurned: [],
      coarseReturn: [],
      coarseBack: [],
      colourReturn: [],
      colourBack: [],
      span,
    };
  }

  push(frame: LumaFrame): void {
    const s = this.series;
    const i = this.count++;
    this.ring.push(frame);
    if (this.ring.length > this.capacity) this.ring.shift();
    s.mean.push(frame.mean);
    s.std.push(frame.std);
    s.uMean.push(frame.chroma ? planeMean(frame.chroma.u) : 128);
    s.vMean.push(frame.chroma ? planeMean(frame.chroma.v) : 128);
    s.returnScore.push(Number.NaN);
    s.backScore.push(Number.NaN);
    s.coarseReturn.push(Number.NaN);
    s.coarseBack.push(Number.NaN);
    s.colourReturn.push(Number.NaN);
    s.colourBack.push(Number.NaN);
    for (const w of DISSOLVE_HALF_SPANS) {
      const sp = s.span[w]!;
      sp.score.push(Number.NaN);
      sp.changed.push(Number.NaN);
      sp.residual.push(Number.NaN);
      sp.coarseResidual.push(Number.NaN);
      sp.histogram.push(Number.NaN);
    }

    const prev = this.at(i - 1);
    if (prev) {
      const d = motionDifference(prev, frame);
      s.cutScore.push(d.score);
      s.levelScore.push(levelDifference(prev, frame));
      const cells = cellChange(prev, frame);
      s.cellColour.push(cells.colour);
      s.cellChanged.push(cells.changed);
      s.flowResidual.push(translationResidual(prev, frame));
      const colour = colourDifference(prev, frame, d.shift, d.matched);
      s.colourScore.push(colour.score);
      s.colourChanged.push(colour.changed);
      s.colourTurned.push(colour.turned);
      const plain = plainDifference(prev, frame).score;
      s.plainScore.push(plain);
      // Zoom search is the costliest measure and only matters where frames change noticeably.
      s.zoomScore.push(plain > MOTION_CHECK_FROM ? zoomDifference(prev, frame) : Number.NaN);
    } else {
      s.cutScore.push(Number.NaN);
      s.levelScore.push(Number.NaN);
      s.cellColour.push(Number.NaN);
      s.cellChanged.push(Number.NaN);
      s.flowResidual.push(Number.NaN);
      s.colourScore.push(Number.NaN);
      s.colourChanged.push(Number.NaN);
      s.colourTurned.push(Number.NaN);
      s.plainScore.push(Number.NaN);
      s.zoomScore.push(Number.NaN);
    }

    if (s.cutScore[i]! >= RETURN_CHECK_FROM) {
      for (let k = 1; k <= FLASH_MAX_FRAMES; k++) {
        const before = this.at(i - 1 - k);
        if (!before) break;
        const back = motionDifference(before, frame).score;
        const current = s.backScore[i]!;
        s.backScore[i] = Number.isNaN(current) ? back : Math.min(current, back);
        s.coarseBack[i] = minOf(s.coarseBack[i]!, coarseDifference(before, frame));
      }
    }

    // Now that frame i exists, finish the return check of the candidate FLASH_MAX_FRAMES back.
    for (let k = 1; k <= FLASH_MAX_FRAMES; k++) {
      const candidate = i - k;
      const before = this.at(candidate - 1);
      if (!before || !(s.cutScore[candidate]! >= RETURN_CHECK_FROM)) continue;
      const back = motionDifference(before, frame).score;
      const current = s.returnScore[candidate]!;
      s.returnScore[candidate] = Number.isNaN(current) ? back : Math.min(current, back);
      s.coarseReturn[candidate] = minOf(s.coarseReturn[candidate]!, coarseDifference(before, frame));
    }

    this.checkColourReturn(i, frame);

    for (const w of DISSOLVE_HALF_SPANS) {
      const centre = i - w;
      const first = this.at(i - 2 * w);
      const middle = this.at(centre);
      if (!first || !middle) continue;
      const d = plainDifference(first, frame);
      const sp = s.span[w]!;
      sp.score[centre] = d.score;
      sp.changed[centre] = d.changed;
      const residual = blendResidual(first, middle, frame);
      sp.residual[centre] = residual.fine;
      sp.coarseResidual[centre] = residual.coarse;
      sp.histogram[centre] = histogramDistance(first, frame);
    }
  }

  /**
   * The flash checks of the colour route: a flash tints or bleaches the picture for a frame or two
   * and the old colour comes back; a colour-only cut never returns to it. Only a frame showing the
   * same picture can bring the old colour back: a cut to another picture after a shot of a few
   * frames may be closer in colour to the first shot than the colour cut was, and is no return.
   */
  private checkColourReturn(i: number, frame: LumaFrame): void {
    const s = this.series;
    if (s.colourScore[i]! >= COLOUR_RETURN_CHECK_FROM) {
      for (let k = 1; k <= FLASH_MAX_FRAMES; k++) {
        const before = this.at(i - 1 - k);
        if (!before) break;
        s.colourBack[i] = minOf(s.colourBack[i]!, colourReturn(before, frame));
      }
    }
    for (let k = 1; k <= FLASH_MAX_FRAMES; k++) {
      const candidate = i - k;
      const before = this.at(candidate - 1);
      if (!before || !(s.colourScore[candidate]! >= COLOUR_RETURN_CHECK_FROM)) continue;
      s.colourReturn[candidate] = minOf(s.colourReturn[candidate]!, colourReturn(before, frame));
    }
  }

  /** Frame i of this run, if still held. */
  private at(i: number): LumaFrame | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const offset = this.count - 1 - i;
    return offset < this.ring.length ? this.ring[this.ring.length - 1 - offset] : undefined;
  }
}

/** The coarse light and colour change from a to b, as levelScore + cellColour measure it between neighbours. */
function coarseDifference(a: LumaFrame, b: LumaFrame): number {
  return levelDifference(a, b) + cellChange(a, b).colour;
}

function minOf(current: number, value: number): number {
  if (Number.isNaN(value)) return current;
  return Number.isNaN(current) ? value : Math.min(current, value);
}

/** Above this motion-compensated difference frame b is another picture than a, whatever its colour. */
const SAME_PICTURE_FOR_COLOUR = 0.2;

/** The colour change from a to b where b shows a's picture; NaN where it shows another. */
function colourReturn(a: LumaFrame, b: LumaFrame): number {
  if (motionDifference(a, b).score >= SAME_PICTURE_FOR_COLOUR) return Number.NaN;
  return colourDifference(a, b).score;
}

function planeMean(plane: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < plane.length; i++) sum += plane[i]!;
  return sum / plane.length;
}
