import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpeg, makeTempDir } from "../../test/fixtures.ts";
import { detectShots } from "@sichter/engine/extensions/shots";
import { mediaFrameSource, probeMedia } from "@sichter/engine/extension-api";
import { lowerThirdFilter, ocrFont } from "./test/lowerThirds.ts";
import { OcrAnalyzer, type OcrRunStats } from "./OcrAnalyzer.ts";
import { releaseOcrModels } from "./ocrModels.ts";
import { textSimilarity } from "./textTracks.ts";

/**
 * The same picture in a long-GOP and an intra-only codec: two lower thirds on a zoom into a fractal
 * (moving, so no frame repeats the last, and without text of its own), 25 fps.
 */
const LOWER_THIRDS = [
  { text: "Anna Schäfer Bürgermeisterin", start: 20, end: 110, size: 30, y: 280 },
  { text: "Hauptbahnhof Köln", start: 140, end: 220, size: 30, y: 280 },
] as const;
const CODECS = {
  h264: ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"],
  mjpeg: ["-c:v", "mjpeg", "-q:v", "3", "-pix_fmt", "yuvj420p"],
} as const;

let dir: string;
const runs = new Map<keyof typeof CODECS, { stats: OcrRunStats; text: string[] }>();

beforeAll(async () => {
  dir = makeTempDir("sichter-ocr-codecs-");
  const font = ocrFont();
  const analyzer = new OcrAnalyzer();
  for (const [codec, args] of Object.entries(CODECS) as Array<[keyof typeof CODECS, readonly string[]]>) {
    const file = path.join(dir, `news-${codec}.${codec === "h264" ? "mp4" : "avi"}`);
    await ffmpeg([
      "-f",
      "lavfi",
      "-i",
      "mandelbrot=size=640x360:rate=25:maxiter=100",
      "-t",
      "10",
      "-vf",
      LOWER_THIRDS.map((l) => lowerThirdFilter({ ...l, font, rate: 25, width: 640 })).join(","),
      ...args,
      file,
    ]);
    const media = await probeMedia(file);
    const { shots } = await detectShots(media);
    const result = await analyzer.analyze({
      media,
      shots,
      keyframes: [],
      frames: mediaFrameSource(media),
      language: "de",
    });
    runs.set(codec, { stats: analyzer.lastRun!, text: (result.text ?? []).map((t) => t.text).sort() });
  }
}, 300_000);
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await releaseOcrModels();
});

describe("OCR cost does not depend on the codec", () => {
  it("reads an intra-only file at the frames it would read in H.264, not at every keyframe", () => {
    const h264 = runs.get("h264")!;
    const mjpeg = runs.get("mjpeg")!;
    // 10 s at one frame per 2 s or so: a handful of frames, not 250.
    expect(h264.stats.samples).toBeLessThanOrEqual(10);
    expect(mjpeg.stats.samples).toBeLessThanOrEqual(Math.ceil(h264.stats.samples * 1.5));
  });

  it("finds the same text in both", () => {
    const h264 = runs.get("h264")!.text;
    const mjpeg = runs.get("mjpeg")!.text;
    const has = (texts: string[], text: string): boolean => texts.some((t) => textSimilarity(t, text) >= 0.8);
    for (const l of LOWER_THIRDS) expect(has(h264, l.text), l.text).toBe(true);
    expect(mjpeg).toHaveLength(h264.length);
    for (const text of h264) expect(has(mjpeg, text), text).toBe(true);
  });
});
