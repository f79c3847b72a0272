import type { AnalysisInput } from "@sichter/engine/extension-api";

/** One frame OCR reads, and the frames its reading stands for. */
export interface PlannedSample {
  readonly frame: number;
  /** First frame the reading stands for: halfway back to the previous sample of its shot (or its start). */
  readonly from: number;
  /** Exclusive: halfway to the next sample of its shot (or the shot's end). */
  readonly to: number;
  /** A keyframe: made by the shot step or decoded from the one keyframe stream, without a seek of its own. */
  readonly keyframe: boolean;
  /** Index of the shot the sample lies in (-1 when the clip has no shots). */
  readonly shot: number;
}

/** The one of `ready` in [from, to] nearest to `preferred`, if any. */
function readyFrameNear(ready: ReadonlySet<number>, from: number, to: number, preferred: number): number | undefined {
  let found: number | undefined;
  for (const frame of ready) {
    if (frame < from || frame > to) continue;
    if (found === undefined || Math.abs(frame - preferred) < Math.abs(found - preferred)) found = frame;
  }
  return found;
}

/**
 * Which frames OCR reads: by time, one at least every `maxGap` frames of a shot's clean range and
 * every shot at least one. Keyframes are nearly free (one stream decodes them all, nothing before
 * them), so a sample lands on a keyframe where one lies within reach: of the keyframes within a
 * gap of the last sample, the farthest. Keyframes closer together than a gap (intra-only ProRes or
 * MJPEG, where every frame is one, or short GOPs) therefore do not add samples: OCR reads as many
 * frames of a minute whatever the codec. Where no keyframe lies within reach, extra frames are
 * added. A text's range then runs halfway to the samples that did not see it, so with `maxGap` =
 * 2 s it is off by at most 1 s, the same as sampling every second and extending to the next
 * sample. Frames in `ready` are taken for an extra one where they keep those gaps.
 */
export function ocrSamplePlan(
  input: {
    media: Pick<AnalysisInput["media"], "frameRate" | "frameCount" | "keyframes">;
    shots: AnalysisInput["shots"];
  },
  maxGapSeconds: number,
  ready: ReadonlySet<number> = new Set(),
): PlannedSample[] {
  const [num, den] = input.media.frameRate.split("/").map(Number) as [number, number];
  const maxGap = Math.max(1, Math.round((maxGapSeconds * num) / den));
  const keyframes = new Set(input.media.keyframes);
  const shots =
    input.shots.length > 0
      ? input.shots
      : [{ index: -1, startFrame: 0, endFrame: input.media.frameCount, transition: null }];
  const plan: PlannedSample[] = [];
  for (const shot of shots) {
    const end = Math.min(shot.endFrame, input.media.frameCount);
    let start = shot.startFrame;
    // The frames of a dissolve show two pictures at once: read from the first clean frame.
    if (shot.transition && shot.transition.endFrame > start && shot.transition.endFrame < end)
      start = shot.transition.endFrame;
    if (end <= start) continue;
    // A shot edge acts as a sample half a gap beyond it: the first sample stands for the frames
    // back to the shot's start, so it may be at most half a gap in.
    const half = Math.ceil(maxGap / 2);
    const points = [start - half, ...keyframesInReach(input.media.keyframes, start, end, half, maxGap), end + half];
    const frames: number[] = [];
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      const extra = Math.ceil((b - a) / maxGap) - 1;
      // A single extra frame may lie anywhere from a gap before `b` to a gap after `a`; one that
      // is ready (decoded on the shot step's way) costs no decode of its own.
      const preferred = i > 1 ? b - maxGap : a + Math.round((b - a) / 2);
      const readyOne =
        extra === 1
          ? readyFrameNear(ready, Math.max(b - maxGap, start), Math.min(a + maxGap, end - 1), preferred)
          : undefined;
      if (readyOne !== undefined) frames.push(readyOne);
      else if (i > 1) {
        // After a keyframe: each extra frame a full gap before the next sample, so the first lies as
        // near after the keyframe as the gap allows. It is decoded from that keyframe on, so every
        // frame nearer is a frame less to decode.
        for (let j = extra; j >= 1; j--) frames.push(b - j * maxGap);
      } else {
        // After the shot's start, spread evenly: the frames just after a cut or dissolve are the
        // ones where a caption is still moving in.
        for (let j = 1; j <= extra; j++) frames.push(a + Math.round(((b - a) * j) / (extra + 1)));
      }
      if (i < points.length - 1) frames.push(b);
    }
    const sorted = [...new Set(frames.map((f) => Math.min(end - 1, Math.max(start, f))))].sort((x, y) => x - y);
    sorted.forEach((frame, i) => {
      const before = sorted[i - 1];
      const after = sorted[i + 1];
      plan.push({
        frame,
        from: before === undefined ? start : before + Math.ceil((frame - before) / 2),
        to: after === undefined ? end : frame + Math.ceil((after - frame) / 2),
        keyframe: keyframes.has(frame),
        shot: shot.index,
      });
    });
  }
  return plan;
}

/**
 * The keyframes of [start, end) that samples sit on: from the shot's start (which counts as a
 * sample `half` before it), each time the farthest keyframe within `maxGap` of the last one taken,
 * or the next keyframe where none is within reach; none once the shot's end (`half` beyond it) is.
 */
function keyframesInReach(
  keyframes: readonly number[],
  start: number,
  end: number,
  half: number,
  maxGap: number,
): number[] {
  const inShot = keyframes.filter((k) => k >= start && k < end);
  const taken: number[] = [];
  let last = start - half;
  let i = 0;
  while (i < inShot.length && end + half - last > maxGap) {
    let j = i;
    while (j + 1 < inShot.length && inShot[j + 1]! - last <= maxGap) j++;
    taken.push(inShot[j]!);
    last = inShot[j]!;
    i = j + 1;
  }
  return taken;
}
