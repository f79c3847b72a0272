import type { MediaInfo } from "../../src/media/MediaInfo.ts";

/**
 * A predicted frame that repeats its reference costs an encoder almost nothing (every macroblock
 * skipped): a few bytes against kilobytes for a frame with any motion or grain. A non-key frame is
 * "quiet" below this fraction of the stream's typical (75th percentile) non-key frame.
 */
export const QUIET_FRACTION = 0.1;

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
export function quietRuns(media: Pick<MediaInfo, "packetSizes" | "keyframes" | "frameCount">, minFrames = 3): QuietRun[] {
  const isKey = new Uint8Array(media.frameCount);
  for (const k of media.keyframes) if (k < media.frameCount) isKey[k] = 1;
  const sizes: number[] = [];
  for (let f = 0; f < media.frameCount; f++) if (!isKey[f]) sizes.push(media.packetSizes[f] ?? 0);
  if (sizes.length === 0) return [];
  sizes.sort((a, b) => a - b);
  const typical = sizes[Math.floor(sizes.length * 0.75)]!;
  const limit = typical * QUIET_FRACTION;
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
