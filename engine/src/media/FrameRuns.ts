import { bytesPerFrame, type FrameGeometry } from "./FrameReader.ts";
import { evenHeight } from "./FrameSource.ts";
import type { MediaInfo } from "./MediaInfo.ts";

/**
 * Short runs of consecutive frames as small grey pictures, made on the way by the steps before the
 * analyzers: the shot detector keeps the frames after every keyframe of the GOPs it refines, the
 * keyframe step those of its bursts. A run that starts on a keyframe costs that keyframe's decode,
 * the most expensive frame of its GOP; an analyzer that wants frames at the same place (camera
 * motion measures its bursts there) takes the run instead of decoding it again.
 *
 * The pictures are the clip's exact frames, scaled, except that a step that decodes for analysis
 * may skip H.264's deblocking filter (the shot detector does): at 160 px that leaves them under a
 * grey level off on average (ShotDetector's tests hold it to that), well inside what motion
 * estimation tolerates.
 */
export interface FrameRuns {
  readonly width: number;
  readonly height: number;
  readonly pixelFormat: "gray";
  /** Each run's frames from `first` on, `width * height` bytes each, back to back in `data`. */
  readonly runs: ReadonlyArray<{ readonly first: number; readonly data: Uint8Array }>;
}

/** Width of the pictures: what camera-motion estimation works at (160x90 at 16:9, 14.4 KB a frame). */
export const FRAME_RUN_WIDTH = 160;
/** Frames per run: five neighbour pairs, enough to tell a steady move from wobble. */
export const FRAME_RUN_FRAMES = 6;

/** The runs' geometry for a clip: 160 px wide, the height keeping the aspect. */
export function frameRunGeometry(media: Pick<MediaInfo, "width" | "height">): FrameGeometry & { pixelFormat: "gray" } {
  return { width: FRAME_RUN_WIDTH, height: evenHeight(media, FRAME_RUN_WIDTH), pixelFormat: "gray" };
}

/**
 * The runs' frames by first frame, or undefined when the set does not fit the clip (another geometry,
 * a run of partial frames or reaching past the clip's end): a consumer then decodes what it needs.
 */
export function frameRunsByFirstFrame(set: FrameRuns | undefined, media: Pick<MediaInfo, "width" | "height" | "frameCount">): Map<number, Uint8Array[]> | undefined {
  if (!set) return undefined;
  const geometry = frameRunGeometry(media);
  if (set.width !== geometry.width || set.height !== geometry.height || set.pixelFormat !== geometry.pixelFormat) return undefined;
  const size = bytesPerFrame(geometry);
  const byFirst = new Map<number, Uint8Array[]>();
  for (const { first, data } of set.runs) {
    const count = data.length / size;
    if (!Number.isInteger(first) || first < 0 || !Number.isInteger(count) || count < 1 || first + count > media.frameCount) return undefined;
    byFirst.set(first, Array.from({ length: count }, (_, i) => data.subarray(i * size, (i + 1) * size)));
  }
  return byFirst;
}

/**
 * Runs from two steps as one set (the shot detector's and the keyframe step's), by first frame,
 * the earlier step's run kept where both start on the same frame. Sets of different geometry are
 * not mixed: the first is kept.
 */
export function joinedFrameRuns(a: FrameRuns | undefined, b: FrameRuns | undefined): FrameRuns | undefined {
  if (!a || !b) return a ?? b;
  if (a.width !== b.width || a.height !== b.height || a.pixelFormat !== b.pixelFormat) return a;
  const byFirst = new Map(b.runs.map((run) => [run.first, run]));
  for (const run of a.runs) byFirst.set(run.first, run);
  return { ...a, runs: [...byFirst.values()].sort((x, y) => x.first - y.first) };
}
