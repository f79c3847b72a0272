import { blackRanges, programAudio } from "./ProgramAudio.ts";
import type { FrameRange, Layout } from "./Timeline.ts";

/** Technical cues a logger marks: line-up bars, black, freeze frames and silence. */
export type CueType = "black" | "bars" | "freeze" | "silence";

export interface PlacedCue {
  readonly type: CueType;
  readonly range: FrameRange;
}

/**
 * Every cue of a laid-out timeline. Silence exists only with programme audio (a tone track is never
 * silent, a clip without audio has nothing to be silent).
 */
export function technicalCues(layout: Layout, audio: boolean | "program" | undefined): PlacedCue[] {
  const cues: PlacedCue[] = [
    ...layout.shots.filter((s) => s.spec.look.kind === "bars").map((s) => ({ type: "bars" as const, range: s.body })),
    ...blackRanges(layout).map((range) => ({ type: "black" as const, range })),
    ...layout.freezes.map((range) => ({ type: "freeze" as const, range })),
  ];
  if (audio === "program") {
    for (const run of programAudio(layout))
      if (run.kind === "silence") cues.push({ type: "silence", range: run.range });
  }
  return cues.sort((a, b) => a.range.start - b.range.start || a.type.localeCompare(b.type));
}
