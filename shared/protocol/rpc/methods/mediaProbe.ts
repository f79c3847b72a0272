import { z } from "zod";
import { requestParams } from "../requestParams.ts";
import { CatalogId, WireError, WireName, WirePath } from "../wireTypes.ts";

/**
 * Why a browser's `<video>` (Chromium: UXP, CEP and the browser panel) cannot play a file: its
 * container (MXF, MTS, AVI, ...), its codec (ProRes, DNxHD, HEVC, MPEG-2, ...) or its pixel format
 * (10-bit or 4:2:2 H.264). The panel shows the filmstrip instead and says why.
 */
export const PlaybackIssue = z.enum(["container", "codec", "pixelFormat"]);
export type PlaybackIssue = z.infer<typeof PlaybackIssue>;

const TimecodeText = z.string().min(1).max(32);

/** What a quick ffprobe (format and streams, no frame index) says about a media file. */
export const MediaProbeInfo = z.object({
  /** ffprobe's first demuxer name: "mov", "matroska", "mxf", "mpegts", ... */
  container: WireName,
  /** Video codec: "h264", "prores", "dnxhd", "vp9", ... */
  codec: WireName,
  width: z.int().nonnegative(),
  height: z.int().nonnegative(),
  /** Rational rate "num/den". */
  frameRate: z.string().regex(/^\d+\/\d+$/),
  dropFrame: z.boolean(),
  durationSeconds: z.number().nonnegative(),
  /** From the container's frame count or duration; the analysis counts exactly. */
  frameCount: z.int().nonnegative(),
  /** The clip's own start timecode, or 00:00:00:00 when it carries none. */
  startTimecode: TimecodeText,
  /** Timecode of the last frame. */
  endTimecode: TimecodeText,
  /** False: do not give it to `<video>`, show the filmstrip (see playbackIssue). */
  browserPlayable: z.boolean(),
  playbackIssue: PlaybackIssue.nullable(),
});
export type MediaProbeInfo = z.infer<typeof MediaProbeInfo>;

/**
 * `media.probe`: the quick probe of files in the allowed media folders (`paths`) or of catalogued
 * clips (`clipIds`), at most 100 together. Probes run a few at a time on the engine and are
 * cached by path, size and modification time, so `media.list` shows them from then on.
 */
export const MediaProbeParams = requestParams({
  paths: z.array(WirePath).min(1).max(100).optional(),
  clipIds: z.array(CatalogId).min(1).max(100).optional(),
})
  .refine((p) => p.paths !== undefined || p.clipIds !== undefined, {
    message: "give paths or clipIds",
    path: ["paths"],
  })
  .refine((p) => (p.paths?.length ?? 0) + (p.clipIds?.length ?? 0) <= 100, {
    message: "at most 100 files at once",
    path: ["paths"],
  });
export type MediaProbeParams = z.infer<typeof MediaProbeParams>;

/** One file's probe, or why there is none (MEDIA_NOT_ALLOWED, PROBE_NOT_VIDEO, FILE_NOT_FOUND, ...). */
export const MediaProbeItem = z.object({
  /** As asked for (`paths`), or the clip's path in the catalog (`clipIds`). */
  path: WirePath,
  clipId: CatalogId.nullable(),
  /** Where the engine streams it: add `?token=` (or a bearer header) to `http://127.0.0.1:PORT` + this. */
  stream: z
    .string()
    .min(1)
    .max(4 * 4096),
  probe: MediaProbeInfo.nullable(),
  error: WireError.nullable(),
});
export type MediaProbeItem = z.infer<typeof MediaProbeItem>;

/** Items in the order asked for: paths first, then clipIds. */
export const MediaProbeResult = z.object({ items: z.array(MediaProbeItem) });
export type MediaProbeResult = z.infer<typeof MediaProbeResult>;
