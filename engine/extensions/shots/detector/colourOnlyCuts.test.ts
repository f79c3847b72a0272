import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeAllGrey, ffmpeg, makeTempDir } from "../../../test/fixtures.ts";
import { probeMedia } from "@sichter/engine/extension-api";
import { detectShots } from "./ShotDetector.ts";
import { FIXED_GOP, makeShotClip, RATE, SIZE } from "../test/shotClips.ts";

/**
 * Failure class 1: two takes of one picture under other light. The second shot continues the same
 * moving picture where the first stopped, with only hue or saturation changed; the hue filter
 * leaves luma as it is, so brightness structure alone cannot tell the shots apart.
 */
const CUT = 37;
const FRAMES = 90;

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One moving testsrc2, cut at CUT, each part under its own colour filter. */
async function colourCutClip(file: string, source: string, first: string, second: string): Promise<void> {
  await ffmpeg([
    "-filter_complex",
    `${source},split[a][b];[a]trim=end_frame=${CUT},setpts=PTS-STARTPTS,${first}[x];` +
      `[b]trim=start_frame=${CUT}:end_frame=${FRAMES},setpts=PTS-STARTPTS,${second}[y];[x][y]concat=n=2:v=1:a=0,format=yuv420p[out]`,
    "-map",
    "[out]",
    ...FIXED_GOP,
    file,
  ]);
}

/** Mean absolute luma difference between frames f-1 and f at 64x36. */
function lumaStep(grey: Buffer, f: number): number {
  const n = 64 * 36;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(grey[f * n + i]! - grey[(f - 1) * n + i]!);
  return sum / n;
}

const starts = (shots: ReadonlyArray<{ startFrame: number }>): number[] => shots.map((s) => s.startFrame);
const moving = `testsrc2=s=${SIZE}:r=${RATE}:d=${FRAMES / RATE + 1}`;

describe("colour-only cuts (failure class 1)", () => {
  for (const [name, source, first, second] of [
    ["hue", moving, "hue=h=0:s=1.4", "hue=h=160:s=1.4"],
    ["saturation", moving, "hue=h=40:s=1.6", "hue=h=40:s=0.15"],
    // A grey picture with one coloured object (a fifth of the frame) that changes colour.
    [
      "small coloured area",
      `${moving},hue=s=0,drawbox=x=20:y=40:w=110:h=70:color=0x2f9f4f:t=fill`,
      "null",
      "hue=h=200:s=1",
    ],
  ] as const) {
    it(`a cut where only the ${name} changes is one cut at its frame, fast and exact`, async () => {
      const file = path.join(dir, `${name.replaceAll(" ", "-")}.mp4`);
      await colourCutClip(file, source, first, second);
      const grey = await decodeAllGrey(file, 64, 36);
      expect(grey.length).toBe(FRAMES * 64 * 36);
      // Luma hardly moves across the cut: no more than between frames inside either shot.
      const around = [CUT - 2, CUT - 1, CUT + 1, CUT + 2].map((f) => lumaStep(grey, f));
      expect(lumaStep(grey, CUT)).toBeLessThan(Math.max(...around) * 1.3 + 2);

      const media = await probeMedia(file);
      expect(media.keyframes).not.toContain(CUT);
      const exact = await detectShots(media, { mode: "exact" });
      const fast = await detectShots(media, { mode: "fast" });
      expect(fast.mode).toBe("fast");
      expect(starts(exact.shots)).toEqual([0, CUT]);
      expect(starts(fast.shots)).toEqual([0, CUT]);
      expect(exact.boundaries.map((b) => b.type)).toEqual(["cut"]);
      expect(fast.boundaries.map((b) => b.type)).toEqual(["cut"]);
    });
  }

  it("a colour-only cut into a shot of three frames that ends on a hard cut is found, and so is the hard cut", async () => {
    // The hard cut three frames on changes the light (which is no fade's ramp) and shows another
    // picture (which is no return of the first colour, however close its colour may be).
    const file = path.join(dir, "colour-short.mp4");
    await ffmpeg([
      "-filter_complex",
      `${moving},split[a][b];[a]trim=end_frame=${CUT},setpts=PTS-STARTPTS,hue=h=0[x];[b]trim=start_frame=${CUT}:end_frame=${CUT + 3},setpts=PTS-STARTPTS,hue=h=150[y];` +
        `smptehdbars=s=${SIZE}:r=${RATE},trim=end_frame=50[z];[x][y][z]concat=n=3:v=1:a=0,format=yuv420p[out]`,
      "-map",
      "[out]",
      ...FIXED_GOP,
      file,
    ]);
    const media = await probeMedia(file);
    for (const mode of ["exact", "fast"] as const) {
      const found = await detectShots(media, { mode });
      expect(
        found.boundaries.map((b) => [b.type, b.frame]),
        mode,
      ).toEqual([
        ["cut", CUT],
        ["cut", CUT + 3],
      ]);
    }
  });

  it("a hue turn while the camera pans fast over a picture whose light swings from frame to frame is one cut", async () => {
    const file = path.join(dir, "colour-pan.mp4");
    const pan = `testsrc=s=512x288:r=${RATE},trim=end_frame=1,loop=loop=-1:size=1,crop=w=320:h=180:x='96+96*sin(n*0.2+4)':y='54+54*sin(n*0.137+4)'`;
    await colourCutClip(file, pan, "hue=h=11:s=1.51", "hue=h=207:s=1.51");
    const media = await probeMedia(file);
    for (const mode of ["exact", "fast"] as const) {
      const found = await detectShots(media, { mode });
      expect(
        found.boundaries.map((b) => [b.type, b.frame]),
        mode,
      ).toEqual([["cut", CUT]]);
    }
  });

  it("a slow hue drift within one shot, and a fade from black in colour, are no cuts", async () => {
    const drift = path.join(dir, "drift.mp4");
    // 45 degrees a second: a half-turn over the clip, under 2 degrees a frame.
    await makeShotClip(drift, [{ chain: `${moving},hue=H=t*PI/4:s=1.4`, frames: FRAMES }], []);
    const fade = path.join(dir, "fade-in.mp4");
    // Colour ramps with the light in a fade: the colour term must stay quiet during and after it.
    await makeShotClip(fade, [{ chain: `${moving},hue=h=120:s=1.6,fade=t=in:st=0.4:d=1`, frames: FRAMES }], []);
    for (const file of [drift, fade]) {
      const media = await probeMedia(file);
      for (const mode of ["exact", "fast"] as const) {
        const found = await detectShots(media, { mode });
        expect(
          found.boundaries.filter((b) => b.type === "cut"),
          `${path.basename(file)} ${mode}`,
        ).toEqual([]);
      }
    }
  });
});
