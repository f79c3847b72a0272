import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ErrorCode,
  Tag,
  CancellationTokenSource,
  isSichterError,
  Progress,
  liveToolProcessCount,
} from "@sichter/engine/extension-api";
import { decodeAllGrey, makeTempDir } from "../../test/fixtures.ts";
import { analysisInput } from "../../test/support/cueTestClips.ts";
import { burstPositions } from "./burstPositions.ts";
import { MotionAnalyzer } from "./MotionAnalyzer.ts";
import { cameraClip, rng, stillTexture, type View } from "../../test/support/motionClips.ts";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("sichter-motion-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const still = stillTexture(1000, 700, 11);
const FRAMES = 60;
const frames = <T>(f: (n: number) => T): T[] => Array.from({ length: FRAMES }, (_, n) => f(n));

async function motionOf(name: string, views: readonly View[], language: "de" | "en" = "en"): Promise<Tag[]> {
  const input = await analysisInput(await cameraClip(dir, name, still, views, 5), language);
  const { tags } = await new MotionAnalyzer().analyze(input, Progress.None);
  for (const tag of tags) Tag.parse(tag);
  return tags;
}
const kinds = (tags: readonly Tag[]): string[] => tags.map((t) => t.kind);

describe("MotionAnalyzer on encoded camera moves over a still (320x180, 1 px = 6 px at 1080p)", () => {
  it("window moving right 8 px/frame: content moves left, the camera pans right", async () => {
    const tags = await motionOf(
      "pan-right.mp4",
      frames((n) => ({ x: 100 + 8 * n, y: 200 })),
    );
    expect(kinds(tags)).toEqual(["motion.pan-right"]);
    expect(tags[0]).toMatchObject({
      label: "Pan right",
      source: "motion",
      startFrame: 0,
      endFrame: FRAMES,
      status: "suggested",
    });
    expect(tags[0]!.provenance[0]!.producer).toBe("sichter.motion");
  });

  it("window moving left: the camera pans left (German label)", async () => {
    const tags = await motionOf(
      "pan-left.mp4",
      frames((n) => ({ x: 600 - 8 * n, y: 200 })),
      "de",
    );
    expect(kinds(tags)).toEqual(["motion.pan-left"]);
    expect(tags[0]!.label).toBe("Schwenk links");
  });

  it("window moving up 5 px/frame: content moves down, the camera tilts up", async () => {
    expect(
      kinds(
        await motionOf(
          "tilt-up.mp4",
          frames((n) => ({ x: 300, y: 450 - 5 * n })),
        ),
      ),
    ).toEqual(["motion.tilt-up"]);
  });

  it("window moving down: the camera tilts down", async () => {
    expect(
      kinds(
        await motionOf(
          "tilt-down.mp4",
          frames((n) => ({ x: 300, y: 100 + 5 * n })),
        ),
      ),
    ).toEqual(["motion.tilt-down"]);
  });

  it("window shrinking 1 % per frame about a fixed centre: zoom in", async () => {
    const views = frames((n) => {
      const scale = 2 * 0.99 ** n;
      return { x: 500 - 160 * scale, y: 350 - 90 * scale, scale };
    });
    const tags = await motionOf("zoom-in.mp4", views, "de");
    expect(kinds(tags)).toEqual(["motion.zoom-in"]);
    expect(tags[0]!.label).toBe("Zoom auf");
  });

  it("window growing: zoom out", async () => {
    const views = frames((n) => {
      const scale = 1.01 ** n;
      return { x: 500 - 160 * scale, y: 350 - 90 * scale, scale };
    });
    expect(kinds(await motionOf("zoom-out.mp4", views))).toEqual(["motion.zoom-out"]);
  });

  it("fixed window with sensor noise: static", async () => {
    expect(
      kinds(
        await motionOf(
          "static.mp4",
          frames(() => ({ x: 300, y: 200 })),
        ),
      ),
    ).toEqual(["motion.static"]);
  });

  it("window on a seeded random walk: handheld", async () => {
    const random = rng(42);
    let x = 300;
    let y = 200;
    const views = frames(() => {
      x += (random() - 0.5) * 5;
      y += (random() - 0.5) * 4;
      return { x, y };
    });
    expect(kinds(await motionOf("handheld.mp4", views))).toEqual(["motion.handheld"]);
  });

  it("measures bursts from the frame store's runs where they start: same result, no decoding", async () => {
    const input = await analysisInput(
      await cameraClip(
        dir,
        "pan-runs.mp4",
        still,
        frames((n) => ({ x: 100 + 8 * n, y: 200 })),
        5,
      ),
    );
    const analyzer = new MotionAnalyzer();
    const decoded = await analyzer.analyze(input);
    expect(analyzer.lastRun).toEqual({ bursts: 2, fromRuns: 0 });
    // Runs where the bursts start, cut from a full decode at the motion width (320x180 -> 160x90).
    const size = 160 * 90;
    const all = await decodeAllGrey(input.media.path, 160, 90);
    const starts = input.shots.flatMap((shot) => burstPositions(shot, 25));
    const file = path.join(dir, "pan-runs.gray");
    fs.writeFileSync(file, Buffer.concat(starts.map((first) => all.subarray(first * size, (first + 6) * size))));
    const spans = starts.map((first) => [first, 6] as const);
    const fromRuns = await analyzer.analyze({
      ...input,
      frameStore: { pictures: [{ file, width: 160, height: 90, pixelFormat: "gray", spans }] },
    });
    expect(analyzer.lastRun).toEqual({ bursts: 2, fromRuns: 2 });
    expect(kinds(fromRuns.tags)).toEqual(["motion.pan-right"]);
    expect(kinds(decoded.tags)).toEqual(["motion.pan-right"]);
    // Runs of another size are not taken for bursts.
    const small = path.join(dir, "pan-runs-small.gray");
    fs.writeFileSync(small, Buffer.alloc(starts.length * 6 * 80 * 45));
    await analyzer.analyze({
      ...input,
      frameStore: { pictures: [{ file: small, width: 80, height: 45, pixelFormat: "gray", spans }] },
    });
    expect(analyzer.lastRun).toEqual({ bursts: 2, fromRuns: 0 });
  });

  it("cancellation rejects with CANCELLED and kills ffmpeg", async () => {
    const input = await analysisInput(
      await cameraClip(
        dir,
        "cancel.mp4",
        still,
        frames((n) => ({ x: 100 + 2 * n, y: 100 })),
      ),
    );
    const source = new CancellationTokenSource();
    const running = new MotionAnalyzer().analyze(input, Progress.None, source.token);
    while (liveToolProcessCount() === 0) await new Promise((r) => setImmediate(r));
    source.cancel();
    const error = await running.catch((e: unknown) => e);
    expect(isSichterError(error, ErrorCode.CANCELLED)).toBe(true);
    expect(liveToolProcessCount()).toBe(0);
  });
});
