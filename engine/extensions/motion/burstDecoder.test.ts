import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import { decodeRun, type MediaInfo, probeMedia } from "@sichter/engine/extension-api";
import { decodeBursts } from "./burstDecoder.ts";
import { cameraClip, stillTexture } from "../../test/support/motionClips.ts";

let dir: string;
let media: MediaInfo;
const geometry = { width: 160, height: 90, pixelFormat: "gray" } as const;

beforeAll(async () => {
  dir = makeTempDir("sichter-bursts-");
  // 120 frames, a keyframe every 50: bursts on keyframes, inside GOPs and across a GOP boundary.
  const views = Array.from({ length: 120 }, (_, n) => ({ x: 100 + 3 * n, y: 150 - n }));
  media = await probeMedia(await cameraClip(dir, "bursts.mp4", stillTexture(800, 500, 3), views, 9));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function oneByOne(bursts: ReadonlyArray<{ first: number; count: number }>): Promise<Uint8Array[][]> {
  const frames: Uint8Array[][] = [];
  for (const b of bursts) frames.push((await decodeRun(media, b.first, b.count, geometry)).frames);
  return frames;
}

describe("decodeBursts", () => {
  it("returns the same frames as decoding each burst with its own ffmpeg", async () => {
    expect(media.keyframes.slice(0, 3)).toEqual([0, 50, 100]);
    const bursts = [
      { first: 0, count: 6 },
      { first: 50, count: 6 },
      { first: 61, count: 6 },
      { first: 47, count: 6 },
      { first: 100, count: 3 },
      { first: 110, count: 0 },
    ];
    const frames = await decodeBursts(media, bursts, geometry);
    expect(frames.map((f) => f.length)).toEqual([6, 6, 6, 6, 3, 0]);
    // Each burst alone, its own ffmpeg: motion skips deblocking on every frame (its accuracy was
    // measured so), unlike decodeRun, which keeps it on reference frames.
    const alone: Uint8Array[][] = [];
    for (const b of bursts) alone.push(...(await decodeBursts(media, [b], geometry)));
    expect(frames).toEqual(alone);
  });

  it("falls back to one ffmpeg per burst when the clip ends before a burst does", async () => {
    const bursts = [
      { first: 112, count: 6 },
      { first: 117, count: 6 },
    ];
    const frames = await decodeBursts(media, bursts, geometry);
    expect(frames.map((f) => f.length)).toEqual([6, 3]);
    expect(frames).toEqual(await oneByOne(bursts));
  });
});
