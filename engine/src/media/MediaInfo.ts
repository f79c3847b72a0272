import type { Truncation } from "./truncation.ts";

/** Field order of the video as ffprobe reports it, in words an editor knows. */
export type FieldOrder = "progressive" | "tff" | "bff" | "unknown";

/**
 * What Sichter knows about a clip before decoding it. Frame numbers everywhere in Sichter are 0-based
 * indices in presentation order from the file's first frame; times are seconds from that frame.
 */
export interface MediaInfo {
  /** Absolute path of the real file (symlinks resolved). */
  readonly path: string;
  readonly sizeBytes: number;
  /** ffprobe's demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2", shortened to its first entry. */
  readonly container: string;
  readonly codec: string;
  readonly codecLongName: string;
  readonly profile: string | null;
  readonly pixelFormat: string | null;
  readonly width: number;
  readonly height: number;
  /**
   * Shape of one stored pixel as "num/den" ("16/11" for PAL 16:9 at 704x576, "1/1" square): the
   * picture is shown `width * num / den` wide. Absent in media descriptions made before it existed.
   */
  readonly pixelAspect?: string;
  /** Rational frame rate as "num/den", e.g. "30000/1001". For VFR files: the average rate. */
  readonly frameRate: string;
  /**
   * The rate timecode counts at, as "num/den": `frameRate`, except for VFR files, where it is the
   * stream's nominal rate and a frame's timecode follows from its time (see mediaTimecode).
   * Absent in media descriptions made before it existed: `frameRate` then.
   */
  readonly timecodeRate?: string;
  readonly frameCount: number;
  readonly durationSeconds: number;
  /** Start timecode from the container or stream (tmcd track, MXF, GOP header), else null. */
  readonly startTimecode: string | null;
  /** Where the start timecode came from. */
  readonly startTimecodeSource: "stream" | "container" | "timecode-track" | null;
  readonly dropFrame: boolean;
  readonly fieldOrder: FieldOrder;
  readonly interlaced: boolean;
  readonly variableFrameRate: boolean;
  /** Every frame is a keyframe (ProRes, DNxHD, MJPEG, ...): keyframe skipping gains nothing. */
  readonly intraOnly: boolean;
  /** Frame indices of keyframes (random access points), ascending. */
  readonly keyframes: readonly number[];
  /** Presentation time of every frame in seconds from the first frame, ascending. */
  readonly frameTimes: readonly number[];
  /** Compressed size of every frame in bytes: a cut inside a GOP shows as an outsized frame. */
  readonly packetSizes: readonly number[];
  /**
   * ffmpeg's `-ss` counts from the container's start time, which can precede the first video frame
   * (audio priming, MPEG-TS offsets). Seek to `seekOffsetSeconds + frameTimes[i]` to land on frame i.
   */
  readonly seekOffsetSeconds: number;
  /** How far decode timestamps trail presentation timestamps (B-frames), in seconds. */
  readonly decodeDelaySeconds: number;
  /** Number of audio streams, for later analyses (silence). */
  readonly audioStreams: number;
  /**
   * Present when the file is cut short: its container declares more frames than its data holds.
   * Sichter analyses the `frameCount` frames that are there and says what is missing.
   */
  readonly truncated?: Truncation;
}
