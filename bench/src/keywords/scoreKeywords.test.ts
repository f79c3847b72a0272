import { describe, expect, it } from "vitest";
import type { KeywordClipTruth } from "../../samples/keywords/newsKeywordClip.ts";
import { scoreKeywords } from "./scoreKeywords.ts";

const truth: KeywordClipTruth = {
  seed: 1000,
  family: "watermark-480",
  width: 480,
  height: 270,
  frames: 300,
  shotStarts: [0, 75, 150, 225],
  texts: [
    { text: "Celebration of American Values", kind: "lower-third", startFrame: 10, endFrame: 60 },
    { text: "Anna Schäfer", kind: "lower-third", startFrame: 80, endFrame: 140 },
    { text: "tv.example.de", kind: "overlay", startFrame: 0, endFrame: 300 },
  ],
};

describe("scoreKeywords", () => {
  it("counts true phrases, overlay keywords and searchable lower-third words", () => {
    const counts = scoreKeywords(truth, [
      { kind: "keyword", label: "American Values" },
      { kind: "keyword", label: "Celebration" },
      { kind: "keyword", label: "CelebrationofAmericanValues" },
      { kind: "keyword", label: "example" },
      { kind: "keyword", label: "Anna Schafer" },
      { kind: "ocr.line", label: "Celebration of American Values" },
      { kind: "ocr.overlay", label: "Einblendung: tv.example.de" },
    ]);
    expect(counts).toEqual({
      keywords: 5,
      trueKeywords: 3,
      overlayKeywords: 1,
      lowerThirdWords: 6,
      lowerThirdWordsFound: 6,
      overlayTags: 1,
    });
  });

  it("finds no lower-third word in run-ons", () => {
    const counts = scoreKeywords(truth, [{ kind: "ocr.line", label: "CelebrationofAmericanValues" }]);
    expect(counts.lowerThirdWordsFound).toBe(0);
  });
});
