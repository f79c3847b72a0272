import type { Tag, TagSet, TagSource, TagStatus } from "@sichter/shared/model";
import { ENGLISH_WORDS, GERMAN_WORDS, pick, pickSkewed } from "./newsVocabulary.ts";

const SOURCES: readonly TagSource[] = ["ocr", "vision", "speech", "technical", "motion"];
export const RESSORTS = ["politik", "wirtschaft", "sport", "kultur", "regional", "wetter"];

/**
 * Clip number `i` of the synthetic archive: 1-3 word labels from the skewed vocabulary, a mix of
 * sources, ~5 % accepted and ~2 % rejected tags, one OCR line, analysis dates over 2024-2026.
 */
export function syntheticTagSet(
  i: number,
  tagsPerClip: number,
  vocabulary: readonly string[],
  random: () => number,
): TagSet {
  const frameCount = 750 + Math.floor(random() * 15_000);
  const year = 2024 + (i % 3);
  const day = new Date(Date.UTC(year, 0, 1) + Math.floor(random() * 360) * 86_400_000);
  const tags: Tag[] = [];
  for (let k = 0; k < tagsPerClip; k++) {
    const words = 1 + Math.floor(random() * 3);
    const label = Array.from({ length: words }, () => pickSkewed(random, vocabulary)).join(" ");
    const startFrame = Math.floor(random() * (frameCount - 50));
    const roll = random();
    const status: TagStatus = roll < 0.02 ? "rejected" : roll < 0.07 ? "accepted" : "suggested";
    tags.push({
      label,
      kind: "keyword",
      language: "de",
      source: pick(random, SOURCES),
      confidence: 0.5 + random() / 2,
      startFrame,
      endFrame: startFrame + 25 + Math.floor(random() * 200),
      status,
      provenance: [{ producer: "bench.synthetic" }],
    });
  }
  const ocr = `${pick(random, GERMAN_WORDS).toUpperCase()} ${pick(random, GERMAN_WORDS)} ${pick(random, ENGLISH_WORDS)}`;
  return {
    clip: {
      path: `/archiv/${year}/${pick(random, RESSORTS)}/clip-${String(i).padStart(6, "0")}.mxf`,
      fingerprint: `synthetic:${i}`,
      frameRate: i % 4 === 0 ? "30000/1001" : "25/1",
      dropFrame: i % 4 === 0,
      startTimecode: i % 4 === 0 ? "01:00:00;00" : "10:00:00:00",
      frameCount,
      durationSeconds: frameCount / 25,
      width: 1920,
      height: 1080,
    },
    shots: [],
    keyframes: [],
    tags,
    ocrText: [{ startFrame: 0, endFrame: 100, text: ocr }],
    analyzedAt: day.toISOString(),
  };
}
