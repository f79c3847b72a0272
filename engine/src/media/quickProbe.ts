import { ErrorCode } from "@sichter/shared/errors";
import { CancellationToken } from "../core/Cancellation.ts";
import { SichterError } from "../core/SichterError.ts";
import { hasVideoContainerSignature } from "./containerSignature.ts";
import { stillImageKind, stillImageStreams } from "./stillImage.ts";
import { lastStderrLine, runTool } from "./ToolProcess.ts";

/** What a media browser shows before anything is decoded. */
export interface QuickProbe {
  /** ffprobe's first demuxer name ("mov", "matroska", "mxf"). */
  readonly container: string;
  readonly codec: string;
  readonly pixelFormat: string | null;
  readonly width: number;
  readonly height: number;
  /** Rational "num/den", snapped to a broadcast rate when it is one. */
  readonly frameRate: string;
  readonly durationSeconds: number;
  /** The container's count, or duration x rate: close, not exact (the analysis counts frames). */
  readonly frameCount: number;
  readonly startTimecode: string | null;
  readonly dropFrame: boolean;
}

interface Stream {
  codec_type?: string;
  codec_name?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  nb_frames?: string;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
}

interface Output {
  streams?: Stream[];
  format?: { format_name?: string; duration?: string; tags?: Record<string, string> };
}

const STILL_IMAGE_CODECS = new Set(["png", "bmp", "gif", "webp", "tiff", "ansi"]);
const BROADCAST_RATES = [
  [24000, 1001],
  [24, 1],
  [25, 1],
  [30000, 1001],
  [30, 1],
  [48, 1],
  [50, 1],
  [60000, 1001],
  [60, 1],
] as const;

/**
 * ffprobe's header view of a file (format and streams, no packet index, no decode): milliseconds
 * per file, so a folder of clips can be shown with durations and timecodes. `probeMedia` is the
 * exact probe an analysis runs; this one only describes.
 */
export async function quickProbe(file: string, token = CancellationToken.None): Promise<QuickProbe> {
  const run = await runTool(
    "ffprobe",
    ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "--", file],
    token,
  );
  if (run.code !== 0) {
    const code = (await hasVideoContainerSignature(file)) ? ErrorCode.PROBE_CORRUPT : ErrorCode.PROBE_NOT_MEDIA;
    throw new SichterError(code, { path: file, detail: lastStderrLine(run.stderr) });
  }
  const info = JSON.parse(run.stdout) as Output;
  const streams = info.streams ?? [];
  const format = info.format?.format_name ?? "unknown";
  const still = stillImageKind(info);
  if (still) throw new SichterError(ErrorCode.PROBE_NOT_VIDEO, { path: file, streams: stillImageStreams(still) });
  const video = streams.find(
    (s) => s.codec_type === "video" && s.disposition?.attached_pic !== 1 && !STILL_IMAGE_CODECS.has(s.codec_name ?? ""),
  );
  if (!video || format === "tty") {
    // ffmpeg renders text files as "ANSI art" video (format tty): notes are not footage.
    if (streams.length === 0 || format === "tty") throw new SichterError(ErrorCode.PROBE_NOT_MEDIA, { path: file });
    throw new SichterError(ErrorCode.PROBE_NOT_VIDEO, {
      path: file,
      streams: streams.map((s) => `${s.codec_type ?? "unknown"}: ${s.codec_name ?? "?"}`).join(", "),
    });
  }
  const rate = frameRateOf(video);
  const durationSeconds = Math.max(0, Number(video.duration) || Number(info.format?.duration) || 0);
  const counted = Number(video.nb_frames);
  const frameCount =
    Number.isInteger(counted) && counted > 0 ? counted : Math.round((durationSeconds * rate.num) / rate.den);
  const timecode =
    video.tags?.timecode ??
    streams.find((s) => s.codec_type === "data" && s.tags?.timecode)?.tags?.timecode ??
    info.format?.tags?.timecode ??
    null;
  return {
    container: format.split(",")[0]!,
    codec: video.codec_name ?? "unknown",
    pixelFormat: video.pix_fmt ?? null,
    width: video.width ?? 0,
    height: video.height ?? 0,
    frameRate: `${rate.num}/${rate.den}`,
    durationSeconds,
    frameCount,
    startTimecode: timecode,
    dropFrame: timecode !== null && /[;.,]\d+$/.test(timecode),
  };
}

/** The average rate when the container gives one, else the base rate; 25 when neither makes sense. */
function frameRateOf(video: Stream): { num: number; den: number } {
  for (const text of [video.avg_frame_rate, video.r_frame_rate]) {
    const match = /^(\d+)\/(\d+)$/.exec(text ?? "");
    if (!match) continue;
    const num = Number(match[1]);
    const den = Number(match[2]);
    if (num <= 0 || den <= 0 || num / den >= 1000) continue;
    const broadcast = BROADCAST_RATES.find(([n, d]) => Math.abs(num / den - n / d) / (n / d) < 0.002);
    if (broadcast) return { num: broadcast[0], den: broadcast[1] };
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    const g = gcd(num, den);
    return { num: num / g, den: den / g };
  }
  return { num: 25, den: 1 };
}
