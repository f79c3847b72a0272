import { ErrorCode } from "@sichter/shared/errors";
import { CancellationToken } from "../core/Cancellation.ts";
import { SichterError } from "../core/SichterError.ts";
import { lastStderrLine, startTool } from "./ToolProcess.ts";

/**
 * Size and pixel layout of the small frames analysis works on: `gray` is full-range luma, `rgb24`
 * packed RGB, `yuvj444p` full-range luma followed by the U and V planes at the same size (planar).
 */
export interface FrameGeometry {
  readonly width: number;
  readonly height: number;
  readonly pixelFormat: "gray" | "rgb24" | "yuvj444p";
}

/**
 * The shot detector's working frames: luma only (cuts are structure, and a third of the bytes through
 * the pipe), enough pixels for block statistics, small enough to stay in cache.
 */
export const ANALYSIS_GEOMETRY: FrameGeometry = { width: 64, height: 36, pixelFormat: "gray" };

export function bytesPerFrame(geometry: FrameGeometry): number {
  // rgb24 and yuvj444p both carry three bytes a pixel, packed or as three planes.
  return geometry.width * geometry.height * (geometry.pixelFormat === "gray" ? 1 : 3);
}

export interface FrameReadRequest {
  readonly file: string;
  readonly geometry?: FrameGeometry;
  /** Decode only keyframes (the demuxer drops every other packet before the decoder sees it). */
  readonly keyframesOnly?: boolean;
  /**
   * Start decoding at the keyframe at or before this time (seconds from the container start). Get
   * it from `keyframeSeekSeconds`: a keyframe's own time is not enough, because ffmpeg's command
   * line seeks earlier than asked when the video has B-frames, and would decode the GOP before.
   */
  readonly keyframeSeekSeconds?: number;
  /**
   * Skip H.264/HEVC deblocking where no other frame is predicted from the result: keyframes read
   * alone, B-frames in a run. Invisible at 64x36 and about a tenth of decode time. Skipped on the
   * frames others are predicted from, its error adds up over a GOP (colour drifting by 20 levels
   * and more after a fade with weighted prediction) and comes back at once at the next keyframe.
   */
  readonly fastDecode?: boolean;
  /**
   * Decoder threads (default: ffmpeg's choice, one per core). Short runs decoded side by side go
   * faster single-threaded: frame threading spends most of a 60-frame run filling its pipeline.
   */
  readonly threads?: number;
  /**
   * Stop after this many frames. A reader that stops early kills ffmpeg, but by then ffmpeg has
   * decoded a few frames past the last one wanted; told the count up front, it decodes none.
   */
  readonly maxFrames?: number;
  /**
   * More pictures of every decoded frame, each at its own geometry, written to its `file` (raw,
   * back to back) by the same ffmpeg: one decode serves several consumers. Complete once the
   * stream has ended (a reader that breaks off kills ffmpeg, and a file may then lack its last
   * pictures). The frames yielded are the same bytes as without them (each output has its own
   * scaler).
   */
  readonly companions?: readonly CompanionPictures[];
}

export interface CompanionPictures {
  readonly geometry: FrameGeometry;
  readonly file: string;
  /**
   * Only these decoded frames, as [from, to) ranges of their index counted from the first frame
   * decoded. This output then ends after the last of them instead of with the stream.
   */
  readonly frames?: ReadonlyArray<readonly [number, number]>;
}

/**
 * Streams downscaled raw frames from ffmpeg. Frames are yielded one at a time from a reused
 * chunk stream, so memory stays flat whatever the clip length. Breaking out of the loop or
 * cancelling kills ffmpeg.
 */
