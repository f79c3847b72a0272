import { CancellationToken } from "../core/Cancellation.ts";
import { readFrames, type FrameGeometry } from "./FrameReader.ts";
import type { MediaInfo } from "./MediaInfo.ts";

/** ffmpeg's CLI seeks this much earlier when a stream has B-frames (its "dts heuristic"). */
export const FFMPEG_BFRAME_SEEK_MARGIN = 3 / 23;

/**
 * Seek time (seconds from the container start) that makes ffmpeg start decoding exactly at the
 * `i`-th keyframe, so nothing before it is decoded to be thrown away. Two things pull a seek early:
 * demuxers compare against decode timestamps, which trail presentation by the B-frame delay, and
 * ffmpeg's command line itself moves the target 3/23 s back for streams with B-frames. Both are
 * added back, but never past the next keyframe; callers still check where the seek landed.
 */
export function keyframeSeekSeconds(media: MediaInfo, i: number): number {
  const [num, den] = media.frameRate.split("/").map(Number) as [number, number];
  const halfFrame = den / num / 2;
  const t = media.frameTimes[media.keyframes[i]!]!;
  const delay = media.decodeDelaySeconds > 0 ? media.decodeDelaySeconds + FFMPEG_BFRAME_SEEK_MARGIN : 0;
  const next = media.keyframes[i + 1];
  const aim = t + delay + halfFrame;
  return (
    media.seekOffsetSeconds + (next === undefined ? aim : Math.min(aim, media.frameTimes[next]! + delay - halfFrame))
  );
}

/**
 * Where to seek (`-noaccurate_seek -ss`) to decode frame `first` from the keyframe at or before it,
 * with the frames in between dropped by time (see `timeAfterSeek`). ffmpeg starts decoding at the
 * last keyframe at or before the seek time, and its command line seeks 3/23 s earlier than asked
 * when the video has B-frames: aiming at `first` itself would decode the whole GOP before its
 * keyframe. So the seek aims just past that keyframe, but a frame short of the next keyframe
 * (demuxers that round to whole frames must not start there, after `first`). Transport streams keep
 * the plain aim at `first`: their coarse index can land anywhere near.
 */
export function frameSeekSeconds(media: MediaInfo, first: number): number {
  const frame = frameSeconds(media);
  const i = keyframeIndexAtOrBefore(media, first);
  const key = media.keyframes[i];
  if (media.container === "mpegts" || key === undefined || key > first)
    return Math.max(0, media.seekOffsetSeconds + media.frameTimes[first]! - frame / 2);
  const margin = media.decodeDelaySeconds > 0 ? FFMPEG_BFRAME_SEEK_MARGIN : 0;
  const pastKey = media.frameTimes[key]! + frame / 2 + margin;
  const next = media.keyframes[i + 1];
  const beforeNext = next === undefined ? Infinity : media.frameTimes[next]! - frame;
  return Math.max(0, media.seekOffsetSeconds + Math.min(pastKey, beforeNext));
}

/**
 * The output time (ffmpeg's `t` in filters) half a frame before frame `first`, after a seek to
 * `seek`: output time counts from the seek, so `select='gte(t,…)'` with it drops exactly the frames
 * decoded before `first`.
 */
export function timeAfterSeek(media: MediaInfo, first: number, seek: number): number {
  return media.seekOffsetSeconds + media.frameTimes[first]! - frameSeconds(media) / 2 - seek;
}

/** Duration of one frame at the clip's nominal rate, in seconds. */
export function frameSeconds(media: Pick<MediaInfo, "frameRate">): number {
  const [num, den] = media.frameRate.split("/").map(Number) as [number, number];
  return den / num;
}

/** Index in `media.keyframes` of the last keyframe at or before `frame` (0 if none). */
export function keyframeIndexAtOrBefore(media: Pick<MediaInfo, "keyframes">, frame: number): number {
  let lo = 0;
  let hi = media.keyframes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (media.keyframes[mid]! <= frame) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Frames `first` .. `first + count - 1`, decoded from the keyframe before them with a single-thread,
 * no-deblocking ffmpeg (short runs: frame threading would spend the run filling its pipeline).
 * The keyframe's own picture is returned too (`keyPicture`) so callers can check the seek landed
 * where it should. `fromStart` decodes from the file's first frame instead (exact on any container).
 */
export async function decodeRun(
  media: MediaInfo,
  first: number,
  count: number,
  geometry: FrameGeometry,
  token: CancellationToken = CancellationToken.None,
  fromStart = false,
): Promise<{ keyframeIndex: number; keyPicture: Uint8Array | null; frames: Uint8Array[] }> {
  const keyframeIndex = fromStart ? 0 : keyframeIndexAtOrBefore(media, first);
  const start = fromStart ? 0 : (media.keyframes[keyframeIndex] ?? 0);
  const frames: Uint8Array[] = [];
  let keyPicture: Uint8Array | null = null;
  let f = start;
  if (count <= 0) return { keyframeIndex, keyPicture, frames };
  // The frame budget assumes the seek lands on `start`; a landing elsewhere fails the caller's
  // keyPicture check, which then decodes from the file's start.
  const maxFrames = first + count - start;
  const request = fromStart
    ? { file: media.path, geometry, fastDecode: true, maxFrames }
    : {
        file: media.path,
        geometry,
        fastDecode: true,
        threads: 1,
        maxFrames,
        ...(start > 0 ? { keyframeSeekSeconds: keyframeSeekSeconds(media, keyframeIndex) } : {}),
      };
  for await (const data of readFrames(request, token)) {
    if (f === start) keyPicture = data;
    if (f >= first) frames.push(data);
    f++;
    if (f >= first + count) break;
  }
  return { keyframeIndex, keyPicture, frames };
}
