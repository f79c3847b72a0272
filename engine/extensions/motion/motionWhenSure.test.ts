import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tag } from "@sichter/engine/extension-api";
import { makeTempDir } from "../../test/fixtures.ts";
import { analysisInput } from "../../test/support/cueTestClips.ts";
import { MotionAnalyzer } from "./MotionAnalyzer.ts";
import { encodeFamilyClip, motionFamilyClip, type MotionCodec, type MotionFamily } from "./test/motionFamilies.ts";
import { scoreMotionTags } from "./test/motionTruthScore.ts";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("sichter-motion-sure-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function motionTags(family: MotionFamily, seed: number, codec: MotionCodec = "h264") {
  const clip = motionFamilyClip(family, seed);
  const input = await analysisInput(await encodeFamilyClip(dir, clip, codec));
  const { tags } = await new MotionAnalyzer().analyze(input);
  return { clip, tags, scored: scoreMotionTags(tags, clip.truth) };
}
const motionOnly = (tags: readonly Tag[]) =>
  tags.map((t) => ({ kind: t.kind, startFrame: t.startFrame, endFrame: t.endFrame }));

describe("camera motion is tagged only when the evidence is sure (generated clips, seeds 1000-1999)", () => {
  it("a zoom out that turns into a pan gets both moves in their ranges, not Static", async () => {
    const { clip, tags, scored } = await motionTags("zoom-then-pan", 1003);
    expect(clip.truth.map((t) => t.expect)).toEqual(["motion.zoom-out", "motion.pan-right"]);
    expect(tags.map((t) => t.kind)).not.toContain("motion.static");
    expect(scored.map((s) => s.verdict)).toEqual(["right", "right"]);
    // The change is placed between the bursts on either side of it, within a second of the truth.
    expect(Math.abs(tags[0]!.endFrame - clip.truth[0]!.endFrame)).toBeLessThan(25);
  });

  it("no motion tag across a wipe to another picture, Static on either side", async () => {
    const { scored } = await motionTags("wipe", 1000);
    expect(scored.map((s) => `${s.expect}:${s.verdict}`)).toEqual([
      "motion.static:right",
      "none:right",
      "motion.static:right",
    ]);
  });

  it("no motion tag across a fade to black", async () => {
    const { scored } = await motionTags("fade", 1000);
    expect(scored.map((s) => `${s.expect}:${s.verdict}`)).toEqual(["motion.static:right", "none:right"]);
  });

  it("a motion tag starts after the shot's opening fade or dissolve found by the shot step", async () => {
    const clip = motionFamilyClip("move", 1000);
    const input = await analysisInput(await encodeFamilyClip(dir, clip));
    const shots = [
      {
        index: 0,
        startFrame: 0,
        endFrame: clip.frames.length,
        transition: { type: "dissolve" as const, startFrame: 0, endFrame: 20 },
      },
    ];
    const { tags } = await new MotionAnalyzer().analyze({ ...input, shots });
    expect(tags.map((t) => t.kind)).toEqual([clip.truth[0]!.expect]);
    expect(tags[0]!.startFrame).toBe(20);
  });

  it("a motion tag ends where the next shot's fade or dissolve begins, even inside this shot", async () => {
    const clip = motionFamilyClip("move", 1000);
    const input = await analysisInput(await encodeFamilyClip(dir, clip));
    // The shot step may end a shot after the transition into the next has begun (a fade's first frames).
    const shots = [
      { index: 0, startFrame: 0, endFrame: 60, transition: null },
      { index: 1, startFrame: 60, endFrame: 75, transition: { type: "fade" as const, startFrame: 50, endFrame: 68 } },
    ];
    const { tags } = await new MotionAnalyzer().analyze({ ...input, shots });
    expect(tags.map((t) => t.kind)).toContain(clip.truth[0]!.expect);
    for (const tag of tags)
      expect(tag.endFrame <= 50 || tag.startFrame >= 68, `${tag.kind} [${tag.startFrame}, ${tag.endFrame})`).toBe(true);
  });

  it("a locked-off webcam under sensor noise is not handheld, nor any move", async () => {
    for (const seed of [1000, 1001]) {
      const { tags, scored } = await motionTags("webcam", seed);
      expect(tags.filter((t) => t.kind !== "motion.static")).toEqual([]);
      expect(scored[0]!.verdict).not.toBe("false");
    }
  });

  it("a busy texture changing in place (leaves in wind) under a locked-off camera is not handheld, nor any move", async () => {
    for (const seed of [1000, 1001]) {
      const { tags } = await motionTags("busy", seed);
      expect(tags.filter((t) => t.kind !== "motion.static")).toEqual([]);
    }
  });

  it("real jitter is still handheld, with more confidence than the threshold", async () => {
    const { tags, scored } = await motionTags("handheld", 1001);
    expect(scored[0]!.verdict).toBe("right");
    expect(tags[0]!.confidence).toBeGreaterThanOrEqual(0.55);
  });

  it("the same picture gets the same motion tags as H.264, ProRes and Motion JPEG", async () => {
    for (const [family, seed] of [
      ["zoom-then-pan", 1003],
      ["handheld", 1000],
    ] as const) {
      const h264 = await motionTags(family, seed, "h264");
      const prores = await motionTags(family, seed, "prores");
      const mjpeg = await motionTags(family, seed, "mjpeg");
      expect(h264.tags.length).toBeGreaterThan(0);
      expect(motionOnly(prores.tags)).toEqual(motionOnly(h264.tags));
      expect(motionOnly(mjpeg.tags)).toEqual(motionOnly(h264.tags));
    }
  });
});
