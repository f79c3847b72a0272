import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { probeMedia } from "@sichter/engine/extension-api";
import { detectShots } from "./ShotDetector.ts";
import { ensureRandomClips } from "../../../../bench/samples/random/ensureRandomClips.ts";
import { makeShotClip, RATE, SIZE, type ShotSource } from "../test/shotClips.ts";

/**
 * Failure classes 2 and 4: pictures whose fine texture changes every frame (water, snow, sensor noise
 * in low light), and camera motion too slow or smooth for block matching. A busy shot must neither
 * hide a cut nor turn into a row of dissolves (class 3, dissolves into busy pictures, is in
 * busyDissolves.test.ts).
 */
let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Grain that changes every frame over a flat colour: snow, water glitter, low-light noise. */
const grain = (colour: string, strength: number): string =>
  `color=c=${colour}:s=${SIZE}:r=${RATE},noise=alls=${strength}:allf=t+u:all_seed=7`;
/** The same in cells of two pixels: confetti, crowds, an LED wall; keeps its contrast at the detector's size. */
const coarseGrain = (colour: string, strength: number, seed: number): string =>
  `color=c=${colour}:s=160x90:r=${RATE},noise=alls=${strength}:allf=t:all_seed=${seed},scale=${SIZE}:flags=neighbor`;
/** A calm, blurred, slowly moving test picture. */
const calm = `testsrc2=s=${SIZE}:r=${RATE},gblur=sigma=6`;
/** A camera creeping over a large smooth still: under a working pixel a frame. */
const creep = `smptehdbars=s=640x360:r=${RATE},gblur=sigma=12,crop=w=320:h=180:x='160+150*sin(n*0.02)':y='90+80*sin(n*0.011+1)'`;

const both = ["exact", "fast"] as const;

async function detectBoth(file: string) {
  const media = await probeMedia(file);
  return Promise.all(both.map(async (mode) => ({ mode, result: await detectShots(media, { mode }) })));
}

describe("busy shots (failure classes 2 and 4)", () => {
  it("a cut out of busy grain into a calm shot is one cut at its exact frame (class 2)", async () => {
    const file = path.join(dir, "busy-to-calm.mp4");
    // Every grain frame is as new as the calm shot is to it: the last grain frames must not pass for the cut.
    const shots: ShotSource[] = [
      { chain: coarseGrain("0x707070", 90, 3), frames: 43 },
      { chain: calm, frames: 50 },
    ];
    const [cut] = await makeShotClip(file, shots, [{ type: "cut" }]);
    for (const { mode, result } of await detectBoth(file)) {
      expect(
        result.boundaries.map((b) => [b.type, b.frame]),
        mode,
      ).toEqual([["cut", cut!.start]]);
    }
  });

  it("a cut from a calm shot into busy grain and on into other grain is two cuts at their frames (class 2)", async () => {
    const file = path.join(dir, "calm-busy-busy.mp4");
    const shots: ShotSource[] = [
      { chain: calm, frames: 40 },
      { chain: grain("0x5a7a3a", 70), frames: 45 },
      { chain: grain("0xa0608a", 70), frames: 40 },
    ];
    const cuts = await makeShotClip(file, shots, [{ type: "cut" }, { type: "cut" }]);
    for (const { mode, result } of await detectBoth(file)) {
      expect(
        result.boundaries.map((b) => [b.type, b.frame]),
        mode,
      ).toEqual(cuts.map((c) => ["cut", c.start]));
    }
  });

  it("a cut from coarse grain to a still of fine detail under a stepping camera, both new every frame to the structure, is one cut at its frame (class 2)", async () => {
    const file = path.join(dir, "busy-to-busy.mp4");
    // The second shot's structure jumps at every whole-pixel step of the camera, the first's every frame:
    // only the cut moves the picture's light and colour.
    const steppedGrain =
      `color=c=0x5c5711:s=176x106:r=${RATE},noise=alls=66:all_seed=29778,trim=end_frame=1,loop=loop=-1:size=1,scale=352:212:flags=neighbor,` +
      `crop=w=320:h=180:x='16+12*sin(n*0.74/25)':y='16+12*cos(n*0.74/31)',unsharp=5:5:2.18`;
    const shots: ShotSource[] = [
      { chain: coarseGrain("0x3a8a50", 90, 11), frames: 45 },
      { chain: steppedGrain, frames: 45 },
    ];
    const [cut] = await makeShotClip(file, shots, [{ type: "cut" }]);
    for (const { mode, result } of await detectBoth(file)) {
      expect(
        result.boundaries.map((b) => [b.type, b.frame]),
        mode,
      ).toEqual([["cut", cut!.start]]);
    }
  });

  it("fine and coarse grain and a camera creeping over a smooth still are one shot each (class 4)", async () => {
    for (const [name, chain] of [
      ["grain", grain("0x4a6a8a", 90)],
      ["creep", creep],
      ["coarse grain", coarseGrain("0x6a4a2a", 80, 3)],
    ] as const) {
      const file = path.join(dir, `${name.replaceAll(" ", "-")}.mp4`);
      await makeShotClip(file, [{ chain, frames: 150 }], []);
      for (const { mode, result } of await detectBoth(file)) {
        expect(result.boundaries, `${name} ${mode}`).toEqual([]);
      }
    }
  });

  it(
    "a fast camera move over a smooth still stays one shot to its end: no row of dissolves (class 4, tuning seed 1016)",
    { timeout: 240_000 },
    async () => {
      // The generator's clip of tuning seed 1016 (1280x720 at 50 fps, MPEG-2): its last shots pan
      // over a smooth still, where the luma-only detector found nine dissolves.
      const [sample] = await ensureRandomClips({ count: 1, seed: 1016, seconds: 12, dir });
      const { truth } = sample!;
      const media = await probeMedia(sample!.path);
      const last = truth.transitions.at(-1)!;
      for (const mode of both) {
        const { boundaries } = await detectShots(media, { mode });
        const inside = boundaries.filter((b) => b.frame > last.endFrame + 1);
        expect(inside, mode).toEqual([]);
        expect(
          boundaries.filter(
            (b) =>
              b.type === "dissolve" && b.frame > truth.transitions.find((t) => t.type === "dissolve")!.endFrame + 1,
          ),
          mode,
        ).toEqual([]);
      }
    },
  );
});
