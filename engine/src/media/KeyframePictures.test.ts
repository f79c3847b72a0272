import { describe, expect, it } from "vitest";
import { keyframePictureGeometry, keyframePictureList } from "./KeyframePictures.ts";

const hd = { width: 1920, height: 1080, keyframes: [0, 50, 100] };

describe("keyframe pictures", () => {
  it("are 64 px wide with the clip's aspect, rounded to an even height", () => {
    expect(keyframePictureGeometry(hd)).toEqual({ width: 64, height: 36, pixelFormat: "rgb24" });
    expect(keyframePictureGeometry({ width: 720, height: 576 })).toEqual({ width: 64, height: 52, pixelFormat: "rgb24" });
    expect(keyframePictureGeometry({ width: 1440, height: 1080 })).toEqual({ width: 64, height: 48, pixelFormat: "rgb24" });
  });

  it("split into one picture per keyframe, in order", () => {
    const size = 64 * 36 * 3;
    const data = new Uint8Array(3 * size).map((_, i) => Math.floor(i / size));
    const list = keyframePictureList({ width: 64, height: 36, pixelFormat: "rgb24", data }, hd)!;
    expect(list.map((p) => [p.width, p.height, p.data.length, p.data[0], p.data[size - 1]])).toEqual([
      [64, 36, size, 0, 0],
      [64, 36, size, 1, 1],
      [64, 36, size, 2, 2],
    ]);
  });

  it("that do not fit the clip are not used: another size, or not one per keyframe", () => {
    const size = 64 * 36 * 3;
    expect(keyframePictureList(undefined, hd)).toBeUndefined();
    expect(keyframePictureList({ width: 64, height: 36, pixelFormat: "rgb24", data: new Uint8Array(2 * size) }, hd)).toBeUndefined();
    expect(keyframePictureList({ width: 32, height: 18, pixelFormat: "rgb24", data: new Uint8Array(3 * 32 * 18 * 3) }, hd)).toBeUndefined();
  });
});
