import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { probeMedia } from "@sichter/engine/extension-api";
import { detectShots } from "./ShotDetector.ts";
import { makeShotClip, RATE, SIZE, type ShotSource } from "../test/shotClips.ts";

/**
 * Failure class 3: dissolves between a smooth, low-contrast picture and a fine texture that changes
 * every frame. No frame is a pixel-by-pixel mix of its neighbours there, so the blend test cannot
 * see them; the pictures' statistics still travel from one shot to the other.
 */
let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A smooth, low-contrast picture: a sky, a wall, a blurred background. */
const smooth = `nullsrc=s=160x90:r=${RATE},format=gbrp,geq=r='120+14*sin(X/23+T*0.3)':g='110+14*sin(Y/17+T*0.2)':b='100+14*sin(X/31+Y/29)',scale=${SIZE}`;
const grain = (colour: string, strength: number): string =>
  `color=c=${colour}:s=${SIZE}:r=${RATE},noise=alls=${strength}:allf=t+u:all_seed=7`;
const coarseGrain = (colour: string, strength: number, seed: number): string =>
  `color=c=${colour}:s=160x90:r=${RATE},noise=alls=${strength}:allf=t:all_seed=${seed},scale=${SIZE}:flags=neighbor`;
const blurredBars = `smptehdbars=s=${SIZE}:r=${RATE},gblur=sigma=20`;

describe("dissolves into and out of busy texture (failure class 3)", () => {
  for (const [name, shots] of [
    [
      "a smooth low-contrast picture into fine grain",
      [
        { chain: smooth, frames: 40 },
        { chain: grain("0x806040", 60), frames: 40 },
      ],
    ],
    [
      "coarse grain into a blurred picture",
      [
        { chain: coarseGrain("0x707070", 90, 3), frames: 40 },
        { chain: blurredBars, frames: 50 },
      ],
    ],
  ] as ReadonlyArray<readonly [string, ShotSource[]]>) {
    it(`a dissolve from ${name} is one dissolve over its frames, fast and exact`, async () => {
      const file = path.join(dir, `${name.replaceAll(" ", "-")}.mp4`);
      const [dissolve] = await makeShotClip(file, shots, [{ type: "dissolve", frames: 18 }]);
      const media = await probeMedia(file);
      for (const mode of ["exact", "fast"] as const) {
        const { boundaries } = await detectShots(media, { mode });
        expect(
          boundaries.map((b) => b.type),
          mode,
        ).toEqual(["dissolve"]);
        const [found] = boundaries;
        expect(found!.startFrame, mode).toBeLessThan(dissolve!.end);
        expect(found!.endFrame, mode).toBeGreaterThan(dissolve!.start);
        expect(found!.startFrame, mode).toBeGreaterThanOrEqual(dissolve!.start - 2);
        expect(found!.endFrame, mode).toBeLessThanOrEqual(dissolve!.end + 6);
      }
    });
  }
});
