import type { FrameRange, Layout, Rational } from "./Timeline.ts";

/**
 * Sound as a news package has it: line-up tone under the bars, digital silence under black, and a
 * quiet noise bed (room tone) everywhere else. Derived from the pictures, so the tone and the
 * silences start and stop on the same frames as the bars and the black.
 */
export type AudioKind = "tone" | "silence" | "bed";

export interface AudioRun {
  readonly kind: AudioKind;
  readonly range: FrameRange;
}

export const AUDIO_RATE = 48_000;
/** About -40 dBFS: clearly not silence, clearly not programme level. */
const BED_AMPLITUDE = 0.02;

export function programAudio(layout: Layout): AudioRun[] {
  const kinds: AudioKind[] = Array.from({ length: layout.frameCount }, () => "bed");
  const mark = (range: FrameRange, kind: AudioKind) => {
    for (let f = range.start; f < range.end; f++) kinds[f] = kind;
  };
  for (const shot of layout.shots) if (shot.spec.look.kind === "bars") mark(shot.body, "tone");
  for (const range of blackRanges(layout)) mark(range, "silence");
  const runs: AudioRun[] = [];
  kinds.forEach((kind, f) => {
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) runs[runs.length - 1] = { kind, range: { start: last.range.start, end: f + 1 } };
    else runs.push({ kind, range: { start: f, end: f + 1 } });
  });
  return runs;
}

/** The flat frames of fades through black. */
export function blackRanges(layout: Layout): FrameRange[] {
  return layout.transitions.flatMap(({ spec, range }) => {
    if (spec.type !== "fade" || spec.color !== "black" || spec.holdFrames === 0) return [];
    const start = range.start + spec.outFrames;
    return [{ start, end: start + spec.holdFrames }];
  });
}

/** Filter statements ending in `[out]`; sample counts are exact, so run boundaries fall on frame boundaries. */
export function programAudioStatements(runs: readonly AudioRun[], rate: Rational, out: string): string[] {
  const sample = (frame: number) => Math.round((frame * AUDIO_RATE * rate.den) / rate.num);
  const statements = runs.map((run, i) => {
    const source =
      run.kind === "tone"
        ? `sine=frequency=1000:sample_rate=${AUDIO_RATE}`
        : run.kind === "silence"
          ? `anullsrc=r=${AUDIO_RATE}:cl=mono`
          : // A fixed seed per run: the same bytes on every run, and no run repeats another.
            `anoisesrc=r=${AUDIO_RATE}:a=${BED_AMPLITUDE}:c=pink:seed=${1000 + i}`;
    return `${source},atrim=end_sample=${sample(run.range.end) - sample(run.range.start)},asetpts=N/SR/TB[${out}${i}]`;
  });
  statements.push(`${runs.map((_, i) => `[${out}${i}]`).join("")}concat=n=${runs.length}:v=0:a=1[${out}]`);
  return statements;
}
