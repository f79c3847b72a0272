import fs from "node:fs";
import path from "node:path";
import {
  ErrorCode,
  CancellationTokenSource,
  Tag,
  probeMedia,
  mediaFrameSource,
  type AnalysisInput,
  type AnalyzerResult,
} from "@sichter/engine/extension-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpeg, makeTempDir } from "../../test/fixtures.ts";
import { detectShots } from "@sichter/engine/extensions/shots";
import { OcrAnalyzer } from "./OcrAnalyzer.ts";
import { defaultOcrModelPaths, loadOcrModels, releaseOcrModels } from "./ocrModels.ts";
import { lowerThirdFilter, ocrFont } from "./test/lowerThirds.ts";
import { normaliseText, textSimilarity } from "./textTracks.ts";

/** Lower thirds on a moving testsrc2 background, 25 fps: text, first frame, end frame (exclusive). */
const LOWER_THIRDS = [
  { text: "Bürgermeisterin Anna Schäfer", start: 35, end: 110, size: 44, y: 560 },
  { text: "Köln Hauptbahnhof", start: 110, end: 185, size: 44, y: 560 },
  { text: "Breaking News: Storm warning", start: 210, end: 260, size: 36, y: 620 },
] as const;

let dir: string;
let input: AnalysisInput;
let result: AnalyzerResult;
const analyzer = new OcrAnalyzer();

beforeAll(async () => {
  dir = makeTempDir();
  const file = path.join(dir, "lower-thirds.mp4");
  const font = ocrFont();
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    "testsrc2=size=1280x720:rate=25:duration=11.2",
    "-vf",
    LOWER_THIRDS.map((l) => lowerThirdFilter({ ...l, font, rate: 25, width: 1280 })).join(","),
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-pix_fmt",
    "yuv420p",
    file,
  ]);
  const media = await probeMedia(file);
  const { shots } = await detectShots(media);
  input = { media, shots, keyframes: [], frames: mediaFrameSource(media), language: "de" };
  result = await analyzer.analyze(input);
}, 300_000);
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await releaseOcrModels();
});

function itemFor(text: string) {
  return (result.text ?? []).filter((t) => textSimilarity(t.text, text) >= 0.8);
}

