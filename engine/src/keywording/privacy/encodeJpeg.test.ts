import { ErrorCode } from "@sichter/shared/errors";
import { describe, expect, it } from "vitest";
import { CancellationTokenSource } from "../../core/Cancellation.ts";
import type { RgbImage } from "../../media/FrameSource.ts";
import { runTool } from "../../media/ToolProcess.ts";
import { encodeJpeg, targetSize } from "./encodeJpeg.ts";
import { jpegSegments, jpegSize } from "./jpegSegments.ts";

type Rgb = readonly [number, number, number];

/** Four solid quadrants: red, green / blue, white. Colours survive JPEG well enough to be checked. */
function quadrants(width: number, height: number): RgbImage {
  const colours: Rgb[] = [
    [220, 30, 30],
    [30, 200, 40],
    [30, 40, 220],
    [240, 240, 240],
  ];
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data.set(colours[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)]!, (y * width + x) * 3);
    }
  }
  return { width, height, data };
}

/** Deterministic noise: hard to compress, so quality settings show in the file size. */
function noise(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  let seed = 12345;
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    data[i] = seed >>> 24;
  }
  return { width, height, data };
}

/** Decodes a JPEG back to RGB with ffmpeg, to check the pictured content survived. */
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

function pixel(image: RgbImage, x: number, y: number): Rgb {
  const at = (y * image.width + x) * 3;
  return [image.data[at]!, image.data[at + 1]!, image.data[at + 2]!];
}

function expectNear(actual: Rgb, expected: Rgb, tolerance = 16): void {
  actual.forEach((v, i) =>
    expect(Math.abs(v - expected[i]!), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance),
  );
}

const CLEAN_MARKERS = new Set(["SOI", "APP0", "DQT", "SOF0", "SOF1", "SOF2", "DHT", "SOS", "DRI", "EOI"]);

describe("encodeJpeg", () => {
  it("shrinks to the long-side cap, keeps the picture and writes only image segments", async () => {
    const { jpeg, width, height } = await encodeJpeg(quadrants(320, 180), { maxLongSide: 64 });
    expect([width, height]).toEqual([64, 36]);
    expect(jpegSize(jpeg)).toEqual({ width: 64, height: 36 });
    const names = jpegSegments(jpeg, { throughScans: true }).map((s) => s.name);
    expect(names[0]).toBe("SOI");
    expect(names.at(-1)).toBe("EOI");
    expect(names.filter((n) => !CLEAN_MARKERS.has(n) && !/^RST\d$/.test(n))).toEqual([]);
    // The encoder's version banner (a COM segment without bitexact) must not be anywhere.
    expect(jpeg.includes("Lavc")).toBe(false);

    const back = await decode(jpeg, 64, 36);
    expectNear(pixel(back, 16, 9), [220, 30, 30]);
    expectNear(pixel(back, 48, 9), [30, 200, 40]);
    expectNear(pixel(back, 16, 27), [30, 40, 220]);
    expectNear(pixel(back, 48, 27), [240, 240, 240]);
  });

  it("fits portrait frames by their height", async () => {
    const { width, height } = await encodeJpeg(quadrants(180, 320), { maxLongSide: 64 });
    expect([width, height]).toEqual([36, 64]);
  });

  it("never enlarges a small frame and makes odd sizes even", async () => {
    const small = await encodeJpeg(quadrants(40, 30), { maxLongSide: 768 });
    expect([small.width, small.height]).toEqual([40, 30]);
    expect(jpegSize(small.jpeg)).toEqual({ width: 40, height: 30 });
    const odd = await encodeJpeg(quadrants(41, 31), { maxLongSide: 768 });
    expect([odd.width, odd.height]).toEqual([40, 30]);
    expect(jpegSize(odd.jpeg)).toEqual({ width: 40, height: 30 });
  });

  it("takes a full-HD frame (6 MB through the pipe) down to the 768 px ceiling", async () => {
    const { jpeg, width, height } = await encodeJpeg(quadrants(1920, 1080), { maxLongSide: 768 });
    expect([width, height]).toEqual([768, 432]);
    expect(jpegSize(jpeg)).toEqual({ width: 768, height: 432 });
  });

  it("honours the quality setting", async () => {
    const image = noise(128, 128);
    const best = await encodeJpeg(image, { maxLongSide: 128, quality: 100 });
    const worst = await encodeJpeg(image, { maxLongSide: 128, quality: 1 });
    expect(best.jpeg.length).toBeGreaterThan(worst.jpeg.length * 2);
  });

  it("refuses caps outside 16..768, bad qualities and malformed images before starting ffmpeg", async () => {
    const image = quadrants(64, 36);
    for (const maxLongSide of [15, 769, 1024, 100.5, Number.NaN]) {
      await expect(encodeJpeg(image, { maxLongSide })).rejects.toMatchObject({ code: ErrorCode.INTERNAL });
    }
    await expect(encodeJpeg(image, { maxLongSide: 64, quality: 0 })).rejects.toMatchObject({
      code: ErrorCode.INTERNAL,
    });
    await expect(
      encodeJpeg({ width: 64, height: 36, data: new Uint8Array(10) }, { maxLongSide: 64 }),
    ).rejects.toMatchObject({
      code: ErrorCode.INTERNAL,
    });
    await expect(
      encodeJpeg({ width: 1, height: 1, data: new Uint8Array(3) }, { maxLongSide: 64 }),
    ).rejects.toMatchObject({
      code: ErrorCode.INTERNAL,
    });
  });

  it("stops when cancelled", async () => {
    const source = new CancellationTokenSource();
    source.cancel();
    await expect(encodeJpeg(quadrants(64, 36), { maxLongSide: 64 }, source.token)).rejects.toMatchObject({
      code: ErrorCode.CANCELLED,
    });
  });
});

describe("targetSize", () => {
  it("rounds down to even sizes so an odd cap still holds", () => {
    expect(targetSize(1000, 500, 767)).toEqual({ width: 766, height: 382 });
    expect(targetSize(768, 432, 768)).toEqual({ width: 768, height: 432 });
    expect(targetSize(3, 3, 768)).toEqual({ width: 2, height: 2 });
    expect(targetSize(4000, 2, 768)).toEqual({ width: 768, height: 2 });
  });
});
