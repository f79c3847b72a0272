import { h264, type Encoding } from "../Encoding.ts";

const MUX = ["-fflags", "+bitexact"];

function x264(name: string, gop: string[], summary: string): Encoding {
  return {
    ...h264("ultrafast"),
    videoArgs: ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", ...gop, "-threads", "4", ...MUX],
    summary: `H.264 veryfast ${summary}, MP4 (${name})`,
  };
}

/**
 * Encoders and GOP structures a random clip is written with; each changes what a keyframe route
 * sees (where keyframes fall, how a cut inside a GOP shows, intra-only files).
 */
export const RANDOM_ENCODINGS: Readonly<Record<string, Encoding>> = {
  "x264-2s": { ...h264("ultrafast"), summary: "H.264 ultrafast, GOP 50 with scene-cut keyframes, MP4" },
  "x264-long-scenecut": x264(
    "x264-long-scenecut",
    ["-g", "250", "-keyint_min", "25"],
    "GOP 250 with scene-cut keyframes, 3 B-frames",
  ),
  "x264-long-no-scenecut": x264(
    "x264-long-no-scenecut",
    ["-g", "250", "-x264-params", "scenecut=0"],
    "GOP 250, no scene-cut keyframes",
  ),
  "x264-fixed-1s": x264(
    "x264-fixed-1s",
    ["-g", "25", "-keyint_min", "25", "-bf", "0", "-x264-params", "scenecut=0"],
    "fixed GOP 25, no B-frames",
  ),
  "mpeg2-gop12": {
    container: "mov",
    muxer: "mov",
    codec: "mpeg2video",
    intraOnly: false,
    interlaced: false,
    videoArgs: [
      "-c:v",
      "mpeg2video",
      "-pix_fmt",
      "yuv420p",
      "-g",
      "12",
      "-bf",
      "2",
      "-q:v",
      "4",
      "-sc_threshold",
      "1000000000",
      "-threads",
      "2",
      ...MUX,
    ],
    audioArgs: [],
    summary: "MPEG-2 progressive, GOP 12, 2 B-frames, MOV",
  },
  "mjpeg-intra": {
    container: "mov",
    muxer: "mov",
    codec: "mjpeg",
    intraOnly: true,
    interlaced: false,
    videoArgs: ["-c:v", "mjpeg", "-pix_fmt", "yuvj420p", "-q:v", "5", "-threads", "2", ...MUX],
    audioArgs: [],
    summary: "Motion JPEG (intra only), MOV",
  },
};

export type RandomEncodingName = keyof typeof RANDOM_ENCODINGS;
