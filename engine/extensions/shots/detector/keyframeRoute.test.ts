import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCutClip, makeTempDir } from "../../../test/fixtures.ts";
import { probeMedia } from "@sichter/engine/extension-api";
import { keyframeRouteVerdict } from "./keyframeRoute.ts";
import { detectShots } from "./ShotDetector.ts";

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const every = (step: number, count: number): number[] =>
  Array.from({ length: Math.ceil(count / step) }, (_, i) => i * step);

describe("which route the shot detector takes", () => {
  it("judges the keyframe route from the GOP structure alone", () => {
    expect(keyframeRouteVerdict({ intraOnly: true, keyframes: every(1, 100), frameCount: 100 }).canWin).toBe(false);
    expect(keyframeRouteVerdict({ intraOnly: false, keyframes: [0], frameCount: 100 }).canWin).toBe(false);
    expect(keyframeRouteVerdict({ intraOnly: false, keyframes: every(6, 600), frameCount: 600 })).toEqual({
      canWin: false,
      reason: expect.stringContaining("GOPs of 6 frames"),
    });
    expect(keyframeRouteVerdict({ intraOnly: false, keyframes: [0, 20, 40, 700], frameCount: 720 }).canWin).toBe(false);
    expect(keyframeRouteVerdict({ intraOnly: false, keyframes: every(50, 4500), frameCount: 4500 }).canWin).toBe(true);
  });

  it("--json says which route ran, why, and how many frames it decoded: short GOPs are decoded whole, long ones skipped", async () => {
    // The last shot runs on for two quiet GOPs: those are what the keyframe route skips.
    const lengths = [37, 53, 61, 129];
    const codec = (gop: number): string[] => [
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-g",
      String(gop),
      "-sc_threshold",
      "0",
      "-pix_fmt",
      "yuv420p",
    ];
    const short = path.join(dir, "gop4.mp4");
    const long = path.join(dir, "gop50.mp4");
    const cuts = await makeCutClip(short, lengths, { codecArgs: codec(4) });
    await makeCutClip(long, lengths, { codecArgs: codec(50) });

    const shortMedia = await probeMedia(short);
    const shortReport = await detectShots(shortMedia, { mode: "auto" });
    expect(shortReport).toMatchObject({ mode: "exact", route: "full-decode", decodedFrames: shortMedia.frameCount });
    expect(shortReport.routeReason).toContain("GOPs of 4 frames");
    expect(shortReport.shots.map((s) => s.startFrame)).toEqual([0, ...cuts]);

    const longMedia = await probeMedia(long);
    const longReport = await detectShots(longMedia, { mode: "auto" });
    expect(longReport).toMatchObject({ mode: "fast", route: "keyframes" });
    expect(longReport.decodedFrames).toBeLessThan(longMedia.frameCount);
    expect(longReport.shots.map((s) => s.startFrame)).toEqual([0, ...cuts]);

    // Asked for, a route runs where it can, and says so.
    const exact = await detectShots(longMedia, { mode: "exact" });
    expect(exact).toMatchObject({
      route: "full-decode",
      routeReason: "exact mode asked for",
      decodedFrames: longMedia.frameCount,
    });
    const fast = await detectShots(shortMedia, { mode: "fast" });
    expect(fast.route).toBe("keyframes");
  });
});
