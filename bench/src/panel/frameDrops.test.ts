import { describe, expect, it } from "vitest";
import { countDroppedFrames, frameDeltas, frameStats, medianOf } from "./frameDrops.ts";

const steady = (count: number, interval: number, start = 1000): number[] =>
  Array.from({ length: count }, (_, i) => start + i * interval);

describe("dropped frames from requestAnimationFrame timestamps", () => {
  it("counts none in a steady 60 Hz run, jitter included", () => {
    const times = steady(120, 1000 / 60).map((t, i) => t + (i % 3 === 0 ? 3 : -2));
    expect(frameStats(times)).toMatchObject({ frames: 119, dropped: 0 });
  });

  it("counts each frame a late callback skipped", () => {
    // 16.7 ms frames, then one 33 ms gap (1 dropped) and one 67 ms gap (3 dropped).
    expect(countDroppedFrames([16.7, 33.4, 16.7, 66.8, 16.7], 16.7)).toBe(4);
    // Half a frame late or less is still the next frame.
    expect(countDroppedFrames([24, 8, 16.7], 16.7)).toBe(0);
  });

  it("takes the run's own median frame interval, so another refresh rate is no drop", () => {
    const at120 = steady(60, 1000 / 120);
    expect(frameStats(at120).intervalMs).toBeCloseTo(8.33, 1);
    expect(frameStats(at120).dropped).toBe(0);
    const withStall = [...steady(30, 1000 / 60), 1000 + 29 * (1000 / 60) + 100];
    expect(frameStats(withStall)).toMatchObject({ dropped: 5 });
    expect(frameStats(withStall).longestMs).toBeCloseTo(100, 5);
  });

  it("handles the edges: no frames, an even count, a broken interval", () => {
    expect(frameStats([])).toEqual({ frames: 0, intervalMs: 0, dropped: 0, longestMs: 0 });
    expect(frameDeltas([5, 7, 12])).toEqual([2, 5]);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
    expect(() => countDroppedFrames([16], 0)).toThrow(/positive/);
  });
});
