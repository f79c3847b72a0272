import { describe, expect, it } from "vitest";
import { KEYWORD_FAMILIES, keywordClip } from "./newsKeywordClip.ts";

describe("keywordClip", () => {
  it("is the same clip for the same seed, and cycles through the families", () => {
    expect(keywordClip(2003)).toEqual(keywordClip(2003));
    expect(KEYWORD_FAMILIES.map((_, i) => keywordClip(2000 + i).truth.family)).toEqual([...KEYWORD_FAMILIES]);
  });

  it("keeps the truth of every text: lower thirds inside their shot, overlays over the whole clip", () => {
    for (let seed = 2000; seed < 2010; seed++) {
      const { truth } = keywordClip(seed);
      const ends = [...truth.shotStarts.slice(1), truth.frames];
      for (const t of truth.texts.filter((x) => x.kind === "lower-third")) {
        const shot = truth.shotStarts.findIndex((start, i) => t.startFrame >= start && t.endFrame <= ends[i]!);
        expect(shot, `${seed} ${t.text}`).toBeGreaterThanOrEqual(0);
      }
      const overlays = truth.texts.filter((x) => x.kind === "overlay");
      expect(overlays.length, String(seed)).toBeGreaterThan(0);
      expect(Math.min(...overlays.map((o) => o.startFrame))).toBe(0);
      expect(Math.max(...overlays.map((o) => o.endFrame))).toBe(truth.frames);
    }
  });

  it("makes the low-resolution families at 480x270 and 640x360", () => {
    const sizes = new Set(
      KEYWORD_FAMILIES.map((_, i) => `${keywordClip(2000 + i).truth.width}x${keywordClip(2000 + i).truth.height}`),
    );
    expect(sizes).toEqual(new Set(["1280x720", "640x360", "480x270"]));
  });
});
