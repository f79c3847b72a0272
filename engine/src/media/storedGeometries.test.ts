import { describe, expect, it } from "vitest";
import { frameRunGeometry, keyframeFrameGeometry, keyframePictureGeometry } from "./storedGeometries.ts";

describe("the geometries pictures are stored at", () => {
  it("keyframe pictures: 64 px wide RGB with the clip's aspect, rounded to an even height", () => {
    expect(keyframePictureGeometry({ width: 1920, height: 1080 })).toEqual({
      width: 64,
      height: 36,
      pixelFormat: "rgb24",
    });
    expect(keyframePictureGeometry({ width: 720, height: 576 })).toEqual({
      width: 64,
      height: 52,
      pixelFormat: "rgb24",
    });
    expect(keyframePictureGeometry({ width: 1440, height: 1080 })).toEqual({
      width: 64,
      height: 48,
      pixelFormat: "rgb24",
    });
  });

  it("frame runs: 160 px wide and grey, with the clip's aspect rounded to an even height", () => {
    expect(frameRunGeometry({ width: 1920, height: 1080 })).toEqual({ width: 160, height: 90, pixelFormat: "gray" });
    expect(frameRunGeometry({ width: 720, height: 576 })).toEqual({ width: 160, height: 128, pixelFormat: "gray" });
  });

  it("keyframe frames: OCR's width, never above the source's, with an even height", () => {
    expect(keyframeFrameGeometry({ width: 1920, height: 1080 })).toEqual({
      width: 1280,
      height: 720,
      pixelFormat: "rgb24",
    });
    expect(keyframeFrameGeometry({ width: 720, height: 576 })).toEqual({
      width: 720,
      height: 576,
      pixelFormat: "rgb24",
    });
  });
});
