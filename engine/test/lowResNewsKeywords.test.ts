import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SichterClient } from "@sichter/shared/protocol";
import { drawtextEscape, ocrFont } from "../extensions/ocr/test/lowerThirds.ts";
import { foldText } from "../src/text/foldText.ts";
import { startEngineWithClient, stopEngineWithClient, type EngineProcess } from "./engineProcess.ts";
import { ffmpeg, makeTempDir } from "./fixtures.ts";

/**
 * A re-broadcast news clip at 480x270, heavily compressed: four 3 s shots, a URL watermark in a
 * dark corner box over all of them, and two lower thirds in 16 px type, small enough that the
 * recogniser drops the spaces between their words.
 */
const LOWER_THIRDS = [
  { text: "North Korea launch", from: 10, to: 65 },
  { text: "Celebration of American Values", from: 160, to: 215 },
];
const WATERMARK = "tv.example.de";

const root = makeTempDir("sichter-lowres-news-");
const home = path.join(root, "home");
const clip = path.join(root, "bulletin-480x270.mp4");
let engine: EngineProcess;
let client: SichterClient;
let tags: Array<{ label: string; kind: string }>;
let description: string | null;

async function makeBulletin(): Promise<void> {
  const font = ocrFont();
  const lowerThird = ({ text, from, to }: (typeof LOWER_THIRDS)[number]): string => {
    const on = `enable='between(n\\,${from}\\,${to})'`;
    return `drawbox=x=0:y=200:w=330:h=40:color=0x0c1a3a@0.85:t=fill:${on},drawtext=fontfile='${font}':text='${drawtextEscape(text)}':fontsize=16:fontcolor=white:x=20:y=212:${on}`;
  };
  const shot = (i: number, extra = ""): string =>
    `[${i}]trim=duration=3,setpts=PTS-STARTPTS,setsar=1${extra},format=yuv420p[s${i}]`;
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    "mandelbrot=size=480x270:rate=25",
    "-f",
    "lavfi",
    "-i",
    "life=s=120x68:r=25:seed=3:mold=10:life_color=#5a7fa0:death_color=#20304a,scale=480:270",
    "-f",
    "lavfi",
    "-i",
    "color=c=0x806040:s=480x270:r=25",
    "-f",
    "lavfi",
    "-i",
    "cellauto=s=480x270:r=25:rule=110",
    "-filter_complex",
    [
      shot(0),
      shot(1),
      shot(2, ",noise=alls=20:allf=t"),
      shot(3),
      `[s0][s1][s2][s3]concat=n=4:v=1,drawbox=x=w-130:y=6:w=124:h=24:color=black@0.6:t=fill,` +
        `drawtext=fontfile='${font}':text='${WATERMARK}':fontsize=14:fontcolor=white:x=w-tw-12:y=11,` +
        LOWER_THIRDS.map(lowerThird).join(","),
    ].join(";"),
    "-c:v",
    "libx264",
    "-crf",
    "34",
    "-g",
    "50",
    "-pix_fmt",
    "yuv420p",
    "-r",
    "25",
    clip,
  ]);
}

beforeAll(async () => {
  await makeBulletin();
  ({ engine, client } = await startEngineWithClient(home));
  let ended: () => void;
  const done = new Promise<void>((resolve) => (ended = resolve));
  const { jobId } = await client.request(
    "clip.analyze",
    { path: clip, options: { write: "none", language: "de" } },
    {
      onProgress: (v) => v.kind === "end" && ended(),
    },
  );
  await done;
  await client.request("job.result", { jobId });
  const stored = await client.request("catalog.clip", { path: clip });
  tags = stored.tags;
  description = stored.clip.description;
}, 300_000);
afterAll(async () => {
  await stopEngineWithClient(engine, client);
  fs.rmSync(root, { recursive: true, force: true });
});

describe("a 480x270 news clip with a watermark", () => {
  it("is found by any one word of a lower third, and by its phrase", async () => {
    const words = LOWER_THIRDS.flatMap((l) => l.text.split(" ")).filter((w) => w !== "of");
    for (const query of [...words, "American Values", "Korea launch"]) {
      const { results } = await client.request("catalog.search", { query });
      expect(
        results.map((r) => r.file),
        query,
      ).toContain(clip);
    }
  }, 60_000);

  it("offers the watermark once, as an overlay, and neither as keywords nor in the description", () => {
    const overlays = tags.filter((t) => t.kind === "ocr.overlay");
    expect(overlays.map((t) => t.label)).toEqual([`Einblendung: ${WATERMARK}`]);
    const keywords = tags.filter((t) => t.kind === "keyword").map((t) => foldText(t.label));
    for (const piece of ["tv", "example", "de", "ample"])
      expect(
        keywords.some((k) => k.split(/\s+/).includes(piece)),
        piece,
      ).toBe(false);
    expect(description).not.toContain("example");
    expect(description).toContain("North Korea launch");
  });
});
