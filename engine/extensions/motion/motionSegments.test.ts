import { describe, expect, it } from "vitest";
import type { BurstMotion } from "./burstMotion.ts";
import { motionSegments } from "./motionSegments.ts";

/** A burst whose five pairs shake sideways by `wobble` px/frame (1080p) about no motion. */
function shaking(at: number, wobble: number): { at: number; motion: BurstMotion } {
  const pairs = [1, -1, 1, -1, 1].map((sign) => ({ dx: sign * wobble, dy: 0, dz: 0 }));
  return { at, motion: { pairs, inlierShare: 1, noise: 0.1, transition: false, ends: null } };
}

describe("motionSegments", () => {
  it("tags a hand that shakes less in one burst than in the other handheld", () => {
    // Seen on the 5-minute news sample (three shots): one burst shakes like a hand, the other too
    // little for a hand and too much for a tripod; it counted against the hand and left the shot untagged.
    const segments = motionSegments([shaking(20, 1.5), shaking(100, 0.8)], 0, 150, false);
    expect(segments.map((s) => s.motion?.kind ?? null)).toEqual(["motion.handheld"]);
    expect(segments[0]!.motion!.confidence).toBeGreaterThanOrEqual(0.55);
  });

  it("leaves a tripod that shakes a little in one burst untagged rather than handheld", () => {
    const segments = motionSegments([shaking(20, 0.2), shaking(100, 0.8)], 0, 150, false);
    expect(segments.map((s) => s.motion?.kind ?? null)).not.toContain("motion.handheld");
  });
});
