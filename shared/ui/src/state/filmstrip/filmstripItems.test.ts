import { describe, expect, it } from "vitest";
import { filmstripItems, itemIndexAt } from "./filmstripItems.ts";

const shots = [
  { index: 0, startFrame: 0, endFrame: 100, transition: null },
  {
    index: 1,
    startFrame: 100,
    endFrame: 300,
    transition: { type: "dissolve" as const, startFrame: 94, endFrame: 106 },
  },
];
const keyframe = (frame: number) => ({ frame, timecode: `tc ${frame}`, thumbnail: `/thumbnails/3/1-${frame}.jpg` });

describe("filmstripItems", () => {
  it("orders keyframes by frame and marks where each shot begins", () => {
    const items = filmstripItems(shots, [keyframe(250), keyframe(20), keyframe(120), keyframe(60)]);
    expect(items.map((i) => [i.frame, i.shot, i.shotStart])).toEqual([
      [20, 0, true],
      [60, 0, false],
      [120, 1, true],
      [250, 1, false],
    ]);
    expect(items[0]).toMatchObject({ timecode: "tc 20", thumbnail: "/thumbnails/3/1-20.jpg" });
  });

  it("finds the keyframe standing for a frame", () => {
    const items = filmstripItems(shots, [keyframe(20), keyframe(60), keyframe(120)]);
    expect([0, 20, 59, 60, 119, 120, 299].map((f) => itemIndexAt(items, f))).toEqual([0, 0, 0, 1, 1, 2, 2]);
    expect(itemIndexAt([], 10)).toBe(-1);
  });
});
