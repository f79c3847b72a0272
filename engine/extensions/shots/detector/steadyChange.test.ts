import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { probeMedia } from "@sichter/engine/extension-api";
import { detectShots } from "./ShotDetector.ts";
import { ensureRandomClips } from "../../../../bench/samples/random/ensureRandomClips.ts";

/**
 * A shot that changes slowly and steadily: in random clip 1018 (a tuning seed) the camera scrolls
 * over a fractal still, at 50 frames a second, while the picture darkens and brightens again under
 * it. Over any span of it, the middle frames look like a blend of the ends. Its one dissolve in
 * and one cut out are its only boundaries. Exact mode only: fast mode decodes runs around its
 * candidates, and where a run ends a few frames before the span, the pan there may be slower than
 * inside it (it slows to turn), so one of the old four dissolves stays.
 */
let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("shots that change slowly and steadily", () => {
  it("random clip 1018: a darkening scroll holds no dissolve", { timeout: 120_000 }, async () => {
    const [sample] = await ensureRandomClips({ count: 1, seed: 1018, seconds: 12, dir });
    const { truth } = sample!;
    const scroll = truth.shots.findIndex((s) => s.family === "motion-fast");
    const [into, out] = [truth.transitions[scroll - 1]!, truth.transitions[scroll]!];
    expect([into.family, out.family]).toEqual(["dissolve", "cut"]);
    const media = await probeMedia(sample!.path);
    const { boundaries } = await detectShots(media, { mode: "exact" });
    const inside = boundaries.filter((b) => b.startFrame > into.endFrame + 1 && b.frame < out.startFrame - 1);
    expect(inside).toEqual([]);
  });
});
