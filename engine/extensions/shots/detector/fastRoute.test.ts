import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { probeMedia } from "@sichter/engine/extension-api";
import { detectShots } from "./ShotDetector.ts";
import { makeShotClip, RATE, SIZE, type ShotSource } from "../test/shotClips.ts";

/**
 * Fast mode must find what exact mode finds, also where its keyframe pass has little to go on: a
 * cut in the clip's last GOP has no keyframe after it to compare with, and between two busy
 * pictures every pair of keyframes differs in structure and every frame costs about the bits of a
 * new picture, so neither a standing-out keyframe difference nor a packet spike shows the cut.
 */
let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const grain = (colour: string, seed: number): string =>
  `color=c=${colour}:s=160x90:r=${RATE},noise=alls=90:allf=t:all_seed=${seed},scale=${SIZE}:flags=neighbor`;
const noSceneCut = (gop: number): string[] => [
  "-c:v",
  "libx264",
  "-preset",
  "ultrafast",
  "-g",
  String(gop),
  "-keyint_min",
  String(gop),
  "-x264-params",
  "scenecut=0",
  "-pix_fmt",
  "yuv420p",
];

async function fastAndExact(file: string) {
  const media = await probeMedia(file);
  const [fast, exact] = await Promise.all([
    detectShots(media, { mode: "fast" }),
    detectShots(media, { mode: "exact" }),
  ]);
  expect(fast.mode).toBe("fast");
  return { fast: fast.boundaries.map((b) => [b.type, b.frame]), exact: exact.boundaries.map((b) => [b.type, b.frame]) };
}

describe("fast mode's keyframe pass", () => {
  it("decodes the clip's last GOP: a cut between grains there is found as in exact mode", async () => {
    const file = path.join(dir, "last-gop.mp4");
    const shots: ShotSource[] = [
      { chain: grain("0x3a8a50", 11), frames: 230 },
      { chain: grain("0x8a3a50", 12), frames: 40 },
    ];
    const [cut] = await makeShotClip(file, shots, [{ type: "cut" }], noSceneCut(100));
    const { fast, exact } = await fastAndExact(file);
    expect(exact).toEqual([["cut", cut!.start]]);
    expect(fast).toEqual(exact);
  });

  it("refines a GOP whose keyframes differ in light and colour far more than a neighbouring GOP's: a cut between grey grains of other brightness in a fixed GOP", async () => {
    const file = path.join(dir, "busy-gop.mp4");
    const shots: ShotSource[] = [
      { chain: grain("0x505050", 11), frames: 60 },
      { chain: grain("0xa0a0a0", 12), frames: 65 },
    ];
    const [cut] = await makeShotClip(file, shots, [{ type: "cut" }], noSceneCut(25));
    const { fast, exact } = await fastAndExact(file);
    expect(exact).toEqual([["cut", cut!.start]]);
    expect(fast).toEqual(exact);
  });

  it("decodes the GOP before a short candidate GOP: a dissolve starting on its first keyframe gets the range exact mode gives it", async () => {
    const file = path.join(dir, "dissolve-on-keyframe.mp4");
    const shots: ShotSource[] = [
      { chain: `smptebars=s=${SIZE}:r=${RATE}`, frames: 48 },
      { chain: `color=c=0x40a070:s=${SIZE}:r=${RATE}`, frames: 60 },
    ];
    // The dissolve begins on frame 48, a keyframe of the 12-frame GOP.
    const [dissolve] = await makeShotClip(file, shots, [{ type: "dissolve", frames: 20 }], noSceneCut(12));
    expect(dissolve!.start).toBe(48);
    const media = await probeMedia(file);
    const range = (r: Awaited<ReturnType<typeof detectShots>>) =>
      r.boundaries.map((b) => [b.type, b.startFrame, b.endFrame]);
    const exact = range(await detectShots(media, { mode: "exact" }));
    const fast = await detectShots(media, { mode: "fast" });
    expect(fast.mode).toBe("fast");
    expect(exact).toEqual([["dissolve", 48, 67]]);
    expect(range(fast)).toEqual(exact);
  });
});
