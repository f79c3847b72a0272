import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { probeMedia } from "@sichter/engine/extension-api";
import { detectShots } from "./ShotDetector.ts";
import { ensureRandomClips } from "../../../../bench/samples/random/ensureRandomClips.ts";

/**
 * x264 predicts a fade's frames from the ones before with weights. Decoded without deblocking on
 * the frames others are predicted from, the error adds up over the GOP (the colour of the picture
 * drifts by 20 levels and more) and vanishes at once at the next keyframe or refresh: a slow colour
 * ramp and then a colour jump inside a plain shot, which no camera made. Two random clips of tuning
 * seeds show it: a still noise picture after a fade from black (fixed GOP of 25), and a gradient
 * after one (GOP of 250).
 */
let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("decoding after a fade with weighted prediction", () => {
  for (const seed of [1026, 1011]) {
    it(
      `random clip ${seed}: nothing is found in the plain frames after a fade from black`,
      { timeout: 120_000 },
      async () => {
        const [sample] = await ensureRandomClips({ count: 1, seed, seconds: 12, dir });
        const { truth } = sample!;
        const fade = truth.transitions.find((t) => t.family === "fade-black")!;
        const next = truth.transitions.find((t) => t.startFrame > fade.endFrame)?.startFrame ?? truth.frameCount;
        const media = await probeMedia(sample!.path);
        for (const mode of ["exact", "fast"] as const) {
          const { boundaries } = await detectShots(media, { mode });
          const inside = boundaries.filter((b) => b.startFrame > fade.endFrame + 1 && b.frame < next - 1);
          expect(inside, mode).toEqual([]);
        }
      },
    );
  }
});
