import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCutClip, makeTempDir } from "../../../test/fixtures.ts";
import { probeMedia } from "../../media/probeMedia.ts";
import type { MediaInfo } from "../../media/MediaInfo.ts";
import { detectShots } from "../shots/ShotDetector.ts";
import type { Shot } from "../shots/Shot.ts";
import { extractKeyframes } from "./extractKeyframes.ts";

let dir: string;
let media: MediaInfo;
let shots: Shot[];

beforeAll(async () => {
  dir = makeTempDir();
  // Shot 5 repeats shot 0's source from its start (the fixture cycles five sources): its keyframe is
  // a near-duplicate. Shot 2 is a 12 s zoom into a fractal: two different pictures.
  const file = path.join(dir, "clip.mp4");
  await makeCutClip(file, [30, 40, 300, 40, 30, 30], { codecArgs: ["-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p"] });
  media = await probeMedia(file);
  shots = (await detectShots(media)).shots;
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("extractKeyframes", () => {
  it("writes JPEGs inside their shots with timecodes, more than one for a long shot", async () => {
    const out = fs.mkdtempSync(path.join(dir, "out-"));
    const result = await extractKeyframes(media, shots, { outDir: out, width: 320 });
    expect(result.keyframes.length).toBeGreaterThanOrEqual(shots.length - 1);
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

  it("drops a near-duplicate of an earlier keyframe and says which", async () => {
    const out = fs.mkdtempSync(path.join(dir, "out-"));
    const result = await extractKeyframes(media, shots, { outDir: out });
    expect(shots).toHaveLength(6);
    expect(result.duplicates).toHaveLength(1);
    const [dup] = result.duplicates;
    expect(dup!.frame).toBeGreaterThanOrEqual(shots[5]!.startFrame);
    expect(result.keyframes.find((k) => k.frame === dup!.duplicateOf)?.shot).toBe(0);
    expect(result.keyframes.some((k) => k.shot === 5)).toBe(false);
  });
});