describe("OcrAnalyzer", () => {
  it("reads the words of every lower third, umlauts included", () => {
    const read = new Set((result.text ?? []).flatMap((t) => normaliseText(t.text).split(" ")));
    const truth = LOWER_THIRDS.flatMap((l) => normaliseText(l.text).split(" "));
    const correct = truth.filter((w) => read.has(w)).length;
    expect(correct / truth.length).toBeGreaterThanOrEqual(0.9);
    expect((result.text ?? []).map((t) => t.text)).toEqual(
      expect.arrayContaining(["Bürgermeisterin Anna Schäfer", "Köln Hauptbahnhof"]),
    );
  });

  it("makes one item per lower third, its range the on-screen frames within one sample step", () => {
    for (const l of LOWER_THIRDS) {
      const items = itemFor(l.text);
      expect(items, l.text).toHaveLength(1);
      const [item] = items;
      expect(Math.abs(item!.startFrame - l.start), l.text).toBeLessThanOrEqual(25);
      expect(Math.abs(item!.endFrame - l.end), l.text).toBeLessThanOrEqual(25);
    }
    // Two different lower thirds back to back are two items, in order.
    const [a] = itemFor(LOWER_THIRDS[0].text);
    const [b] = itemFor(LOWER_THIRDS[1].text);
    expect(a!.startFrame).toBeLessThan(b!.startFrame);
  });

  it("returns valid suggested OCR tags with provenance", () => {
    expect(result.tags).toHaveLength((result.text ?? []).length);
    for (const tag of result.tags) {
      expect(() => Tag.parse(tag)).not.toThrow();
      expect(tag).toMatchObject({ source: "ocr", kind: "ocr.line", language: "de", status: "suggested" });
      expect(tag.provenance[0]).toMatchObject({ producer: "sichter.ocr", version: analyzer.version });
      expect(tag.confidence).toBeGreaterThan(0.6);
    }
    // The evidence is what the model read: without the dots the dictionary cannot give.
    const schaefer = result.tags.find((t) => t.label === "Bürgermeisterin Anna Schäfer");
    expect(schaefer?.provenance[0]?.evidence).toBe("Burgermeisterin Anna Schafer");
  });

  it("samples sparingly: the keyframes, plus a frame wherever two samples would be over 2 s apart", () => {
    const stats = analyzer.lastRun!;
    console.log(
      `OCR: ${stats.samples} samples, ${(stats.seconds / stats.samples).toFixed(3)} s per frame (decode ${stats.decodeSeconds.toFixed(2)} s, det ${stats.detectSeconds.toFixed(2)} s, rec ${stats.recogniseSeconds.toFixed(2)} s), boxes recognised ${stats.boxesRecognised}, reused ${stats.boxesReused}`,
    );
    expect(stats.samples).toBeLessThanOrEqual(Math.ceil(input.media.frameCount / 50) + 2 * input.shots.length);
  });

  it("reads a lower third held over a still picture once, however many frames show it", async () => {
    const file = path.join(dir, "held.mp4");
    await ffmpeg([
      "-f",
      "lavfi",
      "-i",
      "color=c=0x304860:size=1280x720:rate=25:duration=8",
      "-vf",
      lowerThirdFilter({
        text: "Landtag Brandenburg",
        start: 25,
        end: 190,
        size: 44,
        y: 560,
        font: ocrFont(),
        rate: 25,
        width: 1280,
      }),
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-g",
      "50",
      "-pix_fmt",
      "yuv420p",
      file,
    ]);
    const media = await probeMedia(file);
    const held = new OcrAnalyzer();
    const read = await held.analyze({
      media,
      shots: [],
      keyframes: [],
      frames: mediaFrameSource(media),
      language: "de",
    });
    expect((read.text ?? []).map((t) => t.text)).toEqual(["Landtag Brandenburg"]);
    expect(Math.abs(read.text![0]!.startFrame - 25)).toBeLessThanOrEqual(25);
    expect(Math.abs(read.text![0]!.endFrame - 190)).toBeLessThanOrEqual(25);
    const stats = held.lastRun!;
    // Keyframes 0, 50, 100, 150 and one frame before the end: the text is recognised once.
    expect(stats.samples).toBe(5);
    expect(stats.boxesRecognised).toBe(1);
    expect(stats.picturesReused).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

describe("OcrAnalyzer cancellation", () => {
  it("stops with CANCELLED when the token is cancelled", async () => {
    const source = new CancellationTokenSource();
    const fractions: number[] = [];
    const run = new OcrAnalyzer().analyze(
      input,
      {
        report: ({ fraction }) => {
          fractions.push(fraction);
          if (fraction > 0.2) source.cancel();
        },
      },
      source.token,
    );
    await expect(run).rejects.toMatchObject({ code: ErrorCode.CANCELLED });
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions.at(-1)!).toBeLessThan(1);
  });
});

describe("OCR models", () => {
  it("load once, and load again after release", async () => {
    const a = await loadOcrModels();
    expect(await loadOcrModels()).toBe(a);
    await releaseOcrModels();
    const b = await loadOcrModels();
    expect(b).not.toBe(a);
    expect(b.dictionary.at(-1)).toBe(" ");
  });
  it("reports a missing model with a stable code and keeps the loaded ones", async () => {
    const paths = { ...defaultOcrModelPaths(), recognition: path.join(dir ?? "/nonexistent", "missing.onnx") };
    await expect(loadOcrModels(paths)).rejects.toMatchObject({ code: ErrorCode.OCR_MODEL_UNAVAILABLE });
    const a = await loadOcrModels();
    expect(await loadOcrModels()).toBe(a);
    expect(a.dictionary).toHaveLength(6624);
  });
  it("fails an analysis with the same code when its OCR thread cannot load a model", async () => {
    const models = { ...defaultOcrModelPaths(), recognition: path.join(dir, "missing.onnx") };
    await expect(new OcrAnalyzer({ models }).analyze(input)).rejects.toMatchObject({
      code: ErrorCode.OCR_MODEL_UNAVAILABLE,
    });
    // The thread goes on serving analyses with working models.
    const again = await new OcrAnalyzer().analyze(input);
    expect(again.text?.map((t) => t.text)).toEqual(result.text?.map((t) => t.text));
  }, 120_000);
  it("reports an unloadable model file with the same code", async () => {
    const bad = path.join(dir, "bad.onnx");
    fs.writeFileSync(bad, "not a model");
    await expect(loadOcrModels({ ...defaultOcrModelPaths(), detection: bad })).rejects.toMatchObject({
      code: ErrorCode.OCR_MODEL_UNAVAILABLE,
    });
  });
});
