import { beforeAll, describe, expect, it } from "vitest";
import { createTimecodeContext, frameRate } from "@sichter/shared/timecode";
import { ensureSamples, type Sample } from "../../bench/samples/ensureSamples.ts";
import { addCounts, precisionRecallF1, scoreDetections, type Counts } from "../../bench/src/evaluateShots.ts";
import { detectShots, type ShotDetectionMode } from "../extensions/shots/detector/ShotDetector.ts";
import { shotReport } from "../src/cli/shotReport.ts";
import { probeMedia } from "../src/media/probeMedia.ts";

/**
 * The accuracy promises of the shot detector, checked on the generated samples with their exact
 * ground truth (speed lives in `npm run bench -- shots`, not here).
 */
let samples: readonly Sample[];
beforeAll(async () => {
  samples = (await ensureSamples()).samples;
});

describe.each<ShotDetectionMode>(["fast", "exact"])("shot detection, %s mode, on every sample", (mode) => {
  const totals = { cuts: { tp: 0, fp: 0, fn: 0 } as Counts, gradual: { tp: 0, fp: 0, fn: 0 } as Counts };

  // Every sample is decoded in this one test: exact mode on a loaded 2-core machine needs longer than
  // the default timeout.
  it("finds hard cuts (F1 >= 0.97 within ±1 frame) and gradual transitions (F1 >= 0.85), never a flash", async () => {
    const misses: string[] = [];
    for (const sample of samples) {
      const media = await probeMedia(sample.path);
      const result = await detectShots(media, { mode });
      const truth = sample.truth.transitions;
      const flashes = sample.truth.distractors.filter((d) => d.type === "flash");
      const score = scoreDetections(result.boundaries, truth, flashes);
      expect(score.flashFalseCuts, `${sample.file}: a flash counted as a boundary`).toBe(0);
      totals.cuts = addCounts(totals.cuts, score.cuts);
      totals.gradual = addCounts(totals.gradual, score.gradual);
      if (score.cuts.fp + score.cuts.fn + score.gradual.fp + score.gradual.fn > 0) {
        misses.push(
          `${sample.file}: ${JSON.stringify(score)} found ${result.boundaries.map((b) => `${b.type}@${b.frame}`).join(" ")}`,
        );
      }
    }
    const cutF1 = precisionRecallF1(totals.cuts).f1;
    const gradualF1 = precisionRecallF1(totals.gradual).f1;
    expect(cutF1, misses.join("\n")).toBeGreaterThanOrEqual(0.97);
    expect(gradualF1, misses.join("\n")).toBeGreaterThanOrEqual(0.85);
  }, 600_000);
});

describe("timecodes on the 29.97 drop-frame sample", () => {
  it("label every shot start exactly as a frame-by-frame drop-frame counter does", async () => {
    const sample = samples.find((s) => s.truth.dropFrame)!;
    expect(sample.truth.startTimecode).toBe("01:00:00;00");
    const media = await probeMedia(sample.path);
    expect(media.frameRate).toBe("30000/1001");
    expect(media.dropFrame).toBe(true);
    const report = shotReport(media, await detectShots(media));
    expect(report.startTimecode).toBe("01:00:00;00");
    const counter = dropFrameOdometer(1, 0, 0, 0);
    let frame = 0;
    for (const shot of report.shots) {
      while (frame < shot.startFrame) {
        counter.tick();
        frame++;
      }
      expect(shot.startTimecode, `frame ${shot.startFrame}`).toBe(counter.label());
      // Seconds are the real presentation time, not the displayed timecode.
      expect(shot.startSeconds).toBeCloseTo((shot.startFrame * 1001) / 30000, 5);
    }
    // And the context agrees on the last frame of the clip, ~30 s in: no drift accumulates.
    const tc = createTimecodeContext({ rate: frameRate(30000, 1001), dropFrame: true, start: "01:00:00;00" });
    while (frame < media.frameCount - 1) {
      counter.tick();
      frame++;
    }
    expect(tc.toTimecode(media.frameCount - 1)).toBe(counter.label());
  });
});

/**
 * The plainest possible drop-frame clock: count frames 0..29 and skip labels ;00 and ;01 at the start
 * of every minute except each tenth. Independent of the formula the timecode module uses.
 */
function dropFrameOdometer(h: number, m: number, s: number, f: number) {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return {
    label: () => `${pad(h)}:${pad(m)}:${pad(s)};${pad(f)}`,
    tick() {
      f++;
      if (f === 30) {
        f = 0;
        s++;
        if (s === 60) {
          s = 0;
          m++;
          if (m === 60) {
            m = 0;
            h = (h + 1) % 24;
          }
          if (m % 10 !== 0) f = 2;
        }
      }
    },
  };
}
