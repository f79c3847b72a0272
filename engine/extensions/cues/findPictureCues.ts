import { CancellationToken, throwIfCancelled } from "../../src/core/Cancellation.ts";
import { Progress } from "../../src/core/Progress.ts";
import { readFrames } from "../../src/media/FrameReader.ts";
import { decodeRun } from "../../src/media/keyframeSeek.ts";
import type { RgbImage } from "../../src/media/FrameSource.ts";
import type { MediaInfo } from "../../src/media/MediaInfo.ts";
import { isBars, isBlack, samePicture } from "./pictureTests.ts";
import { quietRuns } from "./quietRuns.ts";

export type PictureCueKind = "cue.black" | "cue.bars" | "cue.freeze";

/** A picture cue over frames [startFrame, endFrame). */
export interface PictureCue {
  readonly kind: PictureCueKind;
  readonly startFrame: number;
  readonly endFrame: number;
}

export interface PictureCueOptions {
  /** Shortest black or bars range reported, in seconds (default 0.2). */
  readonly minBlackSeconds?: number;
  /** Shortest freeze reported, in seconds (default 0.5). */
  readonly minFreezeSeconds?: number;
  /**
   * Says whether a held picture starting at this frame is a still shot (a card, a graphic) rather
   * than a freeze. Such a candidate is not decoded unless a keyframe in it is black or bars: it
   * could only have become a freeze cue, which the caller would drop.
   */
  readonly isStillShot?: (frame: number) => boolean;
}

/** Width of the pictures cues are judged on (height follows the aspect). Black and bars need no more. */
export const CUE_WIDTH = 64;
/** Frames decoded per step when a range edge is searched. */
const EDGE_WINDOW = 12;

/**
 * Black, colour bars and freeze frames without decoding the whole clip:
 * - long-GOP: packet sizes point at held pictures (quiet runs, see `quietRuns`); every keyframe is
 *   decoded at 64 px and points at black or bars that is not held still (noisy black). A candidate
 *   is decoded whole with a 12-frame margin; a long one is first probed with three frames (from a
 *   keyframe inside it when there is one) and then decoded at both ends only; runs of black, bars or one held picture in
 *   those frames become cues, and a run that reaches a window edge is followed outward window by
 *   window until a frame fails its test. Ranges are therefore exact frames, not keyframe-coarse.
 *   Every window's seek is checked against the keyframe pass; a miss re-decodes from the start.
 * - intra-only: packet sizes say nothing and every frame is a keyframe, so the keyframe pass has
 *   every frame and runs are read off directly.
 * A freeze is the whole range that shows one picture, including its first (still moving) frame.
 */
