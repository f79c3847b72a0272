import fs from "node:fs";
import path from "node:path";
import {
  ErrorCode,
  CancellationTokenSource,
  isSichterError,
  probeMedia,
  type MediaInfo,
  liveToolProcessCount,
  runTool,
  hashToHex,
  perceptualHash,
  FrameStoreReader,
  FrameStoreWriter,
} from "@sichter/engine/extension-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeAllGrey, makeCutClip, makeTempDir } from "../../../test/fixtures.ts";
import { detectShots } from "../detector/ShotDetector.ts";
import type { Shot } from "../detector/Shot.ts";
import { extractKeyframes } from "./extractKeyframes.ts";

let dir: string;
let media: MediaInfo;
let shots: Shot[];

beforeAll(async () => {
  dir = makeTempDir();
  // The fixture cycles five sources: shot 6 repeats shot 1's still colour bars, so its keyframe is a
  // near-duplicate wherever in the shot it is taken (shot 5 repeats shot 0's moving pattern, which
  // is a near-duplicate only if both are taken at the same moment). Shot 2 is a 12 s zoom into a
  // fractal: two different pictures.
  const file = path.join(dir, "clip.mp4");
  await makeCutClip(file, [30, 40, 300, 40, 30, 30, 40], {
    codecArgs: ["-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p"],
  });
  media = await probeMedia(file);
  shots = (await detectShots(media)).shots;
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("extractKeyframes", () => {
  it("writes JPEGs inside their shots with timecodes, more than one for a long shot", async () => {
    const out = fs.mkdtempSync(path.join(dir, "out-"));
    const result = await extractKeyframes(media, shots, { outDir: out, width: 320 });
    // Only the two repeated sources may be near-duplicates.
    expect(result.keyframes.length).toBeGreaterThanOrEqual(shots.length - 2);
    for (const k of result.keyframes) {
      const shot = shots[k.shot]!;
      expect(k.frame).toBeGreaterThanOrEqual(shot.startFrame);
      expect(k.frame).toBeLessThan(shot.endFrame);
      const bytes = fs.readFileSync(path.join(out, k.file));
      expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      expect(k.timecode).toMatch(/^\d\d:\d\d:\d\d:\d\d$/);
      expect(k.hash).toMatch(/^[0-9a-f]{16}$/);
    }
    // The 300-frame (12 s) shot gets two pictures.
    expect(result.keyframes.filter((k) => k.shot === 2)).toHaveLength(2);
    // Only the kept JPEGs are left: burst frames that were not chosen are gone.
    expect(fs.readdirSync(out).sort()).toEqual(result.keyframes.map((k) => k.file).sort());
  });

  it("puts each burst's frames into the frame store as a run: the clip's exact frames, the same keyframes, nothing else left on disk", async () => {
    const plain = await extractKeyframes(media, shots, { outDir: fs.mkdtempSync(path.join(dir, "out-")), width: 320 });
    const out = fs.mkdtempSync(path.join(dir, "out-"));
    const frameStore = new FrameStoreWriter(out);
    const result = await extractKeyframes(media, shots, { outDir: out, width: 320, frameStore });
    frameStore.dispose();
    expect(result.keyframes).toEqual(plain.keyframes);
    const pictures = frameStore.index().pictures;
    expect(fs.readdirSync(out).sort()).toEqual(
      [...result.keyframes.map((k) => k.file), ...pictures.map((p) => p.file)].sort(),
    );
    expect(pictures.every((p) => p.width === 160 && p.height === 90 && p.pixelFormat === "gray")).toBe(true);
    // One run per burst (duplicates included), six frames each.
    const runs = pictures.flatMap((p) => p.spans);
    expect(runs.length).toBe(result.keyframes.length + result.duplicates.length);
    expect(runs.every(([, count]) => count === 6)).toBe(true);
    // The same bytes as a full decode from the start, deblocking included, scaled alike.
    const size = 160 * 90;
    const all = await decodeAllGrey(media.path, 160, 90);
    const reader = new FrameStoreReader({ pictures: pictures.map((p) => ({ ...p, file: path.join(out, p.file) })) });
    try {
      for (const [first] of runs) {
        const data = Buffer.concat((await reader.frames(first, 6, pictures[0]!))!);
        expect(data.equals(all.subarray(first * size, (first + 6) * size)), `run at ${first}`).toBe(true);
      }
    } finally {
      await reader.dispose();
    }
  });

  it("drops a near-duplicate of an earlier keyframe and says which", async () => {
    const out = fs.mkdtempSync(path.join(dir, "out-"));
    const result = await extractKeyframes(media, shots, { outDir: out });
    expect(shots).toHaveLength(7);
    const dup = result.duplicates.find((d) => d.frame >= shots[6]!.startFrame);
    expect(dup).toBeDefined();
    expect(result.keyframes.find((k) => k.frame === dup!.duplicateOf)?.shot).toBe(1);
    expect(result.keyframes.some((k) => k.shot === 6)).toBe(false);
  });

  it("numbers frames exactly, with and without B-frames: each hash is that of the frame decoded from the start", async () => {
    // B-frames make ffmpeg seek earlier than asked; bursts start on codec keyframes every 20 frames.
    const bframes = path.join(dir, "bframes.mp4");
    await makeCutClip(bframes, [70, 90], {
      codecArgs: ["-c:v", "libx264", "-preset", "veryfast", "-bf", "3", "-g", "20", "-pix_fmt", "yuv420p"],
    });
    const withB = await probeMedia(bframes);
    expect(withB.decodeDelaySeconds).toBeGreaterThan(0);
    for (const clip of [media, withB]) {
      const out = fs.mkdtempSync(path.join(dir, "out-"));
      const result = await extractKeyframes(clip, (await detectShots(clip)).shots, { outDir: out, width: 320 });
      expect(result.keyframes.length).toBeGreaterThan(0);
      const exit = await runTool("ffmpeg", [
        "-v",
        "error",
        "-nostdin",
        "-i",
        clip.path,
        "-vf",
        "scale=128:72:flags=area,format=gray",
        "-vsync",
        "passthrough",
        "-f",
        "rawvideo",
        "pipe:1",
      ]);
      const size = 128 * 72;
      for (const k of result.keyframes) {
        const frame = new Uint8Array(exit.output.subarray(k.frame * size, (k.frame + 1) * size));
        expect(hashToHex(perceptualHash(frame, 128, 72))).toBe(k.hash);
      }
    }
  });

  it("cancellation rejects with CANCELLED, kills ffmpeg and leaves no JPEG behind", async () => {
    const out = fs.mkdtempSync(path.join(dir, "out-"));
    const source = new CancellationTokenSource();
    const running = extractKeyframes(media, shots, { outDir: out }, undefined, source.token);
    while (liveToolProcessCount() === 0) await new Promise((r) => setImmediate(r));
    source.cancel();
    const error = await running.catch((e: unknown) => e);
    expect(isSichterError(error) && error.code === ErrorCode.CANCELLED).toBe(true);
    expect(liveToolProcessCount()).toBe(0);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
