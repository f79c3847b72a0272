import { ErrorCode } from "@sichter/shared/errors";
import { CancellationToken, throwIfCancelled } from "../../core/Cancellation.ts";
import { SichterError } from "../../core/SichterError.ts";
import type { RgbImage } from "../../media/FrameSource.ts";
import { lastStderrLine, runTool } from "../../media/ToolProcess.ts";
import { checkMaxLongSide } from "./imageLimits.ts";
import { assertCleanJpeg } from "./jpegSegments.ts";

export interface EncodedJpeg {
  readonly jpeg: Buffer;
  readonly width: number;
  readonly height: number;
}

export interface EncodeJpegOptions {
  /** Long-side cap in pixels, 16..768 (the design's ceiling). Smaller images are never enlarged. */
  readonly maxLongSide: number;
  /** JPEG quality 1..100, higher is better (default 90), mapped onto ffmpeg's qscale 31..2. */
  readonly quality?: number;
}

const DEFAULT_QUALITY = 90;

/**
 * Encodes a keyframe for a cloud provider from raw pixels only: the source file's metadata (EXIF,
 * XMP, GPS, camera serials) never reaches the encoder, so it cannot reach the output. The picture is
 * shrunk to the long-side cap (aspect kept, even dimensions for 4:2:0 chroma) and the result passes
 * assertCleanJpeg before it is returned, so a future ffmpeg that starts writing a new block is caught.
 *
 * The pixels go to ffmpeg through its stdin rather than a temporary file: nothing of the frame lands
 * on disk, so there is nothing to delete when the job ends, nor to sweep after a crash, and no
 * temp-folder permissions to get right. runTool collects stdout while stdin is written, so a large
 * frame cannot deadlock on full pipes.
 */
export async function encodeJpeg(
  image: RgbImage,
  options: EncodeJpegOptions,
  token = CancellationToken.None,
): Promise<EncodedJpeg> {
  const maxLongSide = checkMaxLongSide(options.maxLongSide);
  const qscale = toQscale(options.quality ?? DEFAULT_QUALITY);
  checkImage(image);
  throwIfCancelled(token);
  const { width, height } = targetSize(image.width, image.height, maxLongSide);
  const shrinking = width < image.width || height < image.height;
  const exit = await runTool(
    "ffmpeg",
    [
      "-v",
      "error",
      "-nostdin",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "-video_size",
      `${image.width}x${image.height}`,
      "-i",
      "pipe:0",
      "-frames:v",
      "1",
      // Area averaging is the least aliased shrink; setsar=1 makes the JFIF header say square pixels.
      "-vf",
      `scale=${width}:${height}:flags=${shrinking ? "area" : "bicubic"},setsar=1`,
      // Full-range 4:2:0: the limited-range variant makes the encoder add a "CS=ITU601" comment.
      "-pix_fmt",
      "yuvj420p",
      "-c:v",
      "mjpeg",
      "-q:v",
      String(qscale),
      // bitexact drops the "Lavc<version>" COM segment; no metadata is mapped from the (raw) input.
      "-map_metadata",
      "-1",
      "-fflags",
      "+bitexact",
      "-flags",
      "+bitexact",
      "-f",
      "mjpeg",
      "pipe:1",
    ],
    token,
    { stdin: image.data },
  );
  if (exit.code !== 0 || exit.output.length === 0) {
    throw new SichterError(ErrorCode.TOOL_FAILED, {
      tool: "ffmpeg",
      path: "keyframe (raw pixels)",
      detail: lastStderrLine(exit.stderr),
    });
  }
  const size = assertCleanJpeg(exit.output, maxLongSide);
  if (size.width !== width || size.height !== height) {
    throw new SichterError(ErrorCode.INTERNAL, {
      detail: `ffmpeg encoded ${size.width}x${size.height}, expected ${width}x${height}`,
    });
  }
  return { jpeg: exit.output, width, height };
}

/**
 * The output size: scaled down so the long side fits the cap, never up, rounded down to even numbers
 * (so the cap holds even when it is odd), at least 2x2.
 */
export function targetSize(width: number, height: number, maxLongSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxLongSide / Math.max(width, height));
  const even = (n: number) => Math.max(2, 2 * Math.floor((n * scale) / 2));
  return { width: even(width), height: even(height) };
}

function toQscale(quality: number): number {
  if (!Number.isFinite(quality) || quality < 1 || quality > 100) {
    throw new SichterError(ErrorCode.INTERNAL, { detail: `JPEG quality must be in 1..100, got ${quality}` });
  }
  return Math.round(2 + ((100 - quality) * 29) / 99);
}

function checkImage(image: RgbImage): void {
  const { width, height, data } = image;
  // At least 2x2: 4:2:0 needs even sizes, and rounding a 1 px side up to 2 would be an enlargement.
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 2 || height < 2) {
    throw new SichterError(ErrorCode.INTERNAL, { detail: `image size ${width}x${height} is too small (at least 2x2)` });
  }
  if (data.length !== width * height * 3) {
    throw new SichterError(ErrorCode.INTERNAL, {
      detail: `image data has ${data.length} bytes, RGB24 ${width}x${height} needs ${width * height * 3}`,
    });
  }
}
