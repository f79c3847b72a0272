import path from "node:path";
import type { QuickProbe } from "./quickProbe.ts";

/** Why Chromium's `<video>` cannot play a file (as the protocol names it). */
export type PlaybackIssue = "container" | "codec" | "pixelFormat";

/**
 * What Chromium plays without platform decoders, by ffprobe's container family: MP4/MOV with
 * H.264, VP9 or AV1, WebM/Matroska with VP8, VP9 or AV1. Chromium builds are what UXP, CEP and
 * the browser panel run, and none of them decodes ProRes, DNxHD, MPEG-2, DV or (reliably) HEVC.
 */
const PLAYABLE: Record<string, ReadonlySet<string>> = {
  mov: new Set(["h264", "vp9", "av1"]),
  matroska: new Set(["vp8", "vp9", "av1"]),
};

/** Chromium's H.264 decoder is 8-bit 4:2:0 only (camera 10-bit or 4:2:2 H.264 fails); VP9 and AV1 also take 10-bit 4:2:0. */
const PIXEL_FORMATS: Record<string, ReadonlySet<string>> = {
  h264: new Set(["yuv420p", "yuvj420p", "nv12"]),
  vp8: new Set(["yuv420p", "yuva420p"]),
  vp9: new Set(["yuv420p", "yuva420p", "yuv420p10le"]),
  av1: new Set(["yuv420p", "yuv420p10le"]),
};

/** Null when a Chromium `<video>` plays the file; otherwise what stands in the way. */
export function playbackIssue(probe: Pick<QuickProbe, "container" | "codec" | "pixelFormat">): PlaybackIssue | null {
  const codecs = PLAYABLE[probe.container];
  if (!codecs) return "container";
  if (!codecs.has(probe.codec)) return "codec";
  if (probe.pixelFormat !== null && !PIXEL_FORMATS[probe.codec]!.has(probe.pixelFormat)) return "pixelFormat";
  return null;
}

const CONTENT_TYPES: Record<string, string> = {
  ".mp4": "video/mp4",
  ".m4v": "video/mp4",
  ".mov": "video/quicktime",
  ".webm": "video/webm",
  ".mkv": "video/x-matroska",
  ".mxf": "application/mxf",
  ".mts": "video/mp2t",
  ".m2ts": "video/mp2t",
  ".ts": "video/mp2t",
  ".mpg": "video/mpeg",
  ".mpeg": "video/mpeg",
  ".m2v": "video/mpeg",
  ".avi": "video/x-msvideo",
  ".dv": "video/dv",
  ".3gp": "video/3gpp",
  ".wmv": "video/x-ms-wmv",
  ".flv": "video/x-flv",
};

/** The Content-Type a media file is served with, by its extension (what the container is named as). */
export function mediaContentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}
