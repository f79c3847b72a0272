import { describe, expect, it } from "vitest";
import { type FrameRate, framesToTicks, parseFrameRate, ticksPerFrame } from "@sichter/shared/timecode";
import type { ClipInstance } from "./ClipInstance.ts";
import { clipFrameToSequenceTicks, sequenceTicksToClipFrame, usedSourceRange } from "./sequenceMapping.ts";

/** An instance showing media frames [inFrame, outFrame) from sequence frame `startFrame` on. */
function instance(
  rate: FrameRate,
  inFrame: number,
  outFrame: number,
  startFrame: number,
  sequenceRate = rate,
): ClipInstance {
  const start = framesToTicks(startFrame, sequenceRate);
  const inPoint = framesToTicks(inFrame, rate);
  const outPoint = framesToTicks(outFrame, rate);
  return { mediaRate: rate, sequenceRate, inPoint, outPoint, start, end: start + (outPoint - inPoint) };
}

describe("clipFrameToSequenceTicks", () => {
  it.each(["24000/1001", "24", "25", "30000/1001", "50", "60000/1001"])(
    "maps through the in point and the position exactly at %s",
    (text) => {
      const rate = parseFrameRate(text);
      const perFrame = ticksPerFrame(rate);
      // Ten minutes in (17982 frames at 29.97 is 00:10:00;00 drop-frame), placed an hour into the sequence.
      const inFrame = 17_982;
      const placed = instance(rate, inFrame, inFrame + 5000, 3600 * 60);
      for (const offset of [0, 1, 1799, 1800, 4999]) {
        const expected = placed.start + BigInt(offset) * perFrame;
        expect(clipFrameToSequenceTicks(inFrame + offset, placed)).toBe(expected);
      }
    },
  );

  it("maps a clip with an in point at 25 fps frame for frame", () => {
    const placed = instance(parseFrameRate("25"), 100, 300, 250);
    expect(clipFrameToSequenceTicks(150, placed)).toBe(300n * 10_160_640_000n);
  });

  it("answers null for frames the instance does not show", () => {
    const placed = instance(parseFrameRate("30000/1001"), 100, 300, 250);
    expect(clipFrameToSequenceTicks(99, placed)).toBeNull();
    expect(clipFrameToSequenceTicks(300, placed)).toBeNull();
    expect(clipFrameToSequenceTicks(299, placed)).not.toBeNull();
  });

  it("puts a frame of another rate on the sequence's nearest frame", () => {
    const media = parseFrameRate("25");
    const sequence = parseFrameRate("30000/1001");
    const placed = instance(media, 0, 250, 0, sequence);
    // Media frame 1 starts at 0.04 s, which is 1.1988 frames of 29.97: sequence frame 1.
    expect(clipFrameToSequenceTicks(1, placed)).toBe(8_475_667_200n);
    // Media frame 25 starts at 1 s = 29.97 frames: frame 30.
    expect(clipFrameToSequenceTicks(25, placed)).toBe(30n * 8_475_667_200n);
  });
});

describe("usedSourceRange", () => {
  it("is the instance's media frames", () => {
    expect(usedSourceRange(instance(parseFrameRate("60000/1001"), 10, 500, 3))).toEqual({ inFrame: 10, outFrame: 500 });
  });

  it("includes a partly shown last frame", () => {
    const rate = parseFrameRate("25");
    const placed = { ...instance(rate, 10, 20, 0), outPoint: framesToTicks(20, rate) + 1n };
    expect(usedSourceRange(placed)).toEqual({ inFrame: 10, outFrame: 21 });
  });
});

describe("sequenceTicksToClipFrame", () => {
  it("is the media frame on screen at the playhead", () => {
    const rate = parseFrameRate("30000/1001");
    const placed = instance(rate, 1000, 2000, 500);
    expect(sequenceTicksToClipFrame(placed.start, placed)).toBe(1000);
    expect(sequenceTicksToClipFrame(placed.start + 8_475_667_200n * 7n + 5n, placed)).toBe(1007);
    expect(sequenceTicksToClipFrame(placed.start - 1n, placed)).toBeNull();
    expect(sequenceTicksToClipFrame(placed.end, placed)).toBeNull();
  });
});
