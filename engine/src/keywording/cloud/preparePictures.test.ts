import type { Keyframe } from "@sichter/shared/model";
import { describe, expect, it } from "vitest";
import { CancellationToken } from "../../core/Cancellation.ts";
import type { FrameSource, RgbImage } from "../../media/FrameSource.ts";
import { runTool } from "../../media/ToolProcess.ts";
import { sheetMetrics } from "../privacy/ContactSheet.ts";
import { assertCleanJpeg } from "../privacy/jpegSegments.ts";
import type { RepresentedKeyframe } from "./dedupeKeyframes.ts";
import { preparePictures } from "./preparePictures.ts";

type Rgb = readonly [number, number, number];

/** Saturated colours far apart, so a JPEG round trip cannot turn one into another. */
const COLOURS: Rgb[] = [
  [220, 30, 30],
  [30, 200, 40],
  [30, 40, 220],
  [230, 220, 30],
  [30, 210, 210],
  [210, 30, 210],
  [240, 240, 240],
  [120, 70, 20],
  [20, 20, 20],
  [250, 140, 0],
];

/**
 * Stands in for the decoder: frame n is a solid picture of COLOURS[n % 10] with the clip's aspect,
 * at the width asked for (height even, as the real source makes it). Records what was asked.
 */
function fakeFrames(
  clipWidth: number,
  clipHeight: number,
): FrameSource & { calls: Array<{ frame: number; width: number; count: number }> } {
  const calls: Array<{ frame: number; width: number; count: number }> = [];
  return {
    calls,
    async rgb(first: number, width: number, count = 1): Promise<RgbImage[]> {
      calls.push({ frame: first, width, count });
      const height = Math.max(2, 2 * Math.round((width * clipHeight) / clipWidth / 2));
      return Array.from({ length: count }, (_, i) => {
        const data = new Uint8Array(width * height * 3);
        const colour = COLOURS[(first + i) % COLOURS.length]!;
        for (let p = 0; p < width * height; p++) data.set(colour, p * 3);
        return { width, height, data };
      });
    },
  };
}

function keyframe(shot: number, frame: number): Keyframe {
  return { shot, frame, timecode: "00:00:00:00", seconds: frame / 25, hash: "0123456789abcdef" };
}

