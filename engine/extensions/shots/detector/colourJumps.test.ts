import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpeg, makeTempDir } from "../../../test/fixtures.ts";
import { probeMedia } from "@sichter/engine/extension-api";
import { detectShots } from "./ShotDetector.ts";
import { FIXED_GOP, RATE } from "../test/shotClips.ts";

/**
 * Colour-only cuts where no block of the picture can be matched from one frame to the next: the
 * camera pans fast over fine grain, so the structure is new every frame and the colour detector
 * (which compares matched blocks) has nothing to compare. Only the mean colour tells the cut.
 */
const CUT = 41;
const FRAMES = 90;

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A still of fine grain, 1.6 times the frame, under a camera moving up to 40 pixels a frame (fastest at CUT). */
const grainPan =
  `color=c=0x83b5ab:s=256x144:r=${RATE},noise=alls=60:all_seed=8636,scale=1024:576:flags=bicubic,` +
  `trim=end_frame=1,loop=loop=-1:size=1,crop=w=640:h=360:x='192+192*sin(n*0.20812+4)':y='108+108*sin(n*0.09406+1)'`;

/** The pan under `first` before CUT and `second` from it, then `after` over the whole clip and a little grain. */
async function clip(file: string, first: string, second: string, after = ""): Promise<void> {
  await ffmpeg([
    "-filter_complex",
    `${grainPan},settb=expr=1/${RATE},setpts=N,split[a][b];` +
      `[a]trim=end_frame=${CUT},setpts=PTS-STARTPTS,${first}[x];` +
      `[b]trim=start_frame=${CUT}:end_frame=${FRAMES},setpts=PTS-STARTPTS,${second}[y];` +
      `[x][y]concat=n=2:v=1:a=0${after},noise=alls=8:allf=t,format=yuv420p[out]`,
    "-map",
    "[out]",
    ...FIXED_GOP,
    file,
  ]);
}

describe("colour-only cuts in a fast pan over fine grain", () => {
  it("a cut to a nearly grey take of the same pan is one cut at its frame, fast and exact", async () => {
    const file = path.join(dir, "grain-saturation.mp4");
    await clip(file, "hue=h=247:s=1.18", "hue=h=247:s=0.15");
    const media = await probeMedia(file);
    for (const mode of ["exact", "fast"] as const) {
      const found = await detectShots(media, { mode });
      expect(
        found.boundaries.map((b) => [b.type, b.frame]),
        mode,
      ).toEqual([["cut", CUT]]);
    }
  });

  it("the colour draining for two frames and coming back is no cut", async () => {
    const file = path.join(dir, "grain-flash.mp4");
    await clip(
      file,
      "hue=h=247:s=1.18",
      "hue=h=247:s=1.18",
      `,hue=s='if(between(n\\,${CUT}\\,${CUT + 1})\\,0.13\\,1)'`,
    );
    const media = await probeMedia(file);
    for (const mode of ["exact", "fast"] as const) {
      const found = await detectShots(media, { mode });
      expect(found.boundaries, mode).toEqual([]);
    }
  });
});
