import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import { KeyframeFrameFile, keyframeFrameGeometry, keyframeFramesFit, keyframeFramesToWrite, type KeyframeFrames } from "./KeyframeFrames.ts";

const dir = makeTempDir("sichter-keyframe-frames-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const media = { width: 320, height: 180, keyframes: [0, 24, 48, 72] };
const geometry = keyframeFrameGeometry(media);
const size = geometry.width * geometry.height * 3;

/** A set of `count` pictures, picture i filled with the byte i + 1. */
function writeSet(name: string, count: number, bytes = count * size): KeyframeFrames {
  const file = path.join(dir, name);
  const data = Buffer.alloc(bytes);
  for (let i = 0; i < count; i++) data.fill(i + 1, i * size, Math.min(bytes, (i + 1) * size));
  fs.writeFileSync(file, data);
  return { ...geometry, file, count };
}

describe("keyframe frames", () => {
  it("are made at OCR's width, never above the source's, with an even height", () => {
    expect(keyframeFrameGeometry({ width: 1920, height: 1080 })).toEqual({ width: 1280, height: 720, pixelFormat: "rgb24" });
    expect(keyframeFrameGeometry({ width: 720, height: 576 })).toEqual({ width: 720, height: 576, pixelFormat: "rgb24" });
    expect(geometry).toEqual({ width: 320, height: 180, pixelFormat: "rgb24" });
  });

  it("are written as far as the budget goes, and not at all where the disk cannot be read", () => {
    expect(keyframeFramesToWrite(media, dir, 100 * size)).toBe(4);
    expect(keyframeFramesToWrite(media, dir, 2 * size + 1)).toBe(2);
    expect(keyframeFramesToWrite(media, dir, size - 1)).toBe(0);
    expect(keyframeFramesToWrite(media, path.join(dir, "missing"), 100 * size)).toBe(0);
  });

  it("are used only when geometry, count and file size all fit", () => {
    const set = writeSet("fit.rgb", 3);
    expect(keyframeFramesFit(set, media, geometry)).toBe(true);
    expect(keyframeFramesFit(undefined, media, geometry)).toBe(false);
    expect(keyframeFramesFit(set, media, { ...geometry, width: 640 })).toBe(false);
    expect(keyframeFramesFit({ ...set, count: 5 }, media, geometry)).toBe(false);
    expect(keyframeFramesFit({ ...set, count: 0 }, media, geometry)).toBe(false);
    expect(keyframeFramesFit({ ...set, count: 2 }, media, geometry)).toBe(false);
    expect(keyframeFramesFit(writeSet("short.rgb", 3, 3 * size - 1), media, geometry)).toBe(false);
    expect(keyframeFramesFit({ ...set, file: path.join(dir, "gone.rgb") }, media, geometry)).toBe(false);
  });

  it("are read back by keyframe index", async () => {
    const file = await KeyframeFrameFile.open(writeSet("read.rgb", 3));
    try {
      expect([file.has(-1), file.has(0), file.has(2), file.has(3)]).toEqual([false, true, true, false]);
      for (const i of [2, 0, 1]) {
        const picture = await file.read(i);
        expect(picture).toMatchObject({ width: 320, height: 180 });
        expect(picture.data.length).toBe(size);
        expect(picture.data.every((v) => v === i + 1)).toBe(true);
      }
    } finally {
      await file.dispose();
    }
  });
});
