import type { Rational } from "./Timeline.ts";

/**
 * Irregular frame durations, as phones and screen recorders produce. Each segment repeats a short
 * cycle of durations (in `timeBase` ticks); the last segment runs to the end of the clip.
 */
export interface FrameTiming {
  readonly timeBase: Rational;
  readonly segments: readonly TimingSegment[];
}

export interface TimingSegment {
  readonly frames: number;
  readonly cycle: readonly number[];
}

/** Start tick of every frame, plus one entry for the end of the last frame. */
export function frameStartTicks(timing: FrameTiming, frameCount: number): number[] {
  const starts = [0];
  let tick = 0;
  for (let frame = 0; frame < frameCount; frame++) {
    tick += durationOf(timing, frame);
    starts.push(tick);
  }
  return starts;
}

function durationOf(timing: FrameTiming, frame: number): number {
  let first = 0;
  for (const [index, segment] of timing.segments.entries()) {
    const last = index === timing.segments.length - 1;
    if (last || frame < first + segment.frames) {
      const value = segment.cycle[(frame - first) % segment.cycle.length];
      if (value === undefined || value <= 0) throw new Error("frame timing cycles must hold positive ticks");
      return value;
    }
    first += segment.frames;
  }
  throw new Error("frame timing has no segments");
}

/**
 * The same times as a setpts expression of N, so ffmpeg stamps frames exactly as the truth says.
 * Each segment contributes whole cycles plus the partial sum of the current one.
 */
export function ptsExpression(timing: FrameTiming, frameCount: number): string {
  const starts = frameStartTicks(timing, frameCount);
  const terms: { from: number; expr: string }[] = [];
  let first = 0;
  for (const segment of timing.segments) {
    const cycle = segment.cycle;
    const total = cycle.reduce((sum, ticks) => sum + ticks, 0);
    const k = `(N-${first})`;
    const partial = cycle
      .slice(0, -1)
      .map((ticks, j) => `gte(mod(${k},${cycle.length}),${j + 1})*${ticks}`)
      .join("+");
    terms.push({
      from: first,
      expr: `${starts[first] ?? 0}+floor(${k}/${cycle.length})*${total}${partial ? `+${partial}` : ""}`,
    });
    first += segment.frames;
    if (first >= frameCount) break;
  }
  // Nested ifs from the last segment backwards: if(lt(N,start1),seg0,if(lt(N,start2),seg1,seg2)).
  let expr = terms.at(-1)?.expr ?? "N";
  for (let i = terms.length - 2; i >= 0; i--) {
    expr = `if(lt(N,${terms[i + 1]?.from}),${terms[i]?.expr},${expr})`;
  }
  return expr;
}
