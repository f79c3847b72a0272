import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { groundTruthProblems } from "../GroundTruth.ts";
import { decodeThumbnails, meanAbsDiff, probeJson } from "../PixelProbe.ts";
import { ensureRandomClips } from "./ensureRandomClips.ts";
import { randomClip } from "./randomClip.ts";
import { RANDOM_ENCODINGS } from "./randomEncodings.ts";
import { TRANSITION_FAMILIES } from "./RandomTruth.ts";
import { SHOT_FAMILIES } from "./sourceFamilies.ts";

const SEEDS = Array.from({ length: 60 }, (_, i) => 1000 + i);

describe("randomClip", () => {
  it("gives the same recipe and truth for the same seed, and another clip for another seed", () => {
    const a = randomClip(2000);
    const b = randomClip(2000);
    expect(b.recipe.ffmpegArgs("OUT")).toEqual(a.recipe.ffmpegArgs("OUT"));
    expect(JSON.stringify(b.recipe.truth)).toBe(JSON.stringify(a.recipe.truth));
    expect(randomClip(2001).recipe.truth.recipe).not.toBe(a.recipe.truth.recipe);
  });

  it("writes truth whose transitions sit where the timeline puts them", () => {
    for (const seed of SEEDS) {
      const { recipe } = randomClip(seed);
      const { truth, definition } = recipe;
      expect(groundTruthProblems(truth), `seed ${seed}`).toEqual([]);
      // Walk the timeline independently of layoutTimeline: shot frames plus transition frames.
      let position = 0;
      definition.timeline.shots.forEach((shot, index) => {
        if (index > 0) {
          const spec = shot.in!;
          const length =
            spec.type === "cut"
              ? 0
              : spec.type === "dissolve"
                ? spec.frames
                : spec.outFrames + spec.holdFrames + spec.inFrames;
          const t = truth.transitions[index - 1]!;
          expect([t.startFrame, t.endFrame], `seed ${seed} transition ${index - 1}`).toEqual([
            position,
            position + length,
          ]);
          expect(t.type).toBe(spec.type);
          expect(t.family.startsWith(spec.type) || (t.family === "colour-only" && spec.type === "cut")).toBe(true);
          if (spec.type === "fade") expect(t.family).toBe(`fade-${spec.color}`);
          position += length;
        }
        position += shot.frames;
      });
      expect(truth.frameCount).toBe(position);
      expect(truth.shots.map((s) => s.family)).toHaveLength(definition.timeline.shots.length);
    }
  });

  it("draws every shot family, transition family and encoding across a handful of seeds", () => {
    const truths = SEEDS.map((seed) => randomClip(seed).recipe.truth);
    expect(new Set(truths.flatMap((t) => t.shots.map((s) => s.family)))).toEqual(new Set(SHOT_FAMILIES));
    expect(new Set(truths.flatMap((t) => t.transitions.map((s) => s.family)))).toEqual(new Set(TRANSITION_FAMILIES));
    expect(new Set(truths.map((t) => t.encoding))).toEqual(new Set(Object.keys(RANDOM_ENCODINGS)));
    const lengths = truths.flatMap((t) => t.shots.map((s) => s.endFrame - s.startFrame));
    expect(Math.min(...lengths)).toBeLessThanOrEqual(4);
    expect(truths.some((t) => t.distractors.some((d) => d.type === "flash"))).toBe(true);
  });
});

describe("a generated random clip", () => {
  let dir = "";
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("has the truth's frame count, and a colour-only cut keeps the luma", { timeout: 240_000 }, async () => {
    // The first seed whose short clip holds a colour-only cut, so the continuation is exercised.
    const seconds = 5;
    const seed = SEEDS.find((s) => {
      const t = randomClip(s, { seconds }).recipe.truth;
      return t.width === 640 && t.transitions.some((x) => x.family === "colour-only");
    });
    expect(seed).toBeDefined();
    dir = await mkdtemp(join(tmpdir(), "sichter-random-"));
    const [sample] = await ensureRandomClips({ count: 1, seed: seed!, seconds, dir });
    const { truth } = sample!;

    const probe = (await probeJson([
      "-count_frames",
      "-select_streams",
      "v:0",
      "-show_entries",
      "stream=nb_read_frames,width",
      sample!.path,
    ])) as {
      streams: Array<{ nb_read_frames: string; width: number }>;
    };
    expect(Number(probe.streams[0]!.nb_read_frames)).toBe(truth.frameCount);
    expect(probe.streams[0]!.width).toBe(truth.width);

    const { frames } = await decodeThumbnails(sample!.path);
    expect(frames).toHaveLength(truth.frameCount);
    for (const t of truth.transitions.filter((x) => x.family === "colour-only")) {
      // Same picture, same motion: luma steps no more across the cut than between two frames of the shot.
      const step = (f: number) => meanAbsDiff(frames[f - 1]!, frames[f]!);
      const around = [t.startFrame - 2, t.startFrame - 1, t.startFrame + 1, t.startFrame + 2].filter(
        (f) => f > 0 && f < frames.length,
      );
      const allowance = Math.max(...around.map(step)) * 1.3 + 2;
      expect(
        step(t.startFrame),
        `colour-only cut at ${t.startFrame} (steps around it ${around.map(step)})`,
      ).toBeLessThan(allowance);
    }
    const hard = truth.transitions.filter((x) => x.family === "cut");
    const stepsAtCuts = hard.map((t) => meanAbsDiff(frames[t.startFrame - 1]!, frames[t.startFrame]!));
    // Sanity of the measure: ordinary cuts between families are visible in luma.
    if (stepsAtCuts.length > 0) expect(Math.max(...stepsAtCuts)).toBeGreaterThan(6);
  });
});

describe("a generated MPEG-2 random clip", () => {
  let dir = "";
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    "keeps the timeline's frame rate and every frame (the MOV muxer took 1 fps from a cellular automaton's first shot)",
    { timeout: 120_000 },
    async () => {
      // Tuning seed 1016 opens with a "life" shot at 50 fps, written as MPEG-2 in MOV.
      const seconds = 1;
      expect(randomClip(1016, { seconds }).recipe.truth.encoding).toBe("mpeg2-gop12");
      dir = await mkdtemp(join(tmpdir(), "sichter-random-"));
      const [sample] = await ensureRandomClips({ count: 1, seed: 1016, seconds, dir });
      const { truth } = sample!;
      const probe = (await probeJson([
        "-count_frames",
        "-select_streams",
        "v:0",
        "-show_entries",
        "stream=nb_read_frames,r_frame_rate",
        sample!.path,
      ])) as {
        streams: Array<{ nb_read_frames: string; r_frame_rate: string }>;
      };
      expect(probe.streams[0]!.r_frame_rate).toBe(truth.frameRate);
      expect(Number(probe.streams[0]!.nb_read_frames)).toBe(truth.frameCount);
    },
  );
});
