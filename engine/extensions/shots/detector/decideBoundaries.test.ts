import { describe, expect, it } from "vitest";
import { decideBoundaries } from "./decideBoundaries.ts";
import { blend, H, render, scene, signalsOf, W } from "../../../test/support/syntheticFrames.ts";

const normal = { sensitivity: 0.5 };
const A = scene(1);
const B = scene(2);

/** `n` frames of a picture with slow drift (camera never perfectly still) and fresh noise. */
function shot(picture: (x: number, y: number) => number, n: number, seed: number, drift = 0.1): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => render(picture, seed * 1000 + i, { dx: i * drift }));
}

describe("decideBoundaries on synthetic sequences", () => {
  it("finds a hard cut at its exact frame", () => {
    const frames = [...shot(A, 40, 1), ...shot(B, 40, 2)];
    const found = decideBoundaries(signalsOf(frames), normal);
    expect(found).toEqual([expect.objectContaining({ type: "cut", frame: 40, startFrame: 40, endFrame: 40 })]);
  });

  it("keeps absolute frame numbers of a run that starts mid-clip", () => {
    const frames = [...shot(A, 20, 1), ...shot(B, 20, 2)];
    expect(decideBoundaries(signalsOf(frames, 1000), normal).map((b) => b.frame)).toEqual([1020]);
  });

  it("finds a cut into a nearly flat picture whose contrast then rises past the flatness limit", () => {
    // The cut's own step is scored on raw levels (its first frame is flat), the frames after it on
    // structure: the check that the old picture comes back must not compare the two.
    const dark = scene(3);
    const faint = scene(4);
    const a = Array.from({ length: 40 }, (_, i) => render(dark, 7000 + i, { dx: i * 0.1, gain: 0.5, offset: 5 }));
    const b = Array.from({ length: 40 }, (_, i) =>
      render(faint, 9000 + i, { dx: i * 0.1, gain: 0.16 + 0.01 * i, offset: 160 - (0.16 + 0.01 * i) * 110 }),
    );
    const found = decideBoundaries(signalsOf([...a, ...b]), normal);
    expect(found.map((f) => [f.type, f.frame])).toEqual([["cut", 40]]);
  });

  it("does not count one- and two-frame flashes as cuts", () => {
    const frames = shot(A, 60, 3);
    frames[20] = render(A, 99, { dx: 2, gain: 0.4, offset: 170 });
    frames[40] = render(A, 98, { dx: 4, gain: 0.3, offset: 190 });
    frames[41] = render(A, 97, { dx: 4.1, gain: 0.5, offset: 140 });
    expect(decideBoundaries(signalsOf(frames), normal)).toEqual([]);
  });

  it("does not count a fast pan as cuts", () => {
    const frames = Array.from({ length: 60 }, (_, i) => render(A, 500 + i, { dx: i * 2.5 }));
    expect(decideBoundaries(signalsOf(frames), normal)).toEqual([]);
  });

  it("does not count a lower third popping on and off as cuts", () => {
    const frames = shot(A, 80, 4).map((f, i) => {
      if (i < 20 || i >= 60) return f;
      const g = new Uint8Array(f);
      for (let y = H - 9; y < H - 2; y++) for (let x = 4; x < W - 4; x++) g[y * W + x] = (x + y) % 7 < 4 ? 235 : 40;
      return g;
    });
    expect(decideBoundaries(signalsOf(frames), normal)).toEqual([]);
  });

  it("finds a dissolve as a range around the blended frames", () => {
    const a = shot(A, 40, 5);
    const b = shot(B, 52, 6);
    const mix = Array.from({ length: 12 }, (_, i) => blend(a[39]!, b[i]!, (i + 1) / 13));
    const frames = [...a, ...mix, ...b.slice(12)];
    const found = decideBoundaries(signalsOf(frames), normal);
    expect(found).toHaveLength(1);
    const d = found[0]!;
    expect(d.type).toBe("dissolve");
    // Truth: blended frames 40..51; the detected range must overlap it and the boundary sit inside.
    expect(d.startFrame).toBeLessThan(52);
    expect(d.endFrame).toBeGreaterThan(40);
    expect(d.frame).toBeGreaterThanOrEqual(40);
    expect(d.frame).toBeLessThan(52);
  });

  it("finds a long dissolve from a detailed picture into a low-contrast one over its blended frames", () => {
    // The detailed picture dominates every blend's normalised structure until late in the dissolve,
    // so few blocks change between the ends of a span inside it; its light and colour do.
    const a = shot(A, 40, 5);
    const faint = Array.from({ length: 80 }, (_, i) => render(B, 6000 + i, { dx: i * 0.1, gain: 0.15, offset: 100 }));
    const mix = Array.from({ length: 40 }, (_, i) => blend(a[39]!, faint[i]!, (i + 1) / 41));
    const found = decideBoundaries(signalsOf([...a, ...mix, ...faint.slice(40)]), normal);
    expect(found.map((b) => b.type)).toEqual(["dissolve"]);
    const d = found[0]!;
    // Truth: blended frames 40..79.
    expect(d.startFrame).toBeGreaterThanOrEqual(40);
    expect(d.endFrame).toBeLessThanOrEqual(81);
    expect(d.endFrame - d.startFrame).toBeGreaterThanOrEqual(20);
  });

  it("finds a fade through black with its ramps", () => {
    const a = shot(A, 40, 7);
    const b = shot(B, 40, 8);
    const out = Array.from({ length: 10 }, (_, i) => render(A, 700 + i, { dx: 4, gain: 1 - (i + 1) / 10 }));
    const black = Array.from({ length: 3 }, (_, i) => render(() => 0, 800 + i));
    const into = Array.from({ length: 10 }, (_, i) => render(B, 900 + i, { gain: i / 10 }));
    const frames = [...a, ...out, ...black, ...into, ...b];
    const found = decideBoundaries(signalsOf(frames), normal);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ type: "fade", color: "black" });
    // Ramp frames 40..49 out, 50..52 black, 53..62 in (53 is black-level too): range ~[40, 63).
    expect(Math.abs(found[0]!.startFrame - 40)).toBeLessThanOrEqual(1);
    expect(Math.abs(found[0]!.endFrame - 63)).toBeLessThanOrEqual(1);
  });

  it("lower sensitivity ignores a cut between similar pictures that higher sensitivity finds", () => {
    const similar = (x: number, y: number): number => A(x, y) * 0.6 + B(x, y) * 0.4;
    const frames = [...shot(A, 40, 9), ...shot(similar, 40, 10)];
    const strict = decideBoundaries(signalsOf(frames), { sensitivity: 0 });
    const eager = decideBoundaries(signalsOf(frames), { sensitivity: 1 });
    expect(eager.length).toBeGreaterThanOrEqual(strict.length);
  });
});
