import { describe, expect, it } from "vitest";
import { textSimilarity, trackText, type OcrSample } from "./textTracks.ts";

const line = (text: string, confidence = 0.9) => ({ text, raw: text, confidence });
const sample = (frame: number, ...texts: string[]): OcrSample => ({
  frame,
  from: frame - 12,
  to: frame + 13,
  lines: texts.map((t) => line(t)),
});

describe("trackText", () => {
  it("joins jittery readings of one text into one item with one range", () => {
    const tracks = trackText([
      sample(0),
      sample(25, "Landtag Brandenburg"),
      sample(50, "Landtaq Brandenburg"),
      sample(75, "Landtag Brandenburg"),
      sample(100),
    ]);
    expect(tracks).toHaveLength(1);
    expect(tracks[0]).toMatchObject({ startFrame: 13, endFrame: 88, text: "Landtag Brandenburg", sightings: 3 });
  });
  it("keeps different texts in sequence and side by side apart, and survives one missed sample", () => {
    const tracks = trackText([
      sample(0, "Köln Hauptbahnhof", "LIVE"),
      sample(25, "LIVE"),
      sample(50, "Köln Hauptbahnhof", "LIVE"),
      sample(75, "Breaking News: Storm warning", "LIVE"),
    ]);
    expect(tracks.map((t) => [t.text, t.startFrame, t.endFrame])).toEqual([
      ["Köln Hauptbahnhof", -12, 63],
      ["LIVE", -12, 88],
      ["Breaking News: Storm warning", 63, 88],
    ]);
  });
  it("gives a text the frames its sightings stand for", () => {
    const [t] = trackText([{ frame: 90, from: 80, to: 100, lines: [line("Ende")] }]);
    expect([t!.startFrame, t!.endFrame]).toEqual([80, 100]);
  });
  it("scores similarity on folded text", () => {
    expect(textSimilarity("Köln", "KOLN")).toBe(1);
    expect(textSimilarity("Landtag", "Bundestag")).toBeLessThan(0.8);
  });
});
