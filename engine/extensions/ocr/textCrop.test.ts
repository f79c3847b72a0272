import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpeg, makeTempDir } from "../../test/fixtures.ts";
import { readFrames, type RgbImage } from "@sichter/engine/extension-api";
import { lowerThirdFilter, ocrFont } from "./test/lowerThirds.ts";
import { loadOcrModels, releaseOcrModels, type OcrModels } from "./ocrModels.ts";
import { readFrame } from "./readFrame.ts";
import { recognitionScale, textCrop } from "./textCrop.ts";

const dir = makeTempDir("sichter-text-crop-");
const OPTIONS = { detectionMaxSide: 512, minConfidence: 0.6, reuseDifference: 12 };
const LINES = ["Stau auf der Autobahn", "Wahl in Kiel", "Storm warning for Dresden"];
let models: OcrModels;
/** 480x270, small type (13 px, as the keyword benchmark's small-480 family), one line per frame. */
let frames: RgbImage[];

beforeAll(async () => {
  const file = path.join(dir, "small.mp4");
  const font = ocrFont();
  // Compressed as the benchmark's clips are (x264 at CRF 30): the gaps between words blur.
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    "life=s=120x68:r=25:seed=7:mold=10:life_color=#5a7fa0:death_color=#20304a,scale=480:270",
    "-vf",
    LINES.map((text, i) =>
      lowerThirdFilter({ text, start: i, end: i + 1, size: 13, y: 200, font, rate: 25, width: 480 }),
    ).join(","),
    "-frames:v",
    "3",
    "-c:v",
    "libx264",
    "-crf",
    "30",
    "-pix_fmt",
    "yuv420p",
    file,
  ]);
  frames = [];
  for await (const data of readFrames({ file, geometry: { width: 480, height: 270, pixelFormat: "rgb24" } }))
    frames.push({ width: 480, height: 270, data });
  models = await loadOcrModels(undefined);
}, 120_000);
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await releaseOcrModels();
});

describe("textCrop", () => {
  it("samples a box at twice its size, corners to corners", () => {
    // A 4x2 frame whose left half is black and right half white.
    const data = new Uint8Array(4 * 2 * 3).map((_, i) => (Math.floor(i / 3) % 4 >= 2 ? 255 : 0));
    const crop = textCrop({ width: 4, height: 2, data }, { x: 0, y: 0, width: 4, height: 2 }, 2);
    expect([crop.width, crop.height]).toEqual([8, 4]);
    const row = Array.from({ length: 8 }, (_, x) => crop.data[x * 3]!);
    expect(row.slice(0, 3).every((v) => v < 20)).toBe(true);
    expect(row.slice(5).every((v) => v > 235)).toBe(true);
  });

  it("crops small type larger, lower thirds of 720p and 1080p as they are", () => {
    expect(recognitionScale({ x: 0, y: 0, width: 180, height: 20 })).toBe(2);
    expect(recognitionScale({ x: 0, y: 0, width: 400, height: 40 })).toBe(1);
    expect(recognitionScale({ x: 0, y: 0, width: 10, height: 20 })).toBe(1);
  });

  it("keeps the gaps between words of small type at 480x270", async () => {
    const read: string[] = [];
    for (const frame of frames) read.push(...(await readFrame(models, frame, OPTIONS)).lines.map((l) => l.text));
    // Without the larger crop the recogniser reads "Stau auf derAutobahn", "WahlinKiel", "Stormwarning forDresden".
    expect(read).toEqual(LINES);
  }, 60_000);
});
