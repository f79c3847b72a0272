import type { MediaInfo } from "@sichter/engine/extension-api";

/**
 * A predicted frame that repeats its reference costs an encoder almost nothing (every macroblock
 * skipped): a few bytes against kilobytes for a frame with any motion or grain. A non-key frame is
 * "quiet" below this fraction of the stream's typical non-key frame (the 75th percentile, or the
 * mean when held pictures fill most of the clip and the percentile is a skipped frame itself) ...
 */
export const QUIET_FRACTION = 0.1;

/**
 * ... and at most this multiple of the stream's skip floor (its 1st-percentile non-key frame). A
 * skipped frame costs the same few bytes whatever it shows, so once a clip holds a picture anywhere
 * (black, bars, a freeze) its smallest packets are skipped frames and a held picture stays near them,
 * while a slow pan or a graphic with a faint animation, quiet by the fraction alone, costs ten times
 * that and more. Without held pictures the floor is real pictures and the fraction alone decides.
 */
export const SKIP_FLOOR_MULTIPLE = 4;

/**
 * Runs this close are joined: a keyframe re-codes a held picture at full cost, and in a B-frame
 * pyramid the reference P-frames of a held picture cost more than the B-frames between them.
 */
const MAX_GAP = 3;

/** Frames [firstFrame, endFrame) whose packets say the picture does not change. */
export interface QuietRun {
  readonly firstFrame: number;
  readonly endFrame: number;
}

/**
 * Runs of quiet non-key frames, read from packet sizes alone (no decoding). A run starts one frame
 * before its first quiet packet (that frame carried the picture the quiet ones repeat). Runs up to
 * MAX_GAP frames apart are joined.
 * Edges are estimates: an encoder may spend a few frames refining a held picture before it goes
 * quiet, and B-frames blur the edge by a frame or two; callers refine them by decoding.
 */
export function quietRuns(
  media: Pick<MediaInfo, "packetSizes" | "keyframes" | "frameCount">,
  minFrames = 3,
): QuietRun[] {
  const isKey = new Uint8Array(media.frameCount);
  for (const k of media.keyframes) if (k < media.frameCount) isKey[k] = 1;
  const sizes: number[] = [];
  for (let f = 0; f < media.frameCount; f++) if (!isKey[f]) sizes.push(media.packetSizes[f] ?? 0);
  if (sizes.length === 0) return [];
  sizes.sort((a, b) => a - b);
  const typical = Math.max(
    sizes[Math.floor(sizes.length * 0.75)]!,
    sizes.reduce((sum, s) => sum + s, 0) / sizes.length,
  );
  const limit = Math.min(typical * QUIET_FRACTION, skipFloor(sizes) * SKIP_FLOOR_MULTIPLE);
  const quiet = (f: number): boolean => !isKey[f] && (media.packetSizes[f] ?? Infinity) <= limit;

  const runs: Array<{ firstFrame: number; endFrame: number }> = [];
  let f = 0;
  while (f < media.frameCount) {
    if (!quiet(f)) {
      f++;
      continue;
    }
    let end = f;
    while (end < media.frameCount && quiet(end)) end++;
    const firstFrame = Math.max(0, f - 1);
    const last = runs.at(-1);
    if (last && firstFrame - last.endFrame <= MAX_GAP) last.endFrame = end;
    else runs.push({ firstFrame, endFrame: end });
    f = end;
  }
  return runs.filter((r) => r.endFrame - r.firstFrame >= minFrames);
}

/** 1st percentile of ascending sizes, ignoring empty packets (some containers mark repeated frames so). */
function skipFloor(ascending: readonly number[]): number {
  const first = ascending.findIndex((s) => s > 0);
  if (first < 0) return 0;
  return ascending[first + Math.floor((ascending.length - first) * 0.01)]!;
}

/**
 * Whether the encoder held a range of frames: at least half of them lie in quiet runs. With
 * g(x) = 2 * (quiet frames before x) - x, a range [start, end) is half quiet exactly when
 * g(end) >= g(start), so running extremes of g also answer for the best range a held run could
 * still grow into before any frame of the growth is decoded.
 */
export class QuietCover {
  private readonly g: Int32Array;
  private readonly lowestUpTo: Int32Array;
  private readonly highestFrom: Int32Array;

  constructor(runs: readonly QuietRun[], frameCount: number) {
    const quiet = new Uint8Array(frameCount);
    for (const r of runs) quiet.fill(1, r.firstFrame, Math.min(r.endFrame, frameCount));
    this.g = new Int32Array(frameCount + 1);
    for (let x = 0; x < frameCount; x++) this.g[x + 1] = this.g[x]! + 2 * quiet[x]! - 1;
    this.lowestUpTo = new Int32Array(frameCount + 1);
    this.highestFrom = new Int32Array(frameCount + 1);
    for (let x = 0; x <= frameCount; x++)
      this.lowestUpTo[x] = Math.min(this.g[x]!, x > 0 ? this.lowestUpTo[x - 1]! : Infinity);
    for (let x = frameCount; x >= 0; x--)
      this.highestFrom[x] = Math.max(this.g[x]!, x < frameCount ? this.highestFrom[x + 1]! : -Infinity);
  }

  holds(start: number, end: number): boolean {
    return this.g[end]! >= this.g[start]!;
  }

  /** Could [start, end), grown to any earlier start (`back`) or later end (`forward`), be held? */
  mayHold(start: number, end: number, back: boolean, forward: boolean): boolean {
    const high = forward ? this.highestFrom[end]! : this.g[end]!;
    const low = back ? this.lowestUpTo[start]! : this.g[start]!;
    return high >= low;
  }
}
