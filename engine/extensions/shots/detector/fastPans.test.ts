import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { probeMedia } from "@sichter/engine/extension-api";
import { detectShots } from "./ShotDetector.ts";
import { ensureRandomClips } from "../../../../bench/samples/random/ensureRandomClips.ts";

/**
 * A fast pan over fine grain: at the detector's size the block search matches one frame and misses
 * the next, so the structure score jumps between the two from frame to frame, and every miss is a
 * peak against its matched neighbours. None is a cut. Random clip 1220 (a tuning seed) opens on
 * such a pan, cut in after 7 frames and faded out to black.
 */
let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("fast pans over fine grain", () => {
  it(
    "random clip 1220: the pan between its cut and its fade holds no boundary, fast and exact",
    { timeout: 120_000 },
    async () => {
      const [sample] = await ensureRandomClips({ count: 1, seed: 1220, seconds: 12, dir });
      const { truth } = sample!;
      const pan = truth.shots.findIndex((s) => s.family === "motion-fast");
      const [into, out] = [truth.transitions[pan - 1]!, truth.transitions[pan]!];
      expect([into.family, out.family]).toEqual(["cut", "fade-black"]);
      const media = await probeMedia(sample!.path);
      for (const mode of ["exact", "fast"] as const) {
        const { boundaries } = await detectShots(media, { mode });
        const inside = boundaries.filter((b) => b.frame > into.endFrame + 1 && b.frame < out.startFrame - 1);
        expect(inside, mode).toEqual([]);
      }
    },
  );
});
