import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { CancellationToken } from "../core/Cancellation.ts";
import { SichterError } from "../core/SichterError.ts";
import { checkInputFile } from "./checkInputFile.ts";
import type { FieldOrder, MediaInfo } from "./MediaInfo.ts";
import { isVariableFrameRate, parsePacketCsv } from "./packetIndex.ts";
import { hasVideoContainerSignature } from "./containerSignature.ts";
import { decodesFirstFrame } from "./decodesFirstFrame.ts";
import { parsePixelAspect } from "./pixelAspect.ts";
import { findTruncation } from "./truncation.ts";
import { stillImageKind, stillImageStreams } from "./stillImage.ts";
import { lastStderrLine, runTool } from "./ToolProcess.ts";

interface FfprobeStream {
  index: number;
  codec_type?: string;
  codec_name?: string;
  codec_long_name?: string;
  profile?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  time_base?: string;
  field_order?: string;
  nb_frames?: string;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
}

interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { format_name?: string; duration?: string; start_time?: string; tags?: Record<string, string> };
}

const PSEUDO_VIDEO_FORMATS = new Set(["tty"]);
/** Single pictures and cover art: they have a "video" stream but no footage. */
const STILL_IMAGE_CODECS = new Set(["png", "bmp", "gif", "webp", "tiff", "ansi"]);

const INTRA_ONLY_CODECS = new Set([
  "prores",
  "dnxhd",
  "mjpeg",
  "jpeg2000",
  "ffv1",
  "v210",
  "rawvideo",
  "huffyuv",
  "dvvideo",
  "cfhd",
  "utvideo",
]);

/**
 * Everything Sichter needs to know about a clip before decoding: format, rational frame rate, exact
 * frame count, frame times, keyframes, start timecode. Bad input fails here with a stable code, so
 * later stages can assume a decodable video stream.
 */
export async function probeMedia(input: string, token = CancellationToken.None): Promise<MediaInfo> {
  const file = await checkInputFile(input);
  const shown = path.resolve(input);

  const probe = await runTool(
    "ffprobe",
    ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "--", file.path],
    token,
  );
  if (probe.code !== 0) throw await probeFailure(probe.stderr, file.path, shown);
  const info = JSON.parse(probe.stdout) as FfprobeOutput;
  // ffmpeg renders text files as "ANSI art" video (format tty): a notes.txt is not footage.
  if (PSEUDO_VIDEO_FORMATS.has(info.format?.format_name ?? "")) {
    throw new SichterError(ErrorCode.PROBE_NOT_MEDIA, { path: shown });
  }
  // A photo or screenshot opens as one frame of "video"; analysing it fails later and vaguely.
  const still = stillImageKind(info);
  if (still) throw new SichterError(ErrorCode.PROBE_NOT_VIDEO, { path: shown, streams: stillImageStreams(still) });
  const streams = info.streams ?? [];
  const video = streams.find(
    (s) => s.codec_type === "video" && s.disposition?.attached_pic !== 1 && !STILL_IMAGE_CODECS.has(s.codec_name ?? ""),
  );
  if (!video) {
    const kinds = streams.map((s) => `${s.codec_type ?? "unknown"}: ${s.codec_name ?? "?"}`);
    if (kinds.length === 0) throw new SichterError(ErrorCode.PROBE_NOT_MEDIA, { path: shown });
    throw new SichterError(ErrorCode.PROBE_NOT_VIDEO, { path: shown, streams: kinds.join(", ") });
  }

  const timeBase = parseRatio(video.time_base);
  if (!timeBase) throw new SichterError(ErrorCode.PROBE_CORRUPT, { path: shown });
  const packets = await runTool(
    "ffprobe",
    [
      "-v",
      "error",
      "-select_streams",
      String(video.index),
      "-show_entries",
      "packet=pts,dts,size,flags",
      "-of",
      "csv=p=0",
      "--",
      file.path,
    ],
    token,
  );
  const index = parsePacketCsv(packets.stdout, timeBase.value);
  if (index.frameTimes.length === 0 || !(await decodesFirstFrame(file.path, token))) {
    throw new SichterError(ErrorCode.PROBE_CORRUPT, { path: shown });
  }

  const rate = chooseFrameRate(video, index.frameTimes);
  const frameDuration = rate.den / rate.num;
  const variableFrameRate = isVariableFrameRate(index.frameTimes, frameDuration);
  const nominal = variableFrameRate ? nominalFrameRate(video, rate) : rate;
  // Below one frame per second timecode has no label for a frame (1/2 fps would round to 1 and
  // count each picture as one second): refused here, before any step counts frames in it.
  if (nominal.num < nominal.den) {
    const seconds = String(Math.round((nominal.den / nominal.num) * 100) / 100);
    throw new SichterError(ErrorCode.FRAME_RATE_TOO_LOW, {
      path: shown,
      rate: `${nominal.num}/${nominal.den}`,
      seconds,
    });
  }
  const timecode = findStartTimecode(info, video);
  const fieldOrder = toFieldOrder(video.field_order);
  const codec = video.codec_name ?? "unknown";
  const frameCount = index.frameTimes.length;
  const lastTime = index.frameTimes[frameCount - 1] ?? 0;
  const truncated = findTruncation(
    {
      nbFrames: video.nb_frames,
      streamDuration: video.duration,
      durationTag: video.tags?.DURATION,
      formatDuration: info.format?.duration,
      onlyStream: streams.length === 1,
    },
    frameCount,
    frameDuration,
  );

  return {
    path: file.path,
    sizeBytes: file.size,
    container: (info.format?.format_name ?? "unknown").split(",")[0]!,
    codec,
    codecLongName: video.codec_long_name ?? codec,
    profile: video.profile ?? null,
    pixelFormat: video.pix_fmt ?? null,
    width: video.width ?? 0,
    height: video.height ?? 0,
    pixelAspect: parsePixelAspect(video.sample_aspect_ratio),
    frameRate: `${rate.num}/${rate.den}`,
    timecodeRate: `${nominal.num}/${nominal.den}`,
    frameCount,
    durationSeconds: lastTime + frameDuration,
    startTimecode: timecode?.value ?? null,
    startTimecodeSource: timecode?.source ?? null,
    dropFrame: timecode ? /[;.,]\d+$/.test(timecode.value) : false,
    fieldOrder,
    interlaced: fieldOrder === "tff" || fieldOrder === "bff",
    variableFrameRate,
    intraOnly: INTRA_ONLY_CODECS.has(codec) || index.keyframes.length === frameCount,
    keyframes: index.keyframes,
    frameTimes: index.frameTimes,
    packetSizes: index.sizes,
    decodeDelaySeconds: index.decodeDelaySeconds,
    seekOffsetSeconds: Math.max(0, index.firstPtsSeconds - (Number(info.format?.start_time) || 0)),
    audioStreams: streams.filter((s) => s.codec_type === "audio").length,
    ...(truncated && { truncated }),
  };
}