export async function* readFrames(
  request: FrameReadRequest,
  token = CancellationToken.None,
): AsyncGenerator<Uint8Array, void, undefined> {
  const geometry = request.geometry ?? ANALYSIS_GEOMETRY;
  const frameBytes = bytesPerFrame(geometry);
  const args = ["-v", "error", "-nostdin"];
  if (request.threads !== undefined) args.push("-threads", String(request.threads));
  if (request.fastDecode) args.push("-skip_loop_filter", request.keyframesOnly ? "all" : "bidir");
  // Grey pictures are made from luma alone, and luma never depends on chroma: a decoder with a grey
  // mode (H.264, MPEG-2) then skips chroma, the same bytes for less work; others ignore the flag.
  const companions = request.companions ?? [];
  if (geometry.pixelFormat === "gray" && companions.every((c) => c.geometry.pixelFormat === "gray"))
    args.push("-flags", "gray");
  // The demuxer drops non-key packets before they are read (MP4, MOV); demuxers that ignore that
  // request (MXF) still hand them to a decoder told to skip them.
  if (request.keyframesOnly) args.push("-discard", "nokey", "-skip_frame", "nokey");
  if (request.keyframeSeekSeconds !== undefined && request.keyframeSeekSeconds > 0) {
    args.push("-noaccurate_seek", "-ss", request.keyframeSeekSeconds.toFixed(6));
  }
  args.push("-i", request.file);
  // Area averaging also averages away sensor noise, which would otherwise look like motion.
  const scale = (g: FrameGeometry): string => `scale=${g.width}:${g.height}:flags=area,format=${g.pixelFormat}`;
  // Passthrough: one output frame per decoded frame, never duplicated or dropped to fit a rate.
  const output = (frames: number | undefined): string[] => [
    "-an",
    "-sn",
    "-dn",
    "-vsync",
    "passthrough",
    ...(frames !== undefined ? ["-frames:v", String(Math.max(0, Math.floor(frames)))] : []),
    "-f",
    "rawvideo",
  ];
  args.push("-map", "0:v:0", "-vf", scale(geometry), ...output(request.maxFrames), "pipe:1");
  for (const { geometry: pictures, file, frames } of companions) {
    // An output with a filter chain of its own: each picture is made exactly as it would be alone.
    // (A -filter_complex split gives the same bytes, but ffmpeg then no longer decodes frames in
    // parallel, and the keyframe pass takes longer.)
    if (frames) {
      const select = frames.map(([from, to]) => `between(n\\,${from}\\,${to - 1})`).join("+") || "0";
      // Told its frame count, this output ends with its last frame; otherwise ffmpeg would decode
      // to the end of the stream, waiting for a frame that `select` will never pass.
      const count = frames.reduce((n, [from, to]) => n + Math.max(0, to - from), 0);
      args.push("-map", "0:v:0", "-vf", `select='${select}',${scale(pictures)}`, ...output(count), "-y", file);
    } else {
      args.push("-map", "0:v:0", "-vf", scale(pictures), ...output(request.maxFrames), "-y", file);
    }
  }

  const run = startTool("ffmpeg", args, token);
  // Each frame is assembled in its own buffer, copied once from the pipe's chunks: joining chunks
  // until a frame is complete would copy a 2.7 MB RGB frame dozens of times.
  let frame = new Uint8Array(frameBytes);
  let filled = 0;
  let finished = false;
  try {
    for await (const chunk of run.stdout as AsyncIterable<Buffer>) {
      let offset = 0;
      while (offset < chunk.length) {
        const n = Math.min(frameBytes - filled, chunk.length - offset);
        frame.set(chunk.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === frameBytes) {
          // A fresh buffer per frame: the consumer may keep the frame while the next one arrives.
          yield frame;
          frame = new Uint8Array(frameBytes);
          filled = 0;
        }
      }
    }
    const exit = await run.exit;
    finished = true;
    if (exit.code !== 0) {
      throw new SichterError(ErrorCode.TOOL_FAILED, {
        tool: "ffmpeg",
        path: request.file,
        detail: lastStderrLine(exit.stderr),
      });
    }
  } finally {
    if (!finished) {
      run.kill();
      // Surfaces cancellation as CANCELLED rather than a broken pipe.
      await run.exit.catch((error: unknown) => {
        if (token.isCancellationRequested) throw error;
      });
    }
  }
}
