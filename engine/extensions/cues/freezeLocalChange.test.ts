import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpeg, makeTempDir } from "../../test/fixtures.ts";
import { renderView, rng, stillTexture } from "../../test/support/motionClips.ts";
import { CueAnalyzer } from "./CueAnalyzer.ts";
import { analysisInput } from "../../test/support/cueTestClips.ts";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("sichter-freeze-local-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * A pan (30 frames) that stops on a view for 70 frames, in ProRes (intra-only: no packet sizes to
 * tell a held picture). While held, `share` of its 4x4 patches change brightness by up to `amplitude`
 * levels each frame, a different few every frame: leaves in wind. With share 0 it is a true freeze.
 */
async function heldClip(name: string, share: number, amplitude: number): Promise<string> {
  const still = stillTexture(1000, 600, 77);
  const noise = rng(5);
  const frames: Uint8Array[] = [];
  for (let n = 0; n < 30; n++) frames.push(renderView(still, { x: 300 + 6 * n, y: 200 }, 320, 180));
  const held = renderView(still, { x: 480, y: 200 }, 320, 180);
  for (let n = 0; n < 70; n++) {
    const frame = Uint8Array.from(held);
    for (let py = 0; py < 180; py += 4) {
      for (let px = 0; px < 320; px += 4) {
        if (noise() >= share) continue;
        const offset = (noise() - 0.5) * 2 * amplitude;
        for (let y = py; y < py + 4; y++)
          for (let x = px; x < px + 4; x++)
            frame[y * 320 + x] = Math.max(0, Math.min(255, Math.round(held[y * 320 + x]! + offset)));
      }
    }
    frames.push(frame);
  }
  const raw = path.join(dir, `${name}.gray`);
  fs.writeFileSync(raw, Buffer.concat(frames));
  const file = path.join(dir, `${name}.mov`);
  await ffmpeg([
    "-f",
    "rawvideo",
    "-pix_fmt",
    "gray",
    "-s",
    "320x180",
    "-r",
    "25",
    "-i",
    raw,
    "-c:v",
    "prores_ks",
    "-profile:v",
    "0",
    "-pix_fmt",
    "yuv422p10le",
    file,
  ]);
  return file;
}

async function freezes(file: string): Promise<Array<[number, number]>> {
  const { tags } = await new CueAnalyzer().analyze(await analysisInput(file));
  return tags.filter((t) => t.kind === "cue.freeze").map((t) => [t.startFrame, t.endFrame]);
}

describe("freeze frames in intra-only video", () => {
  it("a view whose small patches keep changing (leaves in wind) is no freeze frame", async () => {
    expect(await freezes(await heldClip("leaves", 0.05, 15))).toEqual([]);
  });

  it("identical frames after a move still are one", async () => {
    expect(await freezes(await heldClip("frozen", 0, 0))).toEqual([[30, 100]]);
  });
});
