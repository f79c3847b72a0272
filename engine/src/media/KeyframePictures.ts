import { bytesPerFrame, type FrameGeometry } from "./FrameReader.ts";
import { evenHeight, type RgbImage } from "./FrameSource.ts";
import type { MediaInfo } from "./MediaInfo.ts";

/**
 * A small RGB picture of every codec keyframe of a clip, in keyframe order, made by the shot
 * detector's keyframe pass while it decodes those frames anyway. Keyframes of long-GOP video are its
 * most expensive frames to decode (each is coded without reference to the others), and every
 * analyzer that surveys a whole clip starts from them; handed on, they are decoded once per
 * analysis instead of once per analyzer.
 */
export interface KeyframePictures {
  readonly width: number;
  readonly height: number;
  readonly pixelFormat: "rgb24";
  /** One picture per entry of `media.keyframes`, each `width * height * 3` bytes, back to back. */
  readonly data: Uint8Array;
}

/** Width of the pictures: the block statistics of cue tests need no more, and 6.9 KB per keyframe at 16:9. */
export const KEYFRAME_PICTURE_WIDTH = 64;

/** Their geometry for a clip: 64 px wide, the height keeping the aspect. */
export function keyframePictureGeometry(media: Pick<MediaInfo, "width" | "height">): FrameGeometry & { pixelFormat: "rgb24" } {
  return { width: KEYFRAME_PICTURE_WIDTH, height: evenHeight(media, KEYFRAME_PICTURE_WIDTH), pixelFormat: "rgb24" };
}

/**
 * The pictures as separate images, or undefined when the set does not fit the clip (another
 * geometry, or not one picture per keyframe): a consumer then decodes the keyframes itself.
 */
export function keyframePictureList(set: KeyframePictures | undefined, media: Pick<MediaInfo, "width" | "height" | "keyframes">): RgbImage[] | undefined {
  if (!set) return undefined;
  const geometry = keyframePictureGeometry(media);
  if (set.width !== geometry.width || set.height !== geometry.height || set.pixelFormat !== geometry.pixelFormat) return undefined;
  const size = bytesPerFrame(geometry);
  if (set.data.length !== size * media.keyframes.length) return undefined;
  return media.keyframes.map((_, i) => ({ width: set.width, height: set.height, data: set.data.subarray(i * size, (i + 1) * size) }));
}
