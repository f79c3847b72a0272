import { bytesPerFrame, type FrameGeometry } from "./FrameReader.ts";
import { pictureRoom, readPictures } from "./PictureFile.ts";

/**
 * Every frame the shot detector's refine windows decoded, at the keyframe pictures' size (64-px
 * RGB24, see KeyframePictures), each window's frames back to back in a file of the job folder.
 * They are decoded the way an analyzer's own short decodes are (from the window's keyframe, one
 * thread, without H.264's deblocking), so the same bytes: the cue detector takes a stretch that a
 * window covers from here instead of decoding it again.
 */
export interface WindowPictures {
  readonly width: number;
  readonly height: number;
  readonly pixelFormat: "rgb24";
  /** Frames [first, first + count) of each window; `file` as in KeyframeFrames (a bare name in a step's result). */
  readonly windows: ReadonlyArray<{ readonly file: string; readonly first: number; readonly count: number }>;
}

/**
 * Disk the window pictures may take: at 6.9 KB a 16:9 picture, about 19,000 frames, some 13
 * minutes of 25 fps windows. Windows past it are left out; their stretches are decoded as before.
 */
export const WINDOW_PICTURES_BUDGET = 128 * 1024 * 1024;

/** Bytes of window pictures `folder` can take now: the budget, or less where the disk is fuller. */
export function windowPicturesRoom(folder: string, budget = WINDOW_PICTURES_BUDGET): number {
  return Math.min(budget, pictureRoom(folder));
}

/**
 * Frames [from, end) from the one window that holds them all, if a window does and its file is
 * what it claims to be; undefined otherwise (the caller decodes them itself).
 */
export async function readWindowPictures(set: WindowPictures | undefined, geometry: FrameGeometry, from: number, end: number): Promise<Uint8Array[] | undefined> {
  if (!set || set.width !== geometry.width || set.height !== geometry.height || geometry.pixelFormat !== "rgb24" || end <= from) return undefined;
  const window = set.windows.find((w) => w.first <= from && end <= w.first + w.count);
  const size = bytesPerFrame(geometry);
  const data = window && (await readPictures(window.file, window.count, size, from - window.first, end - from));
  return data && Array.from({ length: end - from }, (_, i) => data.subarray(i * size, (i + 1) * size));
}
