import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpeg, makeTempDir } from "../../test/fixtures.ts";
import { readFrames, type RgbImage } from "@sichter/engine/extension-api";
import { lowerThirdFilter, ocrFont } from "./test/lowerThirds.ts";
import { loadOcrModels, releaseOcrModels, type OcrModels } from "./ocrModels.ts";
import { readFrame, signature, type RecognisedBox } from "./readFrame.ts";

const dir = makeTempDir("sichter-read-frame-");
const OPTIONS = { detectionMaxSide: 512, minConfidence: 0.6, reuseDifference: 12 };
let models: OcrModels;
/** Frame 0: the lower third over one picture; frame 1: another text in the same place. */
let frames: RgbImage[];

beforeAll(async () => {
  const file = path.join(dir, "texts.mkv");
  const font = ocrFont();
  const third = (text: string, start: number, end: number) =>
    lowerThirdFilter({ text, start, end, size: 44, y: 560, font, rate: 25, width: 1280 });
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    "color=c=0x305070:size=1280x720:rate=25:duration=0.08",
    "-vf",
    [third("Landtag Brandenburg", 0, 1), third("Bundestag in Berlin", 1, 2)].join(","),
    "-c:v",
    "ffv1",
    file,
  ]);
  frames = [];
  for await (const data of readFrames({ file, geometry: { width: 1280, height: 720, pixelFormat: "rgb24" } }))
    frames.push({ width: 1280, height: 720, data });
  models = await loadOcrModels(undefined);
}, 120_000);
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await releaseOcrModels();
});

/** The reading of `frame` as the previous sample, its text replaced by a marker, its box moved. */
function previousOf(
  frame: RgbImage,
  box: RecognisedBox["box"],
  move: { x: number; y: number; height: number },
): RecognisedBox[] {
  const moved = { x: box.x + move.x, y: box.y + move.y, width: box.width, height: box.height + move.height };
  return [{ box: moved, signature: signature(frame, moved), raw: "MARKER", confidence: 0.9 }];
}

describe("readFrame", () => {
  it("reuses a held text's reading when its box is drawn a few pixels off, and not when more changed", async () => {
    const first = await readFrame(models, frames[0]!, OPTIONS);
    expect(first.lines.map((l) => l.text)).toEqual(["Landtag Brandenburg"]);
    expect(first.recognised).toBe(1);
    const box = first.boxes[0]!.box;

    // The same pixels, the box three pixels over and six taller: the reading stands.
    const jittered = await readFrame(
      models,
      frames[0]!,
      OPTIONS,
      previousOf(frames[0]!, box, { x: 3, y: -4, height: 6 }),
    );
    expect(jittered.boxes.map((b) => b.raw)).toEqual(["MARKER"]);
    expect(jittered.recognised).toBe(0);

    // A box a whole text height away is another text's.
    const away = await readFrame(
      models,
      frames[0]!,
      OPTIONS,
      previousOf(frames[0]!, box, { x: 0, y: -box.height, height: 0 }),
    );
    expect(away.recognised).toBe(1);
    expect(away.lines.map((l) => l.text)).toEqual(["Landtag Brandenburg"]);

    // Another text in the same place: read again.
    const changed = await readFrame(
      models,
      frames[1]!,
      OPTIONS,
      previousOf(frames[0]!, box, { x: 3, y: -4, height: 6 }),
    );
    expect(changed.recognised).toBeGreaterThanOrEqual(1);
    expect(changed.lines.map((l) => l.text).join(" ")).toContain("Bundestag");
  }, 60_000);
});
