import { ErrorCode } from "@sichter/shared/errors";
import { CancellationToken } from "../core/Cancellation.ts";
import { SichterError } from "../core/SichterError.ts";
import type { MediaInfo } from "./MediaInfo.ts";
import { frameSeekSeconds, timeAfterSeek } from "./keyframeSeek.ts";
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
 * Decodes frames exactly: ffmpeg starts at the keyframe before the first one asked for and drops
 * frames by time until it, so frame numbers are exact for any codec. The cut-off lies half a frame
 * early, which keeps float rounding from dropping the requested frame itself.
 */
export function mediaFrameSource(media: MediaInfo): FrameSource {
  // ffmpeg's seeks land frames off in MPEG-TS (timestamps wrap and restart in transport streams)
  // and a frame early for about a third of the frames of long-GOP MPEG-2 in MXF, so there frames
  // are picked by their own timestamps instead; see timestampedFrameSource.
  if (media.container === "mpegts" || media.container === "mxf") return timestampedFrameSource(media);
  return {
    async rgb(first, width, count = 1, token = CancellationToken.None) {
      checkFrame(media, first);
      const height = evenHeight(media, width);
      // Decoding starts at the keyframe before `first`, not the one before that (see
      // frameSeekSeconds), and the frames up to `first` are dropped by their time. One decoder
      // thread: a run this short would spend most of its time filling frame threads' pipelines.
      const seek = frameSeekSeconds(media, first);
      const from = timeAfterSeek(media, first, seek);
      const exit = await runTool(
        "ffmpeg",
        [
          "-v",
          "error",
          "-nostdin",
          "-threads",
          "1",
          "-noaccurate_seek",
          "-ss",
          seek.toFixed(6),
          "-i",
          media.path,
          "-map",
          "0:v:0",
          "-frames:v",
          String(count),
          "-vf",
          `select='gte(t,${from.toFixed(6)})',scale=${width}:${height}:flags=bicubic,format=rgb24`,
          "-vsync",
          "passthrough",
          "-f",
          "rawvideo",
          "pipe:1",
        ],
        token,
      );
      return toImages(media, exit, width, height);
    },
  };
}

/**
 * Exact frames for containers whose seeks cannot be trusted: decoding starts a few seconds before
 * the keyframe ahead of the wanted frame, with the stream's own timestamps kept (`-copyts`), and
 * `select` lets through exactly the frames whose presentation time is the wanted frames' time.
 * The clip's first timestamp is read once (one frame decoded) to turn frame numbers into times.
 */
function timestampedFrameSource(media: MediaInfo): FrameSource {
  const [num, den] = media.frameRate.split("/").map(Number) as [number, number];
  const half = den / num / 2;
  let firstPts: Promise<number> | undefined;
  return {
    async rgb(first, width, count = 1, token = CancellationToken.None) {
      checkFrame(media, first);
      const last = Math.min(media.frameCount - 1, first + count - 1);
      firstPts ??= readFirstPts(media, token);
      const origin = await firstPts;
      const from = origin + media.frameTimes[first]! - half;
      const to = origin + media.frameTimes[last]! + half;
      const key = media.keyframes.filter((k) => k <= first).at(-1) ?? 0;
      // A margin before the keyframe: a transport stream's index is coarse, and landing early only
      // costs decoding, landing late would lose the frame.
      const seek = Math.max(0, media.seekOffsetSeconds + media.frameTimes[key]! - 3);
      const height = evenHeight(media, width);
      const exit = await runTool(
        "ffmpeg",
        [
          "-v",
          "error",
          "-nostdin",
          "-noaccurate_seek",
          "-ss",
          seek.toFixed(6),
          "-copyts",
          "-i",
          media.path,
          "-map",
          "0:v:0",
          "-vf",
          `select='between(t\\,${from.toFixed(6)}\\,${to.toFixed(6)})',scale=${width}:${height}:flags=bicubic,format=rgb24`,
          "-frames:v",
          String(last - first + 1),
          "-vsync",
          "passthrough",
          "-f",
          "rawvideo",
          "pipe:1",
        ],
        token,
      );
      return toImages(media, exit, width, height);
    },
  };
}

async function readFirstPts(media: MediaInfo, token: CancellationToken): Promise<number> {
  const exit = await runTool(
    "ffmpeg",
    [
      "-v",
      "info",
      "-nostdin",
      "-copyts",
      "-i",
      media.path,
      "-map",
      "0:v:0",
      "-frames:v",
      "1",
      "-vf",
      "showinfo",
      "-f",
      "null",
      "-",
    ],
    token,
  );
  const match = /pts_time:\s*(-?[\d.]+)/.exec(exit.stderr);
  if (exit.code !== 0 || !match) {
    throw new SichterError(ErrorCode.TOOL_FAILED, {
      tool: "ffmpeg",
      path: media.path,
      detail: lastStderrLine(exit.stderr),
    });
  }
  return Number(match[1]);
}

function checkFrame(media: MediaInfo, first: number): void {
  if (!Number.isInteger(first) || first < 0 || first >= media.frameCount) {
    throw new SichterError(ErrorCode.INTERNAL, {
      detail: `frame ${first} is outside the clip (0..${media.frameCount - 1})`,
    });
  }
}

/** The height of a picture `width` wide with the clip's aspect, even (as ffmpeg's scaler needs for 4:2:0), at least 2. */
export function evenHeight(media: Pick<MediaInfo, "width" | "height">, width: number): number {
  return Math.max(2, 2 * Math.round((width * media.height) / media.width / 2));
}

function toImages(
  media: MediaInfo,
  exit: { code: number | null; stderr: string; output: Buffer },
  width: number,
  height: number,
): RgbImage[] {
  const raw = exit.output;
  const size = width * height * 3;
  if (exit.code !== 0 || raw.length < size) {
    throw new SichterError(ErrorCode.TOOL_FAILED, {
      tool: "ffmpeg",
      path: media.path,
      detail: lastStderrLine(exit.stderr),
    });
  }
  const images: RgbImage[] = [];
  for (let offset = 0; offset + size <= raw.length; offset += size) {
    images.push({ width, height, data: new Uint8Array(raw.subarray(offset, offset + size)) });
  }
  return images;
}
