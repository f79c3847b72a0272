import { describe, expect, it } from "vitest";
import { halve, type GrayImage } from "./GrayImage.ts";
import { MOTION_FAMILIES, motionFamilyClip, type MotionFamilyClip } from "./test/motionFamilies.ts";
import { transitionInBurst } from "./transitionInBurst.ts";

/** Six frames from `first` on, at the motion width (160x90) as the analyzer sees them. */
function burst(clip: MotionFamilyClip, first: number): GrayImage[] {
  return clip.frames
    .slice(first, first + 6)
    .map((d) => halve({ width: clip.width, height: clip.height, data: Float32Array.from(d) }));
}

describe("transitionInBurst", () => {
  it("sees a wipe's edge in every direction the wipe family draws", () => {
    for (let seed = 1000; seed < 1006; seed++) {
      const clip = motionFamilyClip("wipe", seed);
      const wipe = clip.truth[1]!;
      expect(transitionInBurst(burst(clip, wipe.startFrame + 1)), `seed ${seed}`).toBe(true);
    }
  });

  it("sees a fade's luma ramp", () => {
    for (let seed = 1000; seed < 1004; seed++) {
      const clip = motionFamilyClip("fade", seed);
      expect(transitionInBurst(burst(clip, clip.truth[1]!.startFrame + 2)), `seed ${seed}`).toBe(true);
    }
  });

  it("takes no camera move, hand, noise or busy texture for a transition", () => {
    for (const family of MOTION_FAMILIES) {
      for (const seed of [1000, 1001]) {
        const clip = motionFamilyClip(family, seed);
        for (const segment of clip.truth.filter((t) => t.expect !== "none")) {
          for (let at = segment.startFrame; at + 6 <= segment.endFrame; at += 10) {
            expect(transitionInBurst(burst(clip, at)), `${family} ${seed} @${at}`).toBe(false);
          }
        }
      }
    }
  });
});
