import { describe, expect, it } from "vitest";
import { QuietCover, quietRuns } from "./quietRuns.ts";

/** A stream from runs of equal packet sizes; keyframes every `gop` frames. */
function stream(parts: ReadonlyArray<readonly [size: number, frames: number]>, gop = 50) {
  const packetSizes = parts.flatMap(([size, frames]) => Array<number>(frames).fill(size));
  const keyframes = packetSizes.flatMap((_, f) => (f % gop === 0 ? [f] : []));
  return { packetSizes, keyframes, frameCount: packetSizes.length };
}

describe("quietRuns", () => {
  it("finds held pictures between moving ones, from the frame that carried the picture", () => {
    expect(
      quietRuns(
        stream([
          [9000, 20],
          [80, 20],
          [9000, 60],
        ]),
      ),
    ).toEqual([{ firstFrame: 19, endFrame: 40 }]);
  });

  it("once a clip holds skipped frames, a pan cheap by the fraction alone is no quiet run", () => {
    // A slow pan at 8 % of the typical frame beside a freeze of 70-byte frames (from a keyframe).
    const media = stream([
      [12000, 100],
      [1000, 50],
      [12000, 50],
      [70, 50],
      [12000, 50],
    ]);
    expect(quietRuns(media)).toEqual([{ firstFrame: 200, endFrame: 250 }]);
  });

  it("without skipped frames the fraction alone decides", () => {
    const media = stream([
      [12000, 100],
      [1000, 50],
      [12000, 100],
    ]);
    expect(quietRuns(media)).toEqual([{ firstFrame: 100, endFrame: 150 }]);
  });

  it("a clip that is mostly held pictures still finds them", () => {
    // Three quarters skipped: the 75th percentile is a skipped frame itself.
    const media = stream(
      [
        [20, 300],
        [4000, 100],
      ],
      25,
    );
    expect(quietRuns(media)).toEqual([{ firstFrame: 0, endFrame: 300 }]);
  });
});

describe("QuietCover", () => {
  const cover = new QuietCover([{ firstFrame: 10, endFrame: 20 }], 40);

  it("holds a range at least half quiet", () => {
    expect(cover.holds(10, 20)).toBe(true);
    expect(cover.holds(5, 25)).toBe(true);
    expect(cover.holds(4, 25)).toBe(false);
    expect(cover.holds(20, 30)).toBe(false);
  });

  it("says whether growing a range could make it held", () => {
    expect(cover.mayHold(0, 12, false, false)).toBe(false);
    expect(cover.mayHold(0, 12, false, true)).toBe(true);
    expect(cover.mayHold(20, 30, true, false)).toBe(true);
    expect(cover.mayHold(30, 40, true, false)).toBe(false);
  });
});
