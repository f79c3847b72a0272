import { describe, expect, it } from "vitest";
import { H, render, scene, W } from "../../test/support/syntheticFrames.ts";
import { NEAR_DUPLICATE_BITS, hammingDistance, hashToHex, perceptualHash } from "./perceptualHash.ts";

const hash = (pixels: Uint8Array): bigint => perceptualHash(pixels, W, H);

describe("perceptualHash", () => {
  it("stays within the near-duplicate threshold for the same picture with noise, drift and a brightness change", () => {
    const base = hash(render(scene(1), 1));
    expect(hammingDistance(base, hash(render(scene(1), 2)))).toBeLessThanOrEqual(NEAR_DUPLICATE_BITS);
    expect(hammingDistance(base, hash(render(scene(1), 3, { dx: 0.5 })))).toBeLessThanOrEqual(NEAR_DUPLICATE_BITS);
    expect(hammingDistance(base, hash(render(scene(1), 4, { gain: 0.8, offset: 30 })))).toBeLessThanOrEqual(
      NEAR_DUPLICATE_BITS,
    );
  });

  it("puts different pictures far beyond the threshold", () => {
    const distances: number[] = [];
    for (let a = 1; a <= 6; a++) {
      for (let b = a + 1; b <= 6; b++)
        distances.push(hammingDistance(hash(render(scene(a), a)), hash(render(scene(b), b))));
    }
    expect(Math.min(...distances)).toBeGreaterThan(2 * NEAR_DUPLICATE_BITS);
  });

  it("formats as 16 hex digits and counts bits", () => {
    expect(hashToHex(0xffn)).toBe("00000000000000ff");
    expect(hammingDistance(0b1011n, 0b0001n)).toBe(2);
  });
});
