import { describe, expect, it } from "vitest";
import { classifyMotion, type PairMotion } from "./classifyMotion.ts";
import { globalMotion } from "./globalMotion.ts";
import type { GrayImage } from "./GrayImage.ts";
import { renderView, rng, stillTexture } from "../../test/support/motionClips.ts";

const still = stillTexture(400, 260, 7);
const frame = (x: number, y: number, scale = 1): GrayImage => ({
  width: 160,
  height: 90,
  data: Float32Array.from(renderView(still, { x, y, scale }, 160, 90)),
});

describe("globalMotion", () => {
  it("measures a subpixel shift with the content's sign", () => {
    // The window moves right and down by (2.3, 0.6): the content moves left and up.
    const m = globalMotion(frame(100, 80), frame(102.3, 80.6));
    expect(m.dx).toBeCloseTo(-2.3, 1);
    expect(m.dy).toBeCloseTo(-0.6, 1);
    expect(m.zoom).toBeCloseTo(1, 2);
  });

  it("follows a fast shift beyond the fine level's reach", () => {
    const m = globalMotion(frame(100, 80), frame(88, 86));
    expect(m.dx).toBeCloseTo(12, 0);
    expect(m.dy).toBeCloseTo(-6, 0);
  });

  it("measures a zoom in about the centre", () => {
    // A window 2 % smaller around the same centre: content grows by 1/0.98.
    const s = 0.98;
    const cx = 100 + 79.5;
    const cy = 80 + 44.5;
    const m = globalMotion(frame(100, 80), frame(cx - 79.5 * s, cy - 44.5 * s, s));
    expect(m.zoom).toBeCloseTo(1 / s, 2);
    expect(Math.abs(m.dx)).toBeLessThan(0.2);
    expect(Math.abs(m.dy)).toBeLessThan(0.2);
  });

  it("follows the scene under a static band (a banner) instead of averaging the two", () => {
    const withBand = (image: GrayImage): GrayImage => {
      const data = Float32Array.from(image.data);
      const band = renderView(still, { x: 0, y: 0 }, 160, 14);
      for (let i = 0; i < band.length; i++) data[72 * 160 + i] = band[i]!;
      return { ...image, data };
    };
    const m = globalMotion(withBand(frame(100, 80)), withBand(frame(100, 80.4)));
    expect(m.dy).toBeCloseTo(-0.4, 1);
    expect(m.fitsNoMotion).toBe(false);
  });

  it("calls a moving inset over a still picture no motion", () => {
    const withInset = (image: GrayImage, x: number): GrayImage => {
      const data = Float32Array.from(image.data);
      const inset = renderView(still, { x: 300, y: 150 }, 40, 30);
      for (let y = 0; y < 30; y++) for (let i = 0; i < 40; i++) data[(30 + y) * 160 + x + i] = inset[y * 40 + i]!;
      return { ...image, data };
    };
    const m = globalMotion(withInset(frame(60, 60), 50), withInset(frame(60, 60), 53));
    expect(m.fitsNoMotion).toBe(true);
    expect(Math.abs(m.dx)).toBeLessThan(0.1);
  });

  it("says no motion for the same picture", () => {
    const m = globalMotion(frame(50, 50), frame(50, 50));
    expect(Math.abs(m.dx) + Math.abs(m.dy)).toBeLessThan(0.01);
    expect(m.residual).toBeLessThan(0.5);
  });
});

describe("classifyMotion", () => {
  const steady = (p: PairMotion): PairMotion[][] => [
    Array.from({ length: 5 }, () => p),
    Array.from({ length: 5 }, () => p),
  ];

  it("content moving left is the camera panning right, and the other way round", () => {
    expect(classifyMotion(steady({ dx: -6, dy: 0, dz: 0 }))?.kind).toBe("motion.pan-right");
    expect(classifyMotion(steady({ dx: 6, dy: 0, dz: 0 }))?.kind).toBe("motion.pan-left");
    expect(classifyMotion(steady({ dx: 0, dy: 6, dz: 0 }))?.kind).toBe("motion.tilt-up");
    expect(classifyMotion(steady({ dx: 0, dy: -6, dz: 0 }))?.kind).toBe("motion.tilt-down");
    expect(classifyMotion(steady({ dx: 0, dy: 0, dz: 5 }))?.kind).toBe("motion.zoom-in");
    expect(classifyMotion(steady({ dx: 0.5, dy: 0, dz: -5 }))?.kind).toBe("motion.zoom-out");
    expect(classifyMotion(steady({ dx: 0.2, dy: -0.1, dz: 0 }))?.kind).toBe("motion.static");
  });

  it("a zoom whose picture shivers sideways is still a zoom", () => {
    const random = rng(5);
    const shivering = [0, 1].map(() =>
      Array.from({ length: 5 }, () => ({ dx: (random() - 0.5) * 3, dy: (random() - 0.5) * 3, dz: -1.8 })),
    );
    expect(classifyMotion(shivering)?.kind).toBe("motion.zoom-out");
  });

  it("a pan with one repeated frame is still a pan", () => {
    const burst = [{ dx: 0, dy: 0, dz: 0 }, ...Array.from({ length: 4 }, () => ({ dx: -3, dy: 0, dz: 0 }))];
    expect(classifyMotion([burst, burst])?.kind).toBe("motion.pan-right");
  });

  it("a hand drifting a different way in each burst is handheld, not a slow pan", () => {
    // A hand shakes by a few px/frame at 1080p; under 1.5 px/frame wobble is not called handheld.
    const drift = (dx: number, dy: number) =>
      Array.from({ length: 5 }, (_, i) => ({ dx: dx + (i % 2) * 0.6, dy, dz: 0 }));
    expect(classifyMotion([drift(1.8, -0.8), drift(-1.6, 1.2), drift(0.4, 1.8)])?.kind).toBe("motion.handheld");
  });

  it("wobble without a direction is handheld; nothing measured is no class", () => {
    const random = rng(3);
    const wobble = [0, 1, 2].map(() =>
      Array.from({ length: 5 }, () => ({ dx: (random() - 0.5) * 12, dy: (random() - 0.5) * 8, dz: 0 })),
    );
    expect(classifyMotion(wobble)?.kind).toBe("motion.handheld");
    expect(classifyMotion([])).toBeNull();
  });
});