async function probeFailure(stderr: string, file: string, shown: string): Promise<SichterError> {
  const detail = lastStderrLine(stderr);
  if (/permission denied/i.test(stderr)) return new SichterError(ErrorCode.PERMISSION_DENIED, { path: shown });
  // A container header without a usable body (an upload cut short) is damaged footage; anything
  // else ffprobe cannot open is not footage at all.
  const code = (await hasVideoContainerSignature(file)) ? ErrorCode.PROBE_CORRUPT : ErrorCode.PROBE_NOT_MEDIA;
  return new SichterError(code, { path: shown, detail });
}

function parseRatio(text: string | undefined): { num: number; den: number; value: number } | null {
  const match = /^(\d+)\/(\d+)$/.exec(text ?? "");
  if (!match) return null;
  const num = Number(match[1]);
  const den = Number(match[2]);
  if (num <= 0 || den <= 0) return null;
  return { num, den, value: num / den };
}

/**
 * ffprobe offers two rates: r_frame_rate (the base rate; for interlaced MPEG-2 and H.264 sometimes
 * the field rate) and avg_frame_rate (frames over duration, exact for CFR). Take the one that
 * matches the measured frame spacing, so 1080i29.97 is 30000/1001 and never 60000/1001.
 */
function chooseFrameRate(video: FfprobeStream, frameTimes: readonly number[]): { num: number; den: number } {
  const candidates = [parseRatio(video.avg_frame_rate), parseRatio(video.r_frame_rate)].filter(
    (r): r is NonNullable<typeof r> => r !== null && r.value < 1000,
  );
  const n = frameTimes.length;
  const measured = n > 1 ? (n - 1) / (frameTimes[n - 1]! - frameTimes[0]!) : undefined;
  if (measured && Number.isFinite(measured)) {
    candidates.sort((a, b) => Math.abs(a.value - measured) - Math.abs(b.value - measured));
  }
  const best = candidates[0];
  if (best) return snapToBroadcastRate(best);
  if (measured && Number.isFinite(measured)) return snapToBroadcastRate({ num: measured, den: 1, value: measured });
  return { num: 25, den: 1 };
}

/**
 * The rate a variable-rate clip's timecode counts at: the stream's nominal rate (r_frame_rate,
 * 24000/1001 for a phone clip that drops frames), which editing applications conform it to, not
 * the average that frames over duration give. A nominal rate below the average, or above 1000 (a
 * time base, not a picture rate), is not one: the average stands.
 */
function nominalFrameRate(video: FfprobeStream, average: { num: number; den: number }): { num: number; den: number } {
  const stated = parseRatio(video.r_frame_rate);
  if (!stated || stated.value >= 1000 || stated.value < (average.num / average.den) * 0.99) return average;
  return snapToBroadcastRate(stated);
}

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

/** VFR averages like 2997/100 or 29.96 mean 30000/1001; editors think in broadcast rates. */
function snapToBroadcastRate(rate: { num: number; den: number; value: number }): { num: number; den: number } {
  for (const [num, den] of BROADCAST_RATES) {
    if (Math.abs(rate.value - num / den) / (num / den) < 0.002) return { num, den };
  }
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  if (Number.isInteger(rate.num) && Number.isInteger(rate.den)) {
    const g = gcd(rate.num, rate.den);
    return { num: rate.num / g, den: rate.den / g };
  }
  return { num: Math.round(rate.value * 1000), den: 1000 };
}

function findStartTimecode(
  info: FfprobeOutput,
  video: FfprobeStream,
): { value: string; source: NonNullable<MediaInfo["startTimecodeSource"]> } | null {
  const fromStream = video.tags?.timecode;
  if (fromStream) return { value: fromStream, source: "stream" };
  const tmcd = info.streams?.find((s) => s.codec_type === "data" && s.tags?.timecode);
  if (tmcd?.tags?.timecode) return { value: tmcd.tags.timecode, source: "timecode-track" };
  const fromFormat = info.format?.tags?.timecode;
  if (fromFormat) return { value: fromFormat, source: "container" };
  return null;
}

function toFieldOrder(value: string | undefined): FieldOrder {
  switch (value) {
    case "progressive":
      return "progressive";
    case "tt":
    case "tb":
      return "tff";
    case "bb":
    case "bt":
      return "bff";
    default:
      return "unknown";
  }
}
