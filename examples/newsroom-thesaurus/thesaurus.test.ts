import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lowerThirdFilter, ocrFont } from "../../engine/extensions/ocr/test/lowerThirds.ts";
import { disposeExifTool, readXmp } from "../../engine/extensions/xmp/index.ts";
import { ffmpeg, makeTempDir } from "../../engine/test/fixtures.ts";
import { runCli } from "../../engine/test/runCli.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = makeTempDir("sichter-thesaurus-");
const env = { SICHTER_HOME: path.join(root, "home") };
let clip: string;

beforeAll(async () => {
  clip = path.join(root, "Sitzung.mp4");
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    "color=c=0x304860:size=1280x720:rate=25:duration=4",
    "-vf",
    lowerThirdFilter({
      text: "Landtag Brandenburg",
      start: 10,
      end: 90,
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
    "-pix_fmt",
    "yuv420p",
    clip,
  ]);
  expect((await runCli(["extensions", "install", here], { env })).code).toBe(0);
}, 120_000);
afterAll(async () => {
  await disposeExifTool();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("examples/newsroom-thesaurus", () => {
  it("turns a lower third's word into the controlled term: a keyword and an AboutCvTerm entry", async () => {
    const result = await runCli(["analyze", clip, "--json", "--lang", "de"], { env });
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout).clips[0];
    expect(document.keywords).toEqual(expect.arrayContaining(["Parlament"]));
    const xmp = await readXmp(document.written.sidecar);
    expect(xmp.keywords).toEqual(expect.arrayContaining(["Parlament"]));
    expect(xmp.controlledTerms).toEqual([
      {
        vocabulary: "https://vocab.example.org/newsroom",
        id: "https://vocab.example.org/newsroom/parlament",
        name: "Parlament",
      },
    ]);
    // Concepts not on screen are not claimed.
    expect(document.keywords).not.toContain("Unwetter");
  });

  it("adds a term once however often the clip is analysed, and keeps an archivist's own terms", async () => {
    const sidecar = clip.replace(/\.mp4$/, ".xmp");
    const { exiftool } = await import("exiftool-vendored");
    await exiftool.write(
      sidecar,
      {
        "XMP-iptcExt:AboutCvTerm+": [
          {
            CvId: "https://archiv.example.org/sachgebiete",
            CvTermId: "https://archiv.example.org/sachgebiete/politik",
            CvTermName: "Politik",
          },
        ],
      } as never,
      { writeArgs: ["-overwrite_original"] },
    );
    await exiftool.end();
    expect((await runCli(["analyze", clip, "--json", "--lang", "de"], { env })).code).toBe(0);
    const ids = (await readXmp(sidecar)).controlledTerms.map((t) => t.id).sort();
    expect(ids).toEqual([
      "https://archiv.example.org/sachgebiete/politik",
      "https://vocab.example.org/newsroom/parlament",
    ]);
  });
});