/** Keyframes 0..n-1 at frames 0..n-1 (so frame i is COLOURS[i]); each represents itself and a fake later twin. */
function represented(n: number): RepresentedKeyframe[] {
  return Array.from({ length: n }, (_, i) => {
    const k = keyframe(i, i);
    return { keyframe: k, represents: [k, keyframe(100 + i, 1000 + i)] };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function decode(jpeg: Buffer, width: number, height: number): Promise<RgbImage> {
  const exit = await runTool(
    "ffmpeg",
    [
      "-v",
      "error",
      "-nostdin",
      "-f",
      "mjpeg",
      "-i",
      "pipe:0",
      "-frames:v",
      "1",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "pipe:1",
    ],
    undefined,
    { stdin: jpeg },
  );
  expect(exit.code, exit.stderr).toBe(0);
  expect(exit.output.length).toBe(width * height * 3);
  return { width, height, data: new Uint8Array(exit.output) };
}

function expectNear(image: RgbImage, x: number, y: number, expected: Rgb, tolerance = 24): void {
  const at = (Math.round(y) * image.width + Math.round(x)) * 3;
  const actual = [image.data[at]!, image.data[at + 1]!, image.data[at + 2]!];
  actual.forEach((v, i) =>
    expect(Math.abs(v - expected[i]!), `pixel ${x},${y}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance),
  );
}

describe("preparePictures", () => {
  it("tiles 7 keyframes into ceil(7/4) = 2 clean contact sheets whose tiles map back to their keyframes", async () => {
    const keyframes = represented(7);
    const frames = fakeFrames(1920, 1080);
    const { images, tiles } = await preparePictures(
      keyframes,
      frames,
      { maxLongSide: 768, tilesPerSheet: 4 },
      CancellationToken.None,
    );

    expect(images).toHaveLength(2);
    expect(images.map((i) => [i.columns, i.rows])).toEqual([
      [2, 2],
      [2, 2],
    ]);
    expect(images[0]!.tiles).toEqual([{ label: "1" }, { label: "2" }, { label: "3" }, { label: "4" }]);
    expect(images[1]!.tiles).toEqual([{ label: "1" }, { label: "2" }, { label: "3" }]);
    for (const image of images) {
      const jpeg = Buffer.from(image.jpegBase64, "base64");
      const size = assertCleanJpeg(jpeg, 768);
      expect(size).toEqual({ width: image.width, height: image.height });
      expect(Math.max(image.width, image.height)).toBeLessThanOrEqual(768);
    }
    // Every keyframe decoded once, at the tile width (two columns in 768 px, less a gutter allowance).
    expect(frames.calls.map((c) => c.frame)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(new Set(frames.calls.map((c) => c.width))).toEqual(new Set([768 / 2 - 8]));

    expect([...tiles.keys()].sort()).toEqual(
      [
        ...["1", "2", "3", "4"].map((l) => `${images[0]!.id}/${l}`),
        ...["1", "2", "3"].map((l) => `${images[1]!.id}/${l}`),
      ].sort(),
    );
    for (const [i, k] of keyframes.entries()) {
      const image = images[Math.floor(i / 4)]!;
      expect(tiles.get(`${image.id}/${(i % 4) + 1}`)).toEqual(k.represents);
    }

    // The picture agrees with the map: tile n of the first sheet shows keyframe n's colour.
    const tileWidth = 768 / 2 - 8;
    const tileHeight = 2 * Math.round((tileWidth * 1080) / 1920 / 2);
    const { gutter } = sheetMetrics(tileWidth);
    const first = images[0]!;
    expect([first.width, first.height]).toEqual([2 * tileWidth + gutter, 2 * tileHeight + gutter]);
    const sheet = await decode(Buffer.from(first.jpegBase64, "base64"), first.width, first.height);
    for (let n = 0; n < 4; n++) {
      const cx = (n % 2) * (tileWidth + gutter) + tileWidth * 0.6;
      const cy = Math.floor(n / 2) * (tileHeight + gutter) + tileHeight * 0.6;
      expectNear(sheet, cx, cy, COLOURS[n]!);
    }
  });

  it("9 tiles per sheet lay out 3 columns; a short sheet has as many rows as it needs", async () => {
    const frames = fakeFrames(1280, 720);
    const { images, tiles } = await preparePictures(
      represented(5),
      frames,
      { maxLongSide: 768, tilesPerSheet: 9 },
      CancellationToken.None,
    );
    expect(images).toHaveLength(1);
    expect([images[0]!.columns, images[0]!.rows]).toEqual([3, 2]);
    expect(images[0]!.tiles.map((t) => t.label)).toEqual(["1", "2", "3", "4", "5"]);
    expect(tiles.size).toBe(5);
    assertCleanJpeg(Buffer.from(images[0]!.jpegBase64, "base64"), 768);
  });

  it("sheets of 3 for 10 keyframes: ceil(10/3) = 4 pictures, the last with one tile", async () => {
    const { images, tiles } = await preparePictures(
      represented(10),
      fakeFrames(640, 360),
      { maxLongSide: 512, tilesPerSheet: 3 },
      CancellationToken.None,
    );
    expect(images).toHaveLength(4);
    expect(images.map((i) => i.tiles.length)).toEqual([3, 3, 3, 1]);
    expect(images.map((i) => [i.columns, i.rows])).toEqual([
      [2, 2],
      [2, 2],
      [2, 2],
      [1, 1],
    ]);
    expect(tiles.size).toBe(10);
    for (const image of images) {
      expect(Math.max(image.width, image.height)).toBeLessThanOrEqual(512);
      assertCleanJpeg(Buffer.from(image.jpegBase64, "base64"), 512);
    }
  });

  it("portrait footage in a sheet still stays within the long-side cap", async () => {
    const { images } = await preparePictures(
      represented(9),
      fakeFrames(1080, 1920),
      { maxLongSide: 768, tilesPerSheet: 9 },
      CancellationToken.None,
    );
    expect(images).toHaveLength(1);
    const [image] = images;
    expect(Math.max(image!.width, image!.height)).toBeLessThanOrEqual(768);
    expect(assertCleanJpeg(Buffer.from(image!.jpegBase64, "base64"), 768)).toEqual({
      width: image!.width,
      height: image!.height,
    });
  });

  it("a small long-side cap puts fewer tiles on a sheet instead of failing or drawing useless tiles", async () => {
    // 100 px: three columns would be 25 px tiles; two columns of 42 px are the most that fit.
    const sheet = await preparePictures(
      represented(5),
      fakeFrames(1920, 1080),
      { maxLongSide: 100, tilesPerSheet: 9 },
      CancellationToken.None,
    );
    expect(sheet.images.map((i) => [i.tiles.length, i.columns, i.rows])).toEqual([
      [4, 2, 2],
      [1, 1, 1],
    ]);
    expect(sheet.tiles.size).toBe(5);
    for (const image of sheet.images) {
      expect(Math.max(image.width, image.height)).toBeLessThanOrEqual(100);
      assertCleanJpeg(Buffer.from(image.jpegBase64, "base64"), 100);
    }
    // 64 px: not even two tiles fit; every keyframe goes as a single picture within the cap.
    const keyframes = represented(4);
    const single = await preparePictures(
      keyframes,
      fakeFrames(1920, 1080),
      { maxLongSide: 64, tilesPerSheet: 9 },
      CancellationToken.None,
    );
    expect(single.images).toHaveLength(4);
    for (const [i, image] of single.images.entries()) {
      expect(image).toMatchObject({ width: 64, height: 36, columns: 1, rows: 1, tiles: [{ label: "1" }] });
      assertCleanJpeg(Buffer.from(image.jpegBase64, "base64"), 64);
      expect(single.tiles.get(`${image.id}/1`)).toEqual(keyframes[i]!.represents);
    }
    // The smallest cap the settings allow works too.
    const tiny = await preparePictures(
      represented(2),
      fakeFrames(1920, 1080),
      { maxLongSide: 16, tilesPerSheet: 2 },
      CancellationToken.None,
    );
    expect(tiny.images).toHaveLength(2);
    for (const image of tiny.images) {
      expect([image.width, image.columns]).toEqual([16, 1]);
      assertCleanJpeg(Buffer.from(image.jpegBase64, "base64"), 16);
    }
  });

  it("tilesPerSheet 1 sends one single picture per keyframe at the long-side cap", async () => {
    const keyframes = represented(3);
    const frames = fakeFrames(1920, 1080);
    const { images, tiles } = await preparePictures(
      keyframes,
      frames,
      { maxLongSide: 320, tilesPerSheet: 1 },
      CancellationToken.None,
    );
    expect(images).toHaveLength(3);
    expect(frames.calls).toEqual([0, 1, 2].map((frame) => ({ frame, width: 320, count: 1 })));
    for (const [i, image] of images.entries()) {
      expect(image).toMatchObject({ width: 320, height: 180, columns: 1, rows: 1, tiles: [{ label: "1" }] });
      expect(assertCleanJpeg(Buffer.from(image.jpegBase64, "base64"), 320)).toEqual({ width: 320, height: 180 });
      expect(tiles.get(`${image.id}/1`)).toEqual(keyframes[i]!.represents);
    }
    expect(tiles.size).toBe(3);
    const back = await decode(Buffer.from(images[2]!.jpegBase64, "base64"), 320, 180);
    expectNear(back, 160, 90, COLOURS[2]!);
  });

  it("a single picture of portrait footage is shrunk to the cap on its long side", async () => {
    const { images } = await preparePictures(
      represented(1),
      fakeFrames(1080, 1920),
      { maxLongSide: 256, tilesPerSheet: 1 },
      CancellationToken.None,
    );
    expect(Math.max(images[0]!.width, images[0]!.height)).toBeLessThanOrEqual(256);
    assertCleanJpeg(Buffer.from(images[0]!.jpegBase64, "base64"), 256);
  });

  it("names pictures by random UUIDs: distinct, and different on every run", async () => {
    const keyframes = represented(4);
    const a = await preparePictures(
      keyframes,
      fakeFrames(320, 180),
      { maxLongSide: 128, tilesPerSheet: 1 },
      CancellationToken.None,
    );
    const b = await preparePictures(
      keyframes,
      fakeFrames(320, 180),
      { maxLongSide: 128, tilesPerSheet: 2 },
      CancellationToken.None,
    );
    const ids = [...a.images, ...b.images].map((i) => i.id);
    expect(ids).toHaveLength(6);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("no keyframes, no pictures and no decoding", async () => {
    const frames = fakeFrames(1920, 1080);
    const result = await preparePictures([], frames, { maxLongSide: 768, tilesPerSheet: 9 }, CancellationToken.None);
    expect(result.images).toEqual([]);
    expect(result.tiles.size).toBe(0);
    expect(frames.calls).toEqual([]);
  });
});
