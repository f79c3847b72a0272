import fs from "node:fs";
import path from "node:path";
import { ffmpeg } from "../../test/fixtures.ts";
import { mediaFrameSource } from "../../src/media/FrameSource.ts";
import { probeMedia } from "../../src/media/probeMedia.ts";
import type { AnalysisInput } from "../../src/extensionApi/Analyzer.ts";
import { detectShots } from "../../extensions/shots/detector/ShotDetector.ts";
import type { FrameStoreIndex } from "../../src/media/FrameStoreIndex.ts";
import { FrameStoreWriter } from "../../src/media/FrameStoreWriter.ts";
import type { MediaInfo } from "../../src/media/MediaInfo.ts";
import { keyframePictureGeometry } from "../../src/media/storedGeometries.ts";

export const X264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"];

/**
 * Probes a clip and detects its shots (keeping the keyframe pictures in a frame store beside the
 * clip), as the engine does before analyzers run.
 */
export async function analysisInput(file: string, language: "de" | "en" = "en"): Promise<AnalysisInput> {
  const media = await probeMedia(file);
  const { shots, frameStore } = await detectShotsWithStore(media);
  return {
    media,
    shots,
    keyframes: [],
    frames: mediaFrameSource(media),
    language,
    frameStore: keyframePicturesOf(frameStore, media),
  };
}

/** Shots found with a frame store in a new folder beside the clip: the store's index, full paths. */
export async function detectShotsWithStore(
  media: MediaInfo,
): Promise<{ shots: AnalysisInput["shots"]; frameStore: FrameStoreIndex }> {
  const folder = fs.mkdtempSync(`${media.path}-frames-`);
  const writer = new FrameStoreWriter(folder);
  try {
    const { shots } = await detectShots(media, { frameStore: writer });
    return {
      shots,
      frameStore: { pictures: writer.index().pictures.map((p) => ({ ...p, file: path.join(folder, p.file) })) },
    };
  } finally {
    writer.dispose();
  }
}

/** Only the store's 64-px picture of every keyframe. */
export function keyframePicturesOf(index: FrameStoreIndex, media: MediaInfo): FrameStoreIndex {
  const { width, height, pixelFormat } = keyframePictureGeometry(media);
  const keyframes = new Set(media.keyframes);
  return {
    pictures: index.pictures.filter(
      (p) =>
        p.width === width &&
        p.height === height &&
        p.pixelFormat === pixelFormat &&
        p.spans.every(([first, count]) => count === 1 && keyframes.has(first)),
    ),
  };
}

/**
 * Concatenates video segments (lavfi sources, each `frames` long) into one clip; `audio` adds one
 * lavfi audio source per segment (same length) when given.
 */
export async function concatClip(
  dir: string,
  name: string,
  segments: ReadonlyArray<{ video: string; frames: number; audio?: string; filter?: string }>,
  codecArgs: readonly string[] = X264,
): Promise<string> {
  const file = path.join(dir, name);
  const inputs: string[] = [];
  const chains: string[] = [];
  const withAudio = segments.some((s) => s.audio !== undefined);
  segments.forEach((s, i) => {
    inputs.push("-f", "lavfi", "-i", s.video);
    chains.push(
      `[${2 * i}:v]${s.filter ? `${s.filter},` : ""}trim=end_frame=${s.frames},setpts=PTS-STARTPTS,format=yuv420p[v${i}]`,
    );
    inputs.push("-f", "lavfi", "-i", s.audio ?? "anullsrc=r=48000:cl=mono");
    chains.push(`[${2 * i + 1}:a]atrim=duration=${s.frames / 25},asetpts=PTS-STARTPTS[a${i}]`);
  });
  const pads = segments.map((_, i) => (withAudio ? `[v${i}][a${i}]` : `[v${i}]`)).join("");
  const concat = `${pads}concat=n=${segments.length}:v=1:a=${withAudio ? 1 : 0}[v]${withAudio ? "[a]" : ""}`;
  // Unused audio inputs must still be consumed by the graph: send them to a null sink.
  const sinks = withAudio ? [] : segments.map((_, i) => `[a${i}]anullsink`);
  await ffmpeg([
    ...inputs,
    "-filter_complex",
    [...chains, concat, ...sinks].join(";"),
    "-map",
    "[v]",
    ...(withAudio ? ["-map", "[a]", "-c:a", "aac"] : []),
    ...codecArgs,
    file,
  ]);
  return file;
}
