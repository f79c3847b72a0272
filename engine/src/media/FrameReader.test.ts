import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeAllGrey, makeCutClip, makeTempDir } from "../../test/fixtures.ts";
import { ANALYSIS_GEOMETRY, readFrames, type FrameGeometry, type FrameReadRequest } from "./FrameReader.ts";
import { probeMedia } from "./probeMedia.ts";

const root = makeTempDir("sichter-frame-reader-");
const clip = path.join(root, "cuts.mp4");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  await makeCutClip(clip, [30, 40, 30], {
    codecArgs: ["-c:v", "libx264", "-preset", "ultrafast", "-g", "20", "-pix_fmt", "yuv420p"],
  });
}, 60_000);

async function collect(request: FrameReadRequest): Promise<Buffer[]> {
  const frames: Buffer[] = [];
  for await (const frame of readFrames(request)) frames.push(Buffer.from(frame));
  return frames;
}

const RGB: FrameGeometry = { width: 64, height: 36, pixelFormat: "rgb24" };

describe("readFrames with a companion picture", () => {
  it.each([
    ["every frame", false],
    ["keyframes only", true],
  ])(
    "%s: yields the same frames as alone and writes the companion as its own decode would",
    async (_name, keyframesOnly) => {
      const file = path.join(root, `companion-${keyframesOnly}.rgb`);
      const alone = await collect({ file: clip, keyframesOnly, fastDecode: true });
      const withCompanion = await collect({
        file: clip,
        keyframesOnly,
        fastDecode: true,
        companions: [{ geometry: RGB, file }],
      });
      const rgbAlone = await collect({ file: clip, keyframesOnly, fastDecode: true, geometry: RGB });

      const media = await probeMedia(clip);
      expect(withCompanion.length).toBe(keyframesOnly ? media.keyframes.length : 100);
      expect(media.keyframes.length).toBeGreaterThan(2);
      expect(withCompanion.map((f) => f.length)).toEqual(
        alone.map(() => ANALYSIS_GEOMETRY.width * ANALYSIS_GEOMETRY.height),
      );
      expect(Buffer.concat(withCompanion).equals(Buffer.concat(alone))).toBe(true);
      const written = fs.readFileSync(file);
      expect(written.length).toBe(withCompanion.length * 64 * 36 * 3);
      expect(written.equals(Buffer.concat(rgbAlone))).toBe(true);
    },
  );
});

describe("readFrames with several companions", () => {
  it("writes each as its own decode would, one of them ending after the frames it was given", async () => {
    const wide: FrameGeometry = { width: 160, height: 90, pixelFormat: "rgb24" };
    const small = path.join(root, "several-small.rgb");
    const large = path.join(root, "several-large.rgb");
    const alone = await collect({ file: clip, keyframesOnly: true });
    const frames = await collect({
      file: clip,
      keyframesOnly: true,
      companions: [
        { geometry: RGB, file: small },
        { geometry: wide, file: large, frames: [[0, 2]] },
      ],
    });
    expect(Buffer.concat(frames).equals(Buffer.concat(alone))).toBe(true);
    expect(
      fs.readFileSync(small).equals(Buffer.concat(await collect({ file: clip, keyframesOnly: true, geometry: RGB }))),
    ).toBe(true);
    const wideAlone = Buffer.concat(await collect({ file: clip, keyframesOnly: true, geometry: wide }));
    expect(frames.length).toBeGreaterThan(2);
    expect(fs.readFileSync(large).equals(wideAlone.subarray(0, 2 * 160 * 90 * 3))).toBe(true);
  });
});

describe("readFrames of grey pictures", () => {
  it("decodes without chroma and still gives the bytes a full-colour decode scales to grey", async () => {
    // The reference: the same scale from a decode that keeps chroma (no -flags gray).
    const reference = await decodeAllGrey(clip, 64, 36, { deblock: false });
    const grey = Buffer.concat(await collect({ file: clip, fastDecode: true }));
    expect(grey.length).toBe(100 * 64 * 36);
    expect(grey.equals(reference)).toBe(true);
  });
});

describe("readFrames of planar full-range YUV", () => {
  it("sizes a yuvj444p frame as three planes, the first the very bytes of the grey picture", async () => {
    const yuv: FrameGeometry = { width: 64, height: 36, pixelFormat: "yuvj444p" };
    const plane = 64 * 36;
    const grey = await collect({ file: clip, fastDecode: true });
    const frames = await collect({ file: clip, fastDecode: true, geometry: yuv });
    expect(frames.length).toBe(100);
    expect(frames.every((f) => f.length === 3 * plane)).toBe(true);
    expect(Buffer.concat(frames.map((f) => f.subarray(0, plane))).equals(Buffer.concat(grey))).toBe(true);
  });
});
