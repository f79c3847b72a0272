import { type Clip, type TagPlan, createTimecodeContext, parseFrameRate } from "@sichter/engine/extension-api";

export interface MarkerRow {
  readonly name: string;
  readonly comment: string;
  readonly kind: string;
  readonly color: string;
  readonly startFrame: number;
  readonly endFrame: number;
  readonly startTimecode: string;
  readonly endTimecode: string;
}

/** The plan's markers with their timecodes in the clip's own timecode (start offset, DF/NDF). */
export function markerRows(clip: Clip, plan: TagPlan): MarkerRow[] {
  const tc = createTimecodeContext({
    rate: parseFrameRate(clip.frameRate),
    dropFrame: clip.dropFrame,
    start: clip.startTimecode,
  });
  return plan.markers.map((m) => ({
    name: m.name,
    comment: m.comment,
    kind: m.kind,
    color: m.color,
    startFrame: m.startFrame,
    endFrame: m.startFrame + m.durationFrames,
    startTimecode: tc.toTimecode(m.startFrame),
    endTimecode: tc.toTimecode(m.startFrame + m.durationFrames),
  }));
}