export async function findPictureCues(
  media: MediaInfo,
  options: PictureCueOptions = {},
  progress: Progress = Progress.None,
  token: CancellationToken = CancellationToken.None,
): Promise<{ cues: PictureCue[]; decodedFrames: number }> {
  const fps = frameRate(media);
  const minBlack = Math.max(1, Math.round((options.minBlackSeconds ?? 0.2) * fps));
  const minFreeze = Math.max(2, Math.round((options.minFreezeSeconds ?? 0.5) * fps));
  const minLength = (kind: PictureCueKind): number => (kind === "cue.freeze" ? minFreeze : minBlack);

  const keyPictures: RgbImage[] = [];
  const height = 2 * Math.round((CUE_WIDTH * media.height) / media.width / 2);
  for await (const data of readFrames(
    { file: media.path, keyframesOnly: true, fastDecode: true, geometry: { width: CUE_WIDTH, height, pixelFormat: "rgb24" } },
    token,
  )) {
    keyPictures.push({ width: CUE_WIDTH, height, data });
  }
  let decodedFrames = keyPictures.length;
  progress.report({ stage: "cues", fraction: 0.3 });

  if (media.intraOnly || media.keyframes.length >= media.frameCount) {
    const cues = classifiedRuns(keyPictures, 0).filter((c) => c.endFrame - c.startFrame >= minLength(c.kind));
    return { cues, decodedFrames };
  }

  // Candidates: held pictures from packet sizes, then black/bars keyframes not already covered.
  const candidates: Array<{ firstFrame: number; endFrame: number }> = quietRuns(media).filter(
    (r) => r.endFrame - r.firstFrame >= Math.min(minBlack, minFreeze),
  );
  media.keyframes.forEach((k, i) => {
    const picture = keyPictures[i];
    if (!picture || candidates.some((c) => c.firstFrame <= k && k < c.endFrame)) return;
    if (isBlack(picture) || isBars(picture)) candidates.push({ firstFrame: k, endFrame: k + 1 });
  });
  candidates.sort((a, b) => a.firstFrame - b.firstFrame);

  const geometry = { width: CUE_WIDTH, height, pixelFormat: "rgb24" } as const;
  const picture = (data: Uint8Array): RgbImage => ({ width: CUE_WIDTH, height, data });
  // Frames [first, first + count), exact: the seek is checked against the keyframe pass; a
  // container that seeks elsewhere (MPEG-TS without an index can) is decoded from its start.
  const decode: Decode = async (first, count) => {
    throwIfCancelled(token);
    const n = Math.min(count, media.frameCount - first);
    if (n <= 0) return [];
    const run = await decodeRun(media, first, n, geometry, token);
    decodedFrames += n + first - (media.keyframes[run.keyframeIndex] ?? 0);
    if (seekLanded(media, keyPictures, run.keyframeIndex, run.keyPicture)) return run.frames.map(picture);
    const exact = await decodeRun(media, first, n, geometry, token, true);
    decodedFrames += first + n;
    return exact.frames.map(picture);
  };

  // Small pans over a clean picture and still graphics with a blinking element can be as cheap to
  // code as a held picture. Three frames from a keyframe inside a long candidate (cheap: no GOP
  // before them to decode) tell: unless they are black, bars or one held picture, it is dropped.
  const probe = async (candidate: { firstFrame: number; endFrame: number }): Promise<boolean> => {
    const inside = media.keyframes.find((k) => k >= candidate.firstFrame && k + 3 <= candidate.endFrame);
    const at = inside ?? Math.max(0, Math.floor((candidate.firstFrame + candidate.endFrame) / 2) - 1);
    const pictures = await decode(at, 3);
    if (pictures.some((p) => isBlack(p) || isBars(p))) return true;
    return pictures.length > 1 && pictures.every((p) => samePicture(p, pictures[0]!));
  };

  // A still shot holds a keyframe that shows what the whole run shows; without one the run is too
  // short to judge unseen (a black gap between keyframes), so it is decoded.
  const plainStill = (candidate: { firstFrame: number; endFrame: number }): boolean => {
    const inside = media.keyframes.flatMap((k, i) => (k >= candidate.firstFrame && k < candidate.endFrame ? [keyPictures[i]] : []));
    return inside.length > 0 && inside.every((p) => p !== undefined && !isBlack(p) && !isBars(p));
  };

  const cues: PictureCue[] = [];
  let finished = 0;
  const examine = async (candidate: { firstFrame: number; endFrame: number }): Promise<void> => {
    if (cues.some((c) => c.startFrame <= candidate.firstFrame && candidate.endFrame <= c.endFrame)) return;
    if (options.isStillShot?.(candidate.firstFrame) && plainStill(candidate)) return;
    // Short candidates are decoded whole with a margin (no probe: that would cost as much); long
    // ones are probed first, then decoded at both ends only, trusting the quiet packets in between.
    const length = candidate.endFrame - candidate.firstFrame;
    if (length > 4 * EDGE_WINDOW && !(await probe(candidate))) return;
    const spans: Array<[number, number]> =
      length <= 4 * EDGE_WINDOW
        ? [[candidate.firstFrame - EDGE_WINDOW, candidate.endFrame + EDGE_WINDOW]]
        : [
            [candidate.firstFrame - EDGE_WINDOW, candidate.firstFrame + EDGE_WINDOW],
            [candidate.endFrame - EDGE_WINDOW, candidate.endFrame + EDGE_WINDOW],
          ];
    const found: Array<{ cue: PictureCue; first: RgbImage }> = [];
    for (const [from, to] of spans) {
      const lo = Math.max(0, from);
      const pictures = await decode(lo, Math.min(media.frameCount, to) - lo);
      const hi = lo + pictures.length;
      for (const run of classifiedRuns(pictures, lo)) {
        const holds = predicate(run.kind, run.first);
        const startFrame = run.startFrame === lo && lo > 0 ? await searchStart(lo - 1, holds, decode) : run.startFrame;
        const endFrame = run.endFrame === hi && hi < media.frameCount ? await searchEnd(hi, media.frameCount, holds, decode) : run.endFrame;
        found.push({ cue: { kind: run.kind, startFrame, endFrame }, first: run.first });
      }
    }
    // The two ends of a long held picture: one cue when they show the same picture.
    for (let i = 1; i < found.length; i++) {
      const a = found[i - 1]!;
      const b = found[i]!;
      if (a.cue.kind === b.cue.kind && a.cue.endFrame >= candidate.firstFrame + EDGE_WINDOW && b.cue.startFrame <= candidate.endFrame - EDGE_WINDOW && predicate(a.cue.kind, a.first)(b.first)) {
        found.splice(i - 1, 2, { cue: { ...a.cue, endFrame: b.cue.endFrame }, first: a.first });
        i--;
      }
    }
    for (const { cue } of found) if (cue.endFrame - cue.startFrame >= minLength(cue.kind)) cues.push(cue);
  };
  // Each decode is a short single-threaded ffmpeg run, so two at a time keep both cores busy.
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < candidates.length; i = next++) {
      await examine(candidates[i]!);
      progress.report({ stage: "cues", fraction: 0.3 + (0.7 * ++finished) / candidates.length });
    }
  };
  await Promise.all([worker(), worker()]);
  progress.report({ stage: "cues", fraction: 1 });
  return { cues: mergeCues(cues), decodedFrames };
}

