import type { Keyframe } from "@sichter/shared/model";
import { describe, expect, it } from "vitest";
import { dedupeKeyframes, withDuplicateShots } from "./dedupeKeyframes.ts";

/** A keyframe of `shot` with a 64-bit hash given as a bigint (stored as 16 hex digits, as the model wants). */
function keyframe(shot: number, hash: bigint): Keyframe {
  return {
    shot,
    frame: shot * 100,
    timecode: `00:00:${String(shot * 4).padStart(2, "0")}:00`,
    seconds: shot * 4,
    hash: hash.toString(16).padStart(16, "0"),
  };
}

/** A hash with the lowest `bits` bits set: exactly `bits` apart from 0n. */
const ones = (bits: number): bigint => (1n << BigInt(bits)) - 1n;

describe("dedupeKeyframes", () => {
  it("groups identical hashes under the first keyframe that has them", () => {
    const a = keyframe(0, 0xdeadbeefcafef00dn);
    const b = keyframe(1, 0x0123456789abcdefn);
    const a2 = keyframe(2, 0xdeadbeefcafef00dn);
    const a3 = keyframe(5, 0xdeadbeefcafef00dn);
    const groups = dedupeKeyframes([a, b, a2, a3], 0);
    expect(groups).toHaveLength(2);
    expect(groups[0]!.keyframe).toBe(a);
    expect(groups[0]!.represents).toEqual([a, a2, a3]);
    expect(groups[1]!.keyframe).toBe(b);
    expect(groups[1]!.represents).toEqual([b]);
  });

  it("keeps hashes 11 bits apart separate at maxBits 10, but joins them at 10 bits", () => {
    const base = keyframe(0, 0n);
    const eleven = keyframe(1, ones(11));
    const ten = keyframe(2, ones(10) << 20n);
    expect(dedupeKeyframes([base, eleven], 10).map((g) => g.represents)).toEqual([[base], [eleven]]);
    const joined = dedupeKeyframes([base, ten], 10);
    expect(joined).toHaveLength(1);
    expect(joined[0]!.keyframe).toBe(base);
    expect(joined[0]!.represents).toEqual([base, ten]);
  });

  it("compares with the full 64 bits (high bits count as much as low ones)", () => {
    const low = keyframe(0, 0x0000000000000000n);
    const high = keyframe(1, 0xfff0000000000000n); // 12 bits apart, all in the top nibbles
    expect(dedupeKeyframes([low, high], 10)).toHaveLength(2);
    expect(dedupeKeyframes([low, high], 12)).toHaveLength(1);
  });

  it("preserves clip order: groups in order of first appearance, members in clip order", () => {
    const x = keyframe(0, 0xffffffff00000000n);
    const y = keyframe(1, 0x00000000ffffffffn);
    const z = keyframe(2, 0xaaaaaaaaaaaaaaaan);
    const y2 = keyframe(3, 0x00000000fffffffen); // 1 bit from y
    const x2 = keyframe(4, 0xffffffff00000001n); // 1 bit from x
    const groups = dedupeKeyframes([x, y, z, y2, x2], 4);
    expect(groups.map((g) => g.keyframe)).toEqual([x, y, z]);
    expect(groups.map((g) => g.represents.map((k) => k.shot))).toEqual([[0, 4], [1, 3], [2]]);
  });

  it("maxBits 0 keeps every distinct hash, even one bit apart", () => {
    const hashes = [0n, 1n, 2n, 3n, 1n << 63n];
    const keyframes = hashes.map((h, i) => keyframe(i, h));
    const groups = dedupeKeyframes(keyframes, 0);
    expect(groups.map((g) => g.keyframe)).toEqual(keyframes);
    expect(groups.every((g) => g.represents.length === 1)).toBe(true);
  });

  it("an empty clip gives no groups", () => {
    expect(dedupeKeyframes([], 10)).toEqual([]);
  });
});

describe("withDuplicateShots", () => {
  it("lets a kept keyframe stand for the shots the keyframe step left without one", () => {
    const anchor = keyframe(0, 0xdeadbeefcafef00dn);
    const report = keyframe(1, 0x0123456789abcdefn);
    const groups = withDuplicateShots(dedupeKeyframes([anchor, report], 10), [
      { shot: 2, frame: 230, duplicateOf: anchor.frame },
    ]);
    expect(groups[0]!.represents.map((k) => [k.shot, k.frame])).toEqual([
      [0, 0],
      [2, 230],
    ]);
    expect(groups[1]!.represents).toEqual([report]);
  });

  it("ignores a duplicate of a frame that is not among the keyframes", () => {
    const groups = withDuplicateShots(dedupeKeyframes([keyframe(0, 1n)], 10), [
      { shot: 3, frame: 330, duplicateOf: 999 },
    ]);
    expect(groups[0]!.represents).toHaveLength(1);
  });
});
