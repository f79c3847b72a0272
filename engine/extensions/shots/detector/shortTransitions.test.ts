import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { probeMedia } from "@sichter/engine/extension-api";
import { detectShots } from "./ShotDetector.ts";
import { makeShotClip, RATE, SIZE, type ShotSource } from "../test/shotClips.ts";

/**
 * Transitions close together or over few frames, as a montage or a quick edit has them: each shot
 * of a few frames is a shot, and a dissolve of a few frames is a dissolve over its frames, not a cut.
 */
let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const both = ["exact", "fast"] as const;

describe("short shots and short dissolves", () => {
  it("shots of 3, 5 and 8 frames between cuts are shots of their own, each cut at its frame", async () => {
    const file = path.join(dir, "montage.mp4");
    const shots: ShotSource[] = [
      { chain: `testsrc2=s=${SIZE}:r=${RATE}`, frames: 30 },
      { chain: `smptehdbars=s=${SIZE}:r=${RATE}`, frames: 3 },
      { chain: `rgbtestsrc=s=${SIZE}:r=${RATE}`, frames: 5 },
      { chain: `testsrc=s=${SIZE}:r=${RATE}`, frames: 8 },
      { chain: `rgbtestsrc=s=${SIZE}:r=${RATE},gblur=sigma=3,hue=h=90`, frames: 30 },
    ];
    const cuts = await makeShotClip(
      file,
      shots,
      shots.slice(1).map(() => ({ type: "cut" }) as const),
    );
    const media = await probeMedia(file);
    for (const mode of both) {
      const { boundaries, shots: found } = await detectShots(media, { mode });
      expect(
        boundaries.map((b) => [b.type, b.frame]),
        mode,
      ).toEqual(cuts.map((c) => ["cut", c.start]));
      expect(
        found.map((s) => s.endFrame - s.startFrame),
        mode,
      ).toEqual([30, 3, 5, 8, 30]);
    }
  });

  it("a dissolve of three frames out of coarse grain is one dissolve over its frames, not a cut", async () => {
    const file = path.join(dir, "short-dissolve.mp4");
    const grain = `color=c=0x604a80:s=160x90:r=${RATE},noise=alls=80:allf=t:all_seed=5,scale=${SIZE}:flags=neighbor`;
    const [dissolve] = await makeShotClip(
      file,
      [
        { chain: grain, frames: 40 },
        { chain: `smptehdbars=s=${SIZE}:r=${RATE}`, frames: 40 },
      ],
      [{ type: "dissolve", frames: 3 }],
    );
    const media = await probeMedia(file);
    for (const mode of both) {
      const { boundaries } = await detectShots(media, { mode });
      expect(
        boundaries.map((b) => b.type),
        mode,
      ).toEqual(["dissolve"]);
      const [b] = boundaries;
      // Inside the blended frames, in order, and covering more than the one step a cut would be.
      expect(b!.startFrame, mode).toBeGreaterThanOrEqual(dissolve!.start);
      expect(b!.endFrame, mode).toBeLessThanOrEqual(dissolve!.end);
      expect(b!.endFrame - b!.startFrame, mode).toBeGreaterThanOrEqual(2);
      expect(b!.frame >= b!.startFrame && b!.frame <= b!.endFrame, mode).toBe(true);
    }
  });
});
