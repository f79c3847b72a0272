import { describe, expect, it } from "vitest";
import { frameRunGeometry, frameRunsByFirstFrame } from "./FrameRuns.ts";

const hd = { width: 1920, height: 1080, frameCount: 100 };
const size = 160 * 90;

describe("frame runs", () => {
  it("are 160 px wide and grey, with the clip's aspect rounded to an even height", () => {
    expect(frameRunGeometry(hd)).toEqual({ width: 160, height: 90, pixelFormat: "gray" });
    expect(frameRunGeometry({ width: 720, height: 576 })).toEqual({ width: 160, height: 128, pixelFormat: "gray" });
  });

  it("split into frames by the run's first frame", () => {
    const data = new Uint8Array(3 * size).map((_, i) => Math.floor(i / size));
    const byFirst = frameRunsByFirstFrame({ width: 160, height: 90, pixelFormat: "gray", runs: [{ first: 40, data }] }, hd)!;
    expect([...byFirst.keys()]).toEqual([40]);
    expect(byFirst.get(40)!.map((f) => [f.length, f[0], f[size - 1]])).toEqual([
      [size, 0, 0],
      [size, 1, 1],
      [size, 2, 2],
    ]);
  });

  it("that do not fit the clip are not used: another size, partial frames, or past the clip's end", () => {
    const run = (first: number, bytes: number) => ({ width: 160, height: 90, pixelFormat: "gray" as const, runs: [{ first, data: new Uint8Array(bytes) }] });
    expect(frameRunsByFirstFrame(undefined, hd)).toBeUndefined();
    expect(frameRunsByFirstFrame({ ...run(0, 80 * 45), width: 80, height: 45 }, hd)).toBeUndefined();
    expect(frameRunsByFirstFrame(run(0, size + 1), hd)).toBeUndefined();
    expect(frameRunsByFirstFrame(run(0, 0), hd)).toBeUndefined();
    expect(frameRunsByFirstFrame(run(98, 3 * size), hd)).toBeUndefined();
    expect(frameRunsByFirstFrame(run(97, 3 * size), hd)?.get(97)).toHaveLength(3);
  });
});
