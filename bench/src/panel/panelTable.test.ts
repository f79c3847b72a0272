import { describe, expect, it } from "vitest";
import { frameStats } from "./frameDrops.ts";
import { panelTable, type PanelNumbers } from "./panelBenchmark.ts";

const steady = frameStats(Array.from({ length: 61 }, (_, i) => i * 16.7));
const stalled = frameStats([...Array.from({ length: 60 }, (_, i) => i * 16.7), 59 * 16.7 + 50]);
const numbers: PanelNumbers = {
  usablePaintMs: [300, 200, 250],
  emptyPaintMs: [50, 40, 60],
  scripts: [{ file: "assets/panel-x.js", bytes: 400_000, gzipBytes: 140_000 }],
  tags: 253,
  reviewMs: [90, 120, 250],
  reviewRows: 12,
  scroll: [steady, steady],
  scrollLong: [
    {
      frames: 2,
      totalMs: 150,
      scriptMs: 40,
      forcedLayoutMs: 4,
      renderMs: 10,
      top: [{ name: "event-listener MessagePort.onmessage", ms: 40 }],
    },
    {
      frames: 1,
      totalMs: 60,
      scriptMs: 20,
      forcedLayoutMs: 1,
      renderMs: 5,
      top: [
        { name: "event-listener MessagePort.onmessage", ms: 12 },
        { name: "user-callback FrameRequestCallback", ms: 8 },
      ],
    },
  ],
  scroller: "page, 15000 px",
  staticScroll: [stalled],
  staticLong: [{ frames: 1, totalMs: 55, scriptMs: 0, forcedLayoutMs: 0, renderMs: 2, top: [] }],
};

describe("the panel benchmark's report", () => {
  it("states each number against its target, and the ratio to the empty page", () => {
    const table = panelTable(numbers, { clip: "h264-news-5min-1080p25.mp4", runs: 3 });
    expect(table).toContain("| 250 ms (300 ms, 200 ms, 250 ms) | ≤ 1000 ms | met |");
    expect(table).toContain("panel / empty page: 5.0x");
    expect(table).toContain("| 140.0 kB (400.0 kB on disk) | ≤ 250.0 kB | met |");
    expect(table).toContain("(253 tags, 12 rows in its first painted window)");
    expect(table).toContain("| 120 ms, 250 ms | ≤ 200 ms | met |");
    expect(table).toMatch(/\(120 frames at 16\.7 ms; page, 15000 px\) \| 0 \(longest frame 17 ms\) \| 0 \| met \|/);
    expect(table).toContain("| 2 (longest frame 50 ms) | | what this machine drops without the panel |");
  });

  it("sums where the long frames of every scroll went, the rest being time the page waited", () => {
    const table = panelTable(numbers, { clip: "h264-news-5min-1080p25.mp4", runs: 3 });
    expect(table).toContain(
      "| 3 long frames, 210 ms: scripts 60 ms (layout they forced 5 ms), style/layout/paint 15 ms, waiting 135 ms; most: event-listener MessagePort.onmessage 52 ms, user-callback FrameRequestCallback 8 ms | | peer: 1 long frames, 55 ms: scripts 0 ms (layout they forced 0 ms), style/layout/paint 2 ms, waiting 53 ms |",
    );
  });

  it("says MISSED where a target is not met", () => {
    const slow = panelTable({ ...numbers, usablePaintMs: [1500], scroll: [stalled] }, { clip: "x.mp4", runs: 1 });
    expect(slow).toMatch(/≤ 1000 ms \| MISSED \|/);
    expect(slow).toMatch(/\| 2 \(longest frame 50 ms\) \| 0 \| MISSED \|/);
  });
});
