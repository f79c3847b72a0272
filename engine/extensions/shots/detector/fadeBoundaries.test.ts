import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { probeMedia } from "@sichter/engine/extension-api";
import type { ShotBoundary } from "./ShotBoundary.ts";
import { detectShots } from "./ShotDetector.ts";
import { makeShotClip, RATE, SIZE, type ShotJoin, type ShotSource } from "../test/shotClips.ts";

/**
 * Fades, slates and dissolves as an editor names them: one boundary per transition, its range in
 * order (start <= frame <= end), a fade where the picture ramps to black or white, a cut where it is
 * cut to a slate, a dissolve where two pictures blend.
 */
let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const a = `testsrc2=s=${SIZE}:r=${RATE}`;
const b = `smptehdbars=s=${SIZE}:r=${RATE},hue=H=t`;
const slate = (colour: string): string => `color=c=${colour}:s=${SIZE}:r=${RATE}`;
const cut: ShotJoin = { type: "cut" };

async function boundariesOf(
  name: string,
  shots: ShotSource[],
  joins: ShotJoin[],
): Promise<Array<{ mode: string; boundaries: ShotBoundary[] }>> {
  const file = path.join(dir, `${name}.mp4`);
  await makeShotClip(file, shots, joins);
  const media = await probeMedia(file);
  const out: Array<{ mode: string; boundaries: ShotBoundary[] }> = [];
  for (const mode of ["exact", "fast"] as const) {
    const { boundaries } = await detectShots(media, { mode });
    for (const x of boundaries) {
      expect(x.startFrame, `${name} ${mode}: range in order`).toBeLessThanOrEqual(x.frame);
      expect(x.frame, `${name} ${mode}: range in order`).toBeLessThanOrEqual(x.endFrame);
    }
    out.push({ mode, boundaries });
  }
  return out;
}

describe("fades, slates and dissolves", () => {
  it("a fade out to black and in again is one fade through black over its ramps", async () => {
    // Out over frames 38-49, 8 black frames (50-57), in over 58-69.
    const found = await boundariesOf(
      "fade-black",
      [
        { chain: `${a},fade=t=out:s=38:n=12`, frames: 50 },
        { chain: slate("black"), frames: 8 },
        { chain: `${b},fade=t=in:s=0:n=12`, frames: 50 },
      ],
      [cut, cut],
    );
    for (const { mode, boundaries } of found) {
      expect(
        boundaries.map((x) => [x.type, x.color]),
        mode,
      ).toEqual([["fade", "black"]]);
      expect(boundaries[0]!.startFrame, mode).toBeGreaterThanOrEqual(37);
      expect(boundaries[0]!.startFrame, mode).toBeLessThanOrEqual(40);
      expect(boundaries[0]!.endFrame, mode).toBeGreaterThanOrEqual(68);
      expect(boundaries[0]!.endFrame, mode).toBeLessThanOrEqual(71);
    }
  });

  it("a fade through white is one fade through white", async () => {
    const found = await boundariesOf(
      "fade-white",
      [
        { chain: `${a},fade=t=out:s=38:n=12:c=white`, frames: 50 },
        { chain: slate("white"), frames: 4 },
        { chain: `${b},fade=t=in:s=0:n=12:c=white`, frames: 50 },
      ],
      [cut, cut],
    );
    for (const { mode, boundaries } of found)
      expect(
        boundaries.map((x) => [x.type, x.color]),
        mode,
      ).toEqual([["fade", "white"]]);
  });

  it("a hard cut to a black slate and a hard cut out of it are two cuts, not fades", async () => {
    const found = await boundariesOf(
      "slate",
      [
        { chain: a, frames: 50 },
        { chain: slate("black"), frames: 40 },
        { chain: b, frames: 50 },
      ],
      [cut, cut],
    );
    for (const { mode, boundaries } of found) {
      expect(
        boundaries.map((x) => [x.type, x.startFrame, x.frame, x.endFrame]),
        mode,
      ).toEqual([
        ["cut", 50, 50, 50],
        ["cut", 90, 90, 90],
      ]);
    }
  });

  it("a fade out to a long black slate and a fade in from it are two fades, one on each side", async () => {
    const found = await boundariesOf(
      "slate-fades",
      [
        { chain: `${a},fade=t=out:s=38:n=12`, frames: 50 },
        { chain: slate("black"), frames: 40 },
        { chain: `${b},fade=t=in:s=0:n=12`, frames: 50 },
      ],
      [cut, cut],
    );
    for (const { mode, boundaries } of found) {
      expect(
        boundaries.map((x) => [x.type, x.color]),
        mode,
      ).toEqual([
        ["fade", "black"],
        ["fade", "black"],
      ]);
      expect(boundaries[0]!.endFrame, mode).toBeLessThanOrEqual(51);
      expect(boundaries[1]!.startFrame, mode).toBeGreaterThanOrEqual(89);
    }
  });

  it("a dissolve between two pictures is one dissolve over its frames", async () => {
    const found = await boundariesOf(
      "dissolve",
      [
        { chain: a, frames: 50 },
        { chain: b, frames: 50 },
      ],
      [{ type: "dissolve", frames: 16 }],
    );
    for (const { mode, boundaries } of found) {
      expect(
        boundaries.map((x) => x.type),
        mode,
      ).toEqual(["dissolve"]);
      expect(boundaries[0]!.startFrame, mode).toBeLessThan(66);
      expect(boundaries[0]!.endFrame, mode).toBeGreaterThan(50);
    }
  });
});
