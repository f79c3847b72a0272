import { describe, expect, it } from "vitest";
import { previewKeyframe } from "./previewKeyframe.ts";

const shot = (index: number, startFrame: number, endFrame: number) => ({
  index,
  startFrame,
  endFrame,
  transition: null,
});
const keyframe = (frame: number, thumbnail: string | null = `/thumbnails/1/${frame}.jpg`) => ({
  frame,
  timecode: "",
  thumbnail,
});
const shots = [shot(0, 0, 100), shot(1, 100, 250)];

describe("previewKeyframe", () => {
  it("takes the nearest picture of the shot that holds the frame, though another shot's is nearer", () => {
    expect(previewKeyframe(shots, [keyframe(95), keyframe(200)], 110)?.frame).toBe(200);
  });

  it("takes the nearest of several in the shot", () => {
    expect(previewKeyframe(shots, [keyframe(120), keyframe(160), keyframe(240)], 150)?.frame).toBe(160);
  });

  it("falls back to the nearest picture anywhere when the shot has none", () => {
    expect(previewKeyframe(shots, [keyframe(20), keyframe(130, null)], 140)?.frame).toBe(20);
  });

  it("has nothing to show without pictures", () => {
    expect(previewKeyframe(shots, [keyframe(20, null)], 10)).toBeNull();
    expect(previewKeyframe([], [], 10)).toBeNull();
  });
});
