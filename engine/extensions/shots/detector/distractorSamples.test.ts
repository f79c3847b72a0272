import { beforeAll, describe, expect, it } from "vitest";
import { ensureSamples, type Sample } from "../../../../bench/samples/ensureSamples.ts";
import { probeMedia } from "@sichter/engine/extension-api";
import { detectShots } from "./ShotDetector.ts";

/**
 * The fixed samples whose distractors (zooms, overlays and captions popping on, flashes) sit
 * between their transitions, and the one of fades and dissolves (where the light ramps into and
 * out of every transition): the colour and busy-texture routes must add nothing there. Every
 * boundary found is a truth transition of its kind, and every transition is found once.
 */
const FILES = ["h264-distractors-1080p25.mp4", "h264-news-1080p25.mp4", "h264-gradual-1080p25.mp4"];
let samples: readonly Sample[];
beforeAll(async () => {
  samples = (await ensureSamples()).samples.filter((s) => FILES.includes(s.file));
});

describe("samples full of distractors", () => {
  it("a zoom, overlays and captions add no boundary: exactly one per transition, of its kind", async () => {
    expect(samples).toHaveLength(FILES.length);
    for (const sample of samples) {
      const media = await probeMedia(sample.path);
      const { boundaries } = await detectShots(media, { mode: "exact" });
      const truth = sample.truth.transitions;
      const matches = boundaries.map((b) =>
        truth.findIndex((t) =>
          t.type === "cut"
            ? b.type === "cut" && Math.abs(b.frame - t.startFrame) <= 1
            : b.type === t.type && b.startFrame < t.endFrame && t.startFrame < b.endFrame,
        ),
      );
      const label = (i: number): string =>
        `${boundaries[i]!.type} ${boundaries[i]!.startFrame}-${boundaries[i]!.endFrame}`;
      expect(
        boundaries
          .map((_, i) => i)
          .filter((i) => matches[i] === -1)
          .map(label),
        `${sample.file}: boundaries that are no transition`,
      ).toEqual([]);
      expect(new Set(matches).size, `${sample.file}: transitions found once each`).toBe(truth.length);
    }
  });
});
