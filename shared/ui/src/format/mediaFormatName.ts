/** ffprobe's names as editors know them; others are shown in capitals ("vp9" → "VP9"). */
const NAMES: Readonly<Record<string, string>> = {
  prores: "ProRes",
  dnxhd: "DNxHD/DNxHR",
  mpeg2video: "MPEG-2",
  mpeg1video: "MPEG-1",
  hevc: "HEVC (H.265)",
  h264: "H.264",
  mxf: "MXF",
  mpegts: "MPEG-TS",
  avi: "AVI",
  matroska: "MKV",
  mov: "QuickTime",
  dvvideo: "DV",
  mjpeg: "Motion JPEG",
};

/** A container or codec name from media.probe in the words an editor uses. */
export function mediaFormatName(ffprobeName: string | null): string {
  if (!ffprobeName) return "";
  return NAMES[ffprobeName] ?? ffprobeName.toUpperCase();
}
