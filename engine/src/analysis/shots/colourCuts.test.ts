import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeAllGrey, ffmpeg, makeTempDir } from "../../../test/fixtures.ts";
import { probeMedia } from "../../media/probeMedia.ts";
import { detectShots } from "./ShotDetector.ts";

/**
 * Two takes of one picture under different light: the same moving testsrc2, the second shot
 * continuing where the first stopped, with only hue or saturation changed. The hue filter leaves
 * luma as it is, so brightness structure alone cannot tell the shots apart.
 */
const CUT = 37;
const FRAMES = 90;
const SIZE = "320x180";
/** Fixed GOP without scene-cut keyframes: the cut lies inside a GOP, so fast mode must find it from the keyframes. */
const CODEC = ["-c:v", "libx264", "-preset", "ultrafast", "-g", "24", "-sc_threshold", "0", "-pix_fmt", "yuv420p"];

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function makeColourCut(file: string, first: string, second: string): Promise<void> {
  const source = `testsrc2=size=${SIZE}:rate=25:duration=${FRAMES / 25 + 1}`;
  await ffmpeg([
    "-f", "lavfi", "-i", source,
    "-filter_complex",
    `[0:v]split[a][b];[a]trim=end_frame=${CUT},setpts=PTS-STARTPTS,${first}[x];` +
      `[b]trim=start_frame=${CUT}:end_frame=${FRAMES},setpts=PTS-STARTPTS,${second}[y];[x][y]concat=n=2:v=1:a=0,format=yuv420p[out]`,
    "-map", "[out]", ...CODEC, file,
  ]);
}

/** Mean absolute luma difference between frames f-1 and f at 64x36. */
function lumaStep(grey: Buffer, f: number): number {
  const n = 64 * 36;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(grey[f * n + i]! - grey[(f - 1) * n + i]!);
  return sum / n;
}

const starts = (shots: ReadonlyArray<{ startFrame: number }>): number[] => shots.map((s) => s.startFrame);

describe("colour-only cuts", () => {
  for (const [name, first, second] of [
    ["hue", "hue=h=0:s=1.4", "hue=h=160:s=1.4"],
    ["saturation", "hue=h=40:s=1.6", "hue=h=40:s=0.15"],
  ] as const) {
    it(`a cut where only the ${name} changes is one cut at its frame, fast and exact`, { timeout: 60_000 }, async () => {
      const file = path.join(dir, `${name}.mp4`);
      await makeColourCut(file, first, second);
      const grey = await decodeAllGrey(file, 64, 36);
      expect(grey.length).toBe(FRAMES * 64 * 36);
      // Luma hardly moves across the cut: no more than between frames inside either shot.
      const around = [CUT - 2, CUT - 1, CUT + 1, CUT + 2].map((f) => lumaStep(grey, f));
      expect(lumaStep(grey, CUT)).toBeLessThan(Math.max(...around) * 1.3 + 2);

      const media = await probeMedia(file);
      expect(media.keyframes).not.toContain(CUT);
      const exact = await detectShots(media, { mode: "exact" });
      const fast = await detectShots(media, { mode: "fast" });
      expect(fast.mode).toBe("fast");
      expect(starts(exact.shots)).toEqual([0, CUT]);
      expect(starts(fast.shots)).toEqual([0, CUT]);
      expect(exact.boundaries.map((b) => b.type)).toEqual(["cut"]);
      expect(fast.boundaries.map((b) => b.type)).toEqual(["cut"]);
    });
  }

  it("a slow hue drift within one shot is no cut", { timeout: 60_000 }, async () => {
    const file = path.join(dir, "drift.mp4");
    // 45 degrees a second: a full half-turn over the clip, under 2 degrees a frame.
    await ffmpeg(["-f", "lavfi", "-i", `testsrc2=size=${SIZE}:rate=25:duration=${FRAMES / 25}`, "-vf", "hue=H=t*PI/4:s=1.4", ...CODEC, file]);
    const media = await probeMedia(file);
    const exact = await detectShots(media, { mode: "exact" });
    const fast = await detectShots(media, { mode: "fast" });
    expect(exact.boundaries).toEqual([]);
    expect(fast.boundaries).toEqual([]);
    expect(starts(fast.shots)).toEqual([0]);
  });
});
