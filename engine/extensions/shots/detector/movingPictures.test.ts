import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { probeMedia } from "@sichter/engine/extension-api";
import type { ShotBoundary } from "./ShotBoundary.ts";
import { detectShots } from "./ShotDetector.ts";
import { makeShotClip, RATE, SIZE } from "../test/shotClips.ts";

/**
 * Failure class 4 on pictures of the random benchmark's families (tuning seeds): a shot whose
 * picture only moves or changes in place must stay one shot. Each of these gave the detector before
 * this test false cuts, dissolves or fades: fine detail under a camera moving in whole-pixel steps
 * looks new to a structural comparison at every step, drifting sine waves look like blends of the
 * frames around them, a caption band on a low-contrast picture changes the frame's contrast and so
 * its normalised structure everywhere, and a near-white picture whose faint detail comes and goes
 * keeps crossing the flatness limit of a fade.
 */
let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function boundaries(
  name: string,
  chain: string,
  frames: number,
): Promise<Array<{ mode: string; boundaries: ShotBoundary[] }>> {
  const file = path.join(dir, `${name}.mp4`);
  await makeShotClip(file, [{ chain, frames }], []);
  const media = await probeMedia(file);
  return Promise.all(
    (["exact", "fast"] as const).map(async (mode) => ({
      mode,
      boundaries: (await detectShots(media, { mode })).boundaries,
    })),
  );
}

/** The benchmark's "noise" family: a still of sharpened grain, the camera drifting over it in whole pixels (tuning seed 1104). */
const steppedGrain =
  `color=c=0x5c5711:s=176x106:r=${RATE},noise=alls=66:all_seed=29778,trim=end_frame=1,loop=loop=-1:size=1,scale=352:212:flags=neighbor,` +
  `crop=w=320:h=180:x='16+12*sin(n*0.74/25)':y='16+12*cos(n*0.74/31)',unsharp=5:5:2.18`;
/** The "gradient" family: three sine waves, one per colour, drifting at their own speeds (tuning seed 1076). */
const driftingWaves =
  `nullsrc=s=160x90:r=${RATE},format=gbrp,geq=r='136+50*sin(X/8.0+Y/13.6+T*0.13+1)':g='150+50*sin(X/31.5+Y/24.7+T*0.56+6)':` +
  `b='94+50*sin(X/1.8+Y/27.5+T*0.01+2)',scale=${SIZE.replace("x", ":")}:flags=bicubic,hue=h=356:s=1.49`;
/** A bright, low-contrast gradient under a top caption band with a line of text on it for two seconds (tuning seed 1012). */
const captionOnGradient =
  `nullsrc=s=160x90:r=${RATE},format=gbrp,geq=r='140+25*sin(X/6.9+Y/33.7+T*-0.32+5)':g='227+25*sin(X/18.9+Y/1.9+T*-0.49+0)':` +
  `b='210+25*sin(X/28.3+Y/16.9+T*0.17+0)',scale=${SIZE.replace("x", ":")}:flags=bicubic,hue=h=155:s=1.59,` +
  `drawbox=x=0:y=0:w=iw:h=ih*0.09:color=0xa01010@0.85:t=fill:enable='between(n,40,90)',` +
  `drawbox=x=iw*0.04:y=ih*0.025:w=iw*0.3:h=ih*0.04:color=0xf0f0f0@1:t=fill:enable='between(n,40,90)'`;
/** Near white with faint detail whose contrast swells and fades (a white fractal, tuning seed 1075). */
const nearWhite = `color=c=white:s=${SIZE}:r=${RATE},format=yuv420p,geq=lum='222+7*sin(X/9+Y/13)*(0.8+0.2*sin(N/2.3))':cb=128:cr=128,noise=alls=2:allf=t`;

describe("shots whose picture only moves or changes in place (failure class 4)", () => {
  it("fine grain under a camera moving in whole-pixel steps is one shot, not a cut at every step", async () => {
    for (const { mode, boundaries: found } of await boundaries("stepped-grain", steppedGrain, 150))
      expect(found, mode).toEqual([]);
  });

  it("sine waves drifting at their own speeds are one shot, not a dissolve", async () => {
    for (const { mode, boundaries: found } of await boundaries("drifting-waves", driftingWaves, 150))
      expect(found, mode).toEqual([]);
  });

  it("a caption band popping on and off a bright low-contrast picture is no cut", async () => {
    for (const { mode, boundaries: found } of await boundaries("caption-on-gradient", captionOnGradient, 130))
      expect(found, mode).toEqual([]);
  });

  it("a near-white picture whose faint detail swells and fades passes through no fade", async () => {
    for (const { mode, boundaries: found } of await boundaries("near-white", nearWhite, 150))
      expect(found, mode).toEqual([]);
  });
});
