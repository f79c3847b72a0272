/** What ffprobe reports of a file, as far as telling a picture from footage needs. */
interface ProbedFile {
  readonly format?: { readonly format_name?: string };
  readonly streams?: ReadonlyArray<{ readonly codec_type?: string; readonly codec_name?: string }>;
}

/**
 * The kind of picture ("jpeg", "png") when ffprobe read the file as one still image: its single-
 * picture demuxers (image2 for a known picture name, jpeg_pipe, png_pipe and the like for any name)
 * give it a one-frame "video" stream, which is no footage. Motion JPEG in AVI or MOV is footage and
 * comes from a container demuxer, so the demuxer decides, not the codec or the file name.
 */
export function stillImageKind(probed: ProbedFile): string | null {
  const format = probed.format?.format_name ?? "";
  if (format !== "image2" && !format.endsWith("_pipe")) return null;
  const codec = probed.streams?.find((s) => s.codec_type === "video")?.codec_name;
  if (codec === "mjpeg") return "jpeg";
  return codec ?? format.replace(/_pipe$/, "");
}

/** The `streams` of a PROBE_NOT_VIDEO error for a still image. */
export function stillImageStreams(kind: string): string {
  return `a still image (${kind})`;
}
