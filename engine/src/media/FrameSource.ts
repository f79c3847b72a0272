import { ErrorCode } from "@sichter/shared/protocol";
import { CancellationToken } from "../core/Cancellation.ts";
import { SichterError } from "../core/SichterError.ts";
import type { MediaInfo } from "./MediaInfo.ts";
import { lastStderrLine, runTool } from "./ToolProcess.ts";

/** An RGB24 picture, row-major, 3 bytes per pixel. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Exact frames of one clip, on demand, at a requested width (height keeps the aspect, even). */
export interface FrameSource {
  /** Frames `first` .. `first + count - 1` as RGB, decoded in one pass. */
  rgb(first: number, width: number, count?: number, token?: CancellationToken): Promise<RgbImage[]>;
}

/**
 * Decodes frames with an accurate seek: ffmpeg starts at the keyframe before and drops frames until
 * the requested one, so frame numbers are exact for any codec. Aiming half a frame early keeps float
 * rounding from dropping the requested frame itself.
 */
export function mediaFrameSource(media: MediaInfo): FrameSource {
  const [num, den] = media.frameRate.split("/").map(Number) as [number, number];
  return {
    async rgb(first, width, count = 1, token = CancellationToken.None) {
      if (!Number.isInteger(first) || first < 0 || first >= media.frameCount) {
        throw new SichterError(ErrorCode.INTERNAL, { detail: `frame ${first} is outside the clip (0..${media.frameCount - 1})` });
      }
      const height = 2 * Math.round((width * media.height) / media.width / 2);
      const seek = Math.max(0, media.seekOffsetSeconds + media.frameTimes[first]! - den / num / 2);
      const exit = await runTool(
        "ffmpeg",
        [
          "-v", "error", "-nostdin", "-ss", seek.toFixed(6), "-i", media.path, "-map", "0:v:0",
          "-frames:v", String(count), "-vf", `scale=${width}:${height}:flags=bicubic,format=rgb24`,
          "-vsync", "passthrough", "-f", "rawvideo", "pipe:1",
        ],
        token,
      );
      const raw = exit.output;
      const size = width * height * 3;
      if (exit.code !== 0 || raw.length < size) {
        throw new SichterError(ErrorCode.TOOL_FAILED, { tool: "ffmpeg", path: media.path, detail: lastStderrLine(exit.stderr) });
      }
      const images: RgbImage[] = [];
      for (let offset = 0; offset + size <= raw.length; offset += size) {
        images.push({ width, height, data: new Uint8Array(raw.subarray(offset, offset + size)) });
      }
      return images;
    },
  };
}
