/** How a clip is compressed and wrapped; the arguments go between the filter graph and the output. */
export interface Encoding {
  readonly container: "mp4" | "mxf" | "mov";
  /** ffmpeg muxer name: the temporary file name has no meaningful extension. */
  readonly muxer: string;
  readonly codec: "h264" | "mpeg2video" | "prores" | "mjpeg";
  readonly intraOnly: boolean;
  readonly interlaced: boolean;
  readonly videoArgs: readonly string[];
  readonly audioArgs: readonly string[];
  /** One line for the truth's description. */
  readonly summary: string;
}

// Fixed thread counts: encoders split work differently per thread count, and the same bytes on
// every machine make benchmark numbers comparable. x264 needs 4 to use even two cores (with 2 it
// measured no faster than 1). Bitexact muxing drops dates and random ids.
const MUX = ["-fflags", "+bitexact"];

/** H.264 as cameras and newsroom transcoders write it: 2 s GOP, x264's own scene-cut keyframes left on. */
export function h264(preset: "veryfast" | "ultrafast"): Encoding {
  return {
    container: "mp4",
    muxer: "mp4",
    codec: "h264",
    intraOnly: false,
    interlaced: false,
    videoArgs: ["-c:v", "libx264", "-preset", preset, "-pix_fmt", "yuv420p", "-g", "50", "-threads", "4", ...MUX],
    // Only used by clips with sound; the silent ones carry no audio arguments at all.
    audioArgs: ["-c:a", "aac", "-b:a", "96k"],
    summary: `H.264 ${preset}, GOP 50, yuv420p, MP4`,
  };
}

/**
 * XDCAM-like long-GOP MPEG-2: an I-frame every 15 frames (scene-change I-frames off, as in XDCAM),
 * two B-frames, interlaced coding, top field first. Open GOPs: with closed ones ffmpeg can only
 * make 13-frame GOPs when B-frames end the GOP.
 */
export function mpeg2Interlaced(): Encoding {
  return {
    container: "mxf",
    muxer: "mxf",
    codec: "mpeg2video",
    intraOnly: false,
    interlaced: true,
    videoArgs: [
      "-c:v",
      "mpeg2video",
      "-pix_fmt",
      "yuv420p",
      "-g",
      "15",
      "-bf",
      "2",
      "-b:v",
      "30M",
      "-maxrate",
      "35M",
      "-bufsize",
      "17825792",
      "-flags",
      "+ilme+ildct",
      "-sc_threshold",
      "1000000000",
      "-top",
      "1",
      "-threads",
      "2",
      ...MUX,
    ],
    audioArgs: ["-c:a", "pcm_s16le"],
    summary: "MPEG-2 long GOP (open, 15 frames, 2 B-frames, 35 Mb/s peak), 1080i TFF, MXF OP1a, PCM audio",
  };
}

/**
 * ProRes 422 Proxy. A fixed quantiser: prores_ks's per-slice rate search made it ten times slower
 * for no benefit to a test clip.
 */
export function proresProxy(): Encoding {
  return {
    container: "mov",
    muxer: "mov",
    codec: "prores",
    intraOnly: true,
    interlaced: false,
    videoArgs: [
      "-c:v",
      "prores_ks",
      "-profile:v",
      "0",
      "-q:v",
      "12",
      "-pix_fmt",
      "yuv422p10le",
      "-vendor",
      "apl0",
      "-threads",
      "2",
      ...MUX,
    ],
    audioArgs: ["-c:a", "pcm_s16le"],
    summary: "ProRes 422 Proxy (prores_ks), MOV, PCM audio",
  };
}
