import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { probeMedia } from "@sichter/engine/extension-api";
import { detectShots } from "./ShotDetector.ts";
import { ensureRandomClips } from "../../../../bench/samples/random/ensureRandomClips.ts";

/**
 * A photographer's flash in texture that is new every frame (snow, water, sensor noise): the flash
 * frame is nearly flat white, so it looks like the bottom of a fade through white, and the texture's
 * structure never comes back after it, so the structure cannot tell the flash. The light and colour
 * of the picture come back. Random clips of two tuning seeds have such flashes (in busy texture and
 * in fine noise).
 */
let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("flashes in busy texture", () => {
  for (const seed of [1230, 1280]) {
    it(`random clip ${seed}: no flash becomes a boundary, fast and exact`, { timeout: 120_000 }, async () => {
      const [sample] = await ensureRandomClips({ count: 1, seed, seconds: 12, dir });
      const flashes = sample!.truth.distractors.filter((d) => d.type === "flash");
      expect(flashes.length).toBeGreaterThan(0);
      const media = await probeMedia(sample!.path);
      for (const mode of ["exact", "fast"] as const) {
        const { boundaries } = await detectShots(media, { mode });
        const onFlash = boundaries.filter((b) =>
          flashes.some((f) => b.endFrame >= f.startFrame - 1 && b.startFrame <= f.endFrame + 1),
        );
        expect(onFlash, mode).toEqual([]);
      }
    });
  }
});
