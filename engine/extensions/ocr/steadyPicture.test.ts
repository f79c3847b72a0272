import fs from "node:fs";
import path from "node:path";
import { probeMedia, mediaFrameSource, type AnalysisInput, type RgbImage } from "@sichter/engine/extension-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpeg, makeTempDir } from "../../test/fixtures.ts";
import { BUSY_SHARE, OcrAnalyzer, STEADY_FRAMES } from "./OcrAnalyzer.ts";
import { releaseOcrModels } from "./ocrModels.ts";
import { flickerShare, steadyPicture, temporalMean } from "./steadyPicture.ts";
import { drawtextEscape, ocrFont } from "./test/lowerThirds.ts";
import { normaliseText } from "./textTracks.ts";

const picture = (values: number[]): RgbImage => ({
  width: values.length,
  height: 1,
  data: Uint8Array.from(values.flatMap((v) => [v, v, v])),
});

describe("flickerShare and temporalMean", () => {
  it("count the pixels whose light jumps, not those that drift", () => {
    const a = picture([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const drift = picture([40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40]);
    const jump = picture([255, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0]);
    expect(flickerShare(a, drift)).toBe(0);
    expect(flickerShare(a, jump)).toBe(1);
  });

  it("averages pictures pixel by pixel", () => {
    expect([...temporalMean([picture([0, 255]), picture([255, 255]), picture([0, 0])]).data]).toEqual([
      85, 85, 85, 170, 170, 170,
    ]);
  });
});

/**
 * A lower third as the busy family of the keyword benchmark draws it: white type on a 40 % box
 * over a black-and-white cellular automaton (rule 30) that scrolls in every frame, 640x360.
 */
const LOWER_THIRD = "Brand in der Altstadt";
const FRAMES = 100;

let dir: string;
let input: AnalysisInput;

beforeAll(async () => {
  dir = makeTempDir();
  const file = path.join(dir, "busy.mp4");
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    `cellauto=s=320x180:r=25:rule=30,scale=640:360,trim=end_frame=${FRAMES}`,
    "-vf",
    [
      "drawbox=x=0:y=259:w=435:h=38:color=0x0c1a3a@0.4:t=fill",
      `drawtext=fontfile='${ocrFont()}':text='${drawtextEscape(LOWER_THIRD)}':fontsize=20:fontcolor=white:x=26:y=266`,
    ].join(","),
    "-c:v",
    "libx264",
    "-crf",
    "30",
    "-g",
    "50",
    "-pix_fmt",
    "yuv420p",
    file,
  ]);
  const media = await probeMedia(file);
  input = {
    media,
    shots: [{ index: 0, startFrame: 0, endFrame: media.frameCount!, transition: null }],
    keyframes: [],
    frames: mediaFrameSource(media),
    language: "de",
  };
}, 120_000);
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await releaseOcrModels();
});

const wordsRead = (text: ReadonlyArray<{ text: string }> | undefined): string[] => {
  const read = new Set((text ?? []).flatMap((t) => normaliseText(t.text).split(" ")));
  return normaliseText(LOWER_THIRD)
    .split(" ")
    .filter((w) => read.has(w));
};

describe("steadyPicture", () => {
  it("finds the automaton busy and averages the frames after the sample", async () => {
    const [image] = await input.frames.rgb(50, 640, 1);
    const { picture: steady, busy } = await steadyPicture(input.frames, { frame: 50, from: 30, to: 75 }, image!, {
      frames: STEADY_FRAMES,
      busyShare: BUSY_SHARE,
    });
    expect(busy).toBe(true);
    expect(steady).not.toBe(image);
    // Stays within the sample's range: one frame left is no run to average.
    expect(
      (
        await steadyPicture(input.frames, { frame: 50, from: 50, to: 51 }, image!, {
          frames: STEADY_FRAMES,
          busyShare: BUSY_SHARE,
        })
      ).busy,
    ).toBe(false);
  });

  it("lets the analyzer read a lower third over a flickering background that single frames miss", async () => {
    const single = await new OcrAnalyzer({ steadyFrames: 1 }).analyze(input);
    const analyzer = new OcrAnalyzer();
    const steadied = await analyzer.analyze(input);
    expect(analyzer.lastRun!.picturesSteadied).toBeGreaterThan(0);
    expect(wordsRead(steadied.text)).toEqual(normaliseText(LOWER_THIRD).split(" "));
    expect(wordsRead(single.text).length).toBeLessThan(normaliseText(LOWER_THIRD).split(" ").length);
  }, 300_000);
});
