import fs from "node:fs";
import { bytesPerFrame, type FrameGeometry } from "./FrameReader.ts";
import { evenHeight, type RgbImage } from "./FrameSource.ts";
import { pictureRoom, readFully, readPictures } from "./PictureFile.ts";
import type { MediaInfo } from "./MediaInfo.ts";

/**
 * The clip's first `count` codec keyframes at the width text is read at, as raw RGB24 pictures
 * back to back in one file of the job's temp folder. The shot detector's keyframe pass makes them
 * with a third output while it decodes those frames anyway, so OCR, which reads every keyframe,
 * does not decode them a second time. Unlike KeyframePictures (6.9 KB each, kept in memory) these
 * are 2.7 MB each at 1280x720: they stay on disk, bounded by KEYFRAME_FRAMES_BUDGET, and go with
 * the job folder when the analysis ends.
 */
export interface KeyframeFrames {
  readonly width: number;
  readonly height: number;
  readonly pixelFormat: "rgb24";
  /** The raw file; in a step's result a bare name inside the job folder, for analyzers a full path. */
  readonly file: string;
  /** Pictures in the file: entries 0..count-1 of `media.keyframes`. */
  readonly count: number;
  /**
   * Frames other than keyframes at the same geometry, each file holding its `frames` back to back
   * (named as `file` is): frames the shot detector's refine windows decoded anyway, about a second
   * before the keyframe that ends a refined gap, where OCR reads an extra frame of a shot that ends
   * on that keyframe. Unlike the keyframes these are decoded without H.264's deblocking.
   */
  readonly others?: ReadonlyArray<{ readonly file: string; readonly frames: readonly number[] }>;
}

/** OCR's frame width (never above the source's): the geometry the keyframe frames are made at. */
export const KEYFRAME_FRAME_WIDTH = 1280;

/**
 * Disk the keyframe frames may take: at 2.7 MB a keyframe (720p), about 390 keyframes, six and a
 * half minutes of 1-second GOPs. Keyframes past the budget are left to their consumer, which
 * decodes them as it would without.
 */
export const KEYFRAME_FRAMES_BUDGET = 1024 * 1024 * 1024;

export function keyframeFrameGeometry(media: Pick<MediaInfo, "width" | "height">, width = KEYFRAME_FRAME_WIDTH): FrameGeometry & { pixelFormat: "rgb24" } {
  const w = Math.min(media.width, width);
  return { width: w, height: evenHeight(media, w), pixelFormat: "rgb24" };
}

/**
 * How many keyframes to write into `folder`: all of them if budget and free disk allow, else as
 * many leading ones as fit, 0 when the free space cannot be read.
 */
export function keyframeFramesToWrite(media: Pick<MediaInfo, "width" | "height" | "keyframes">, folder: string, budget = KEYFRAME_FRAMES_BUDGET): number {
  return keyframeFramesRoom(media, folder, budget).count;
}

/** `count` as keyframeFramesToWrite, and how many more pictures (`others`) fit the budget beside them. */
export function keyframeFramesRoom(media: Pick<MediaInfo, "width" | "height" | "keyframes">, folder: string, budget = KEYFRAME_FRAMES_BUDGET): { count: number; spare: number } {
  const pictures = Math.floor(Math.min(budget, pictureRoom(folder)) / bytesPerFrame(keyframeFrameGeometry(media)));
  const count = Math.min(media.keyframes.length, pictures);
  return { count, spare: pictures - count };
}

/**
 * Whether a set fits the clip and the reader: the reader's geometry, no more pictures than
 * keyframes, and a file holding exactly `count` of them. A set that does not fit is not used.
 */
export function keyframeFramesFit(set: KeyframeFrames | undefined, media: Pick<MediaInfo, "width" | "height" | "keyframes">, geometry: FrameGeometry): set is KeyframeFrames {
  if (!set || set.pixelFormat !== "rgb24" || set.width !== geometry.width || set.height !== geometry.height || geometry.pixelFormat !== "rgb24") return false;
  if (!Number.isInteger(set.count) || set.count < 1 || set.count > media.keyframes.length) return false;
  try {
    return fs.statSync(set.file).size === set.count * bytesPerFrame(geometry);
  } catch {
    return false;
  }
}

/**
 * The picture of a non-keyframe from a set's `others`, or undefined when the set has none of that
 * frame or its file does not hold what it claims.
 */
export async function readOtherFrame(set: KeyframeFrames, frame: number): Promise<RgbImage | undefined> {
  const entry = set.others?.find((o) => o.frames.includes(frame));
  const data = entry && (await readPictures(entry.file, entry.frames.length, bytesPerFrame(set), entry.frames.indexOf(frame), 1));
  return data && { width: set.width, height: set.height, data };
}

/** Reads pictures by keyframe index from a fitting set, through one open file until disposed. */
export class KeyframeFrameFile {
  private readonly size: number;

  private constructor(
    private readonly set: KeyframeFrames,
    private readonly handle: fs.promises.FileHandle,
  ) {
    this.size = bytesPerFrame(set);
  }

  static async open(set: KeyframeFrames): Promise<KeyframeFrameFile> {
    return new KeyframeFrameFile(set, await fs.promises.open(set.file, "r"));
  }

  has(index: number): boolean {
    return index >= 0 && index < this.set.count;
  }

  async read(index: number): Promise<RgbImage> {
    const data = new Uint8Array(this.size);
    if (!(await readFully(this.handle, data, index * this.size))) throw new Error(`keyframe frame ${index} is cut short in ${this.set.file}`);
    return { width: this.set.width, height: this.set.height, data };
  }

  async dispose(): Promise<void> {
    await this.handle.close();
  }
}