type Decode = (first: number, count: number) => Promise<RgbImage[]>;

/** The class test a cue's frames pass: black and bars by their look, a freeze by its picture. */
function predicate(kind: PictureCueKind, first: RgbImage): (p: RgbImage) => boolean {
  return kind === "cue.black" ? isBlack : kind === "cue.bars" ? isBars : (p) => samePicture(p, first);
}

/**
 * Did a keyframe seek land on the keyframe asked for? Its picture must match the keyframe pass. When
 * neighbouring keyframes look the same (inside black), a wrong landing cannot be seen; only MPEG-TS
 * is known to land elsewhere, so there it counts as a miss.
 */
function seekLanded(media: MediaInfo, keyPictures: readonly RgbImage[], i: number, landed: Uint8Array | null): boolean {
  const expected = keyPictures[i];
  if (!expected || !landed) return false;
  if (!samePicture(expected, { ...expected, data: landed })) return false;
  if (media.container !== "mpegts") return true;
  const neighbours = [keyPictures[i - 1], keyPictures[i + 1]].filter((p): p is RgbImage => p !== undefined);
  return neighbours.every((p) => !samePicture(p, expected));
}

/** First frame of the run of frames that hold, ending at `from` (which holds), searching back. */
async function searchStart(from: number, holds: (p: RgbImage) => boolean, decode: Decode): Promise<number> {
  let hi = from;
  for (;;) {
    const lo = Math.max(0, hi - 2 * EDGE_WINDOW + 1);
    const pictures = await decode(lo, hi - lo + 1);
    for (let f = lo + pictures.length - 1; f >= lo; f--) {
      if (!holds(pictures[f - lo]!)) return f + 1;
    }
    if (lo === 0) return 0;
    hi = lo - 1;
  }
}

/** Exclusive end of the run of frames that hold, starting at `from`, searching forward. */
async function searchEnd(from: number, frameCount: number, holds: (p: RgbImage) => boolean, decode: Decode): Promise<number> {
  let lo = from;
  for (;;) {
    if (lo >= frameCount) return frameCount;
    const pictures = await decode(lo, Math.min(frameCount, lo + 2 * EDGE_WINDOW) - lo);
    for (let i = 0; i < pictures.length; i++) {
      if (!holds(pictures[i]!)) return lo + i;
    }
    if (pictures.length === 0) return lo;
    lo += pictures.length;
  }
}

/**
 * Black, bars and held-picture runs in consecutive decoded frames starting at frame `offset`.
 * Held runs of a single frame are dropped (every frame "holds" itself).
 */
function classifiedRuns(pictures: readonly RgbImage[], offset: number): Array<PictureCue & { first: RgbImage }> {
  const runs: Array<PictureCue & { first: RgbImage }> = [];
  const classOf = (p: RgbImage): PictureCueKind | null => (isBars(p) ? "cue.bars" : isBlack(p) ? "cue.black" : null);
  let f = 0;
  while (f < pictures.length) {
    const first = pictures[f]!;
    const kind = classOf(first);
    let end = f + 1;
    if (kind !== null) {
      while (end < pictures.length && classOf(pictures[end]!) === kind) end++;
      runs.push({ kind, startFrame: offset + f, endFrame: offset + end, first });
    } else {
      while (end < pictures.length && samePicture(pictures[end]!, first)) end++;
      if (end - f > 1) runs.push({ kind: "cue.freeze", startFrame: offset + f, endFrame: offset + end, first });
    }
    f = end;
  }
  return runs;
}

/** Ranges of one kind that touch or overlap become one. */
function mergeCues(cues: readonly PictureCue[]): PictureCue[] {
  const sorted = [...cues].sort((a, b) => a.startFrame - b.startFrame || a.kind.localeCompare(b.kind));
  const out: PictureCue[] = [];
  for (const cue of sorted) {
    const same = out.findLast((c) => c.kind === cue.kind);
    if (same && cue.startFrame <= same.endFrame) {
      out[out.lastIndexOf(same)] = { ...same, endFrame: Math.max(same.endFrame, cue.endFrame) };
    } else out.push(cue);
  }
  return out;
}

export function frameRate(media: Pick<MediaInfo, "frameRate">): number {
  const [num, den] = media.frameRate.split("/").map(Number) as [number, number];
  return num / den;
}
