import type { FrameGeometry } from "./FrameReader.ts";
import { evenHeight } from "./FrameSource.ts";
import type { MediaInfo } from "./MediaInfo.ts";

/**
 * The geometries the shot and keyframe steps put pictures into the job's frame store at: the
 * sizes their consumers work at, so that a consumer asking at its own size finds them.
 */

/** Keyframe and refine-window pictures: the block statistics of cue tests need no more, and 6.9 KB a frame at 16:9. */
export const KEYFRAME_PICTURE_WIDTH = 64;

export function keyframePictureGeometry(
  media: Pick<MediaInfo, "width" | "height">,
): FrameGeometry & { pixelFormat: "rgb24" } {
  return { width: KEYFRAME_PICTURE_WIDTH, height: evenHeight(media, KEYFRAME_PICTURE_WIDTH), pixelFormat: "rgb24" };
}

/** Runs of consecutive grey frames: what camera-motion estimation works at (160x90 at 16:9, 14.4 KB a frame). */
export const FRAME_RUN_WIDTH = 160;
/** Frames per run: five neighbour pairs, enough to tell a steady move from wobble. */
export const FRAME_RUN_FRAMES = 6;

export function frameRunGeometry(media: Pick<MediaInfo, "width" | "height">): FrameGeometry & { pixelFormat: "gray" } {
  return { width: FRAME_RUN_WIDTH, height: evenHeight(media, FRAME_RUN_WIDTH), pixelFormat: "gray" };
}

/** OCR's frame width (never above the source's): keyframes and the frames a second before some. */
export const KEYFRAME_FRAME_WIDTH = 1280;

export function keyframeFrameGeometry(
  media: Pick<MediaInfo, "width" | "height">,
  width = KEYFRAME_FRAME_WIDTH,
): FrameGeometry & { pixelFormat: "rgb24" } {
  const w = Math.min(media.width, width);
  return { width: w, height: evenHeight(media, w), pixelFormat: "rgb24" };
}
