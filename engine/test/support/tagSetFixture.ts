import type { Tag, TagSet } from "@sichter/shared/model";

/** Builders for tests and the crash-test child; not used by the catalog itself. */
export function makeTag(label: string, overrides: Partial<Tag> = {}): Tag {
  return {
    label,
    kind: "keyword",
    language: "de",
    source: "ocr",
    confidence: 0.9,
    startFrame: 0,
    endFrame: 100,
    status: "suggested",
    provenance: [{ producer: "sichter.ocr", version: "1" }],
    ...overrides,
  };
}

export function makeTagSet(path: string, tags: Tag[], overrides: Partial<TagSet> = {}): TagSet {
  return {
    clip: {
      path,
      fingerprint: `fp:${path}`,
      frameRate: "25/1",
      dropFrame: false,
      startTimecode: "10:00:00:00",
      frameCount: 1500,
      durationSeconds: 60,
      width: 1920,
      height: 1080,
    },
    shots: [
      { index: 0, startFrame: 0, endFrame: 700, transition: null },
      { index: 1, startFrame: 700, endFrame: 1500, transition: { type: "cut", startFrame: 700, endFrame: 700 } },
    ],
    keyframes: [{ shot: 0, frame: 350, timecode: "10:00:14:00", seconds: 14, hash: "0123456789abcdef" }],
    tags,
    ocrText: [],
    analyzedAt: "2026-11-20T10:00:00.000Z",
    ...overrides,
  };
}

export const ANALYZERS = [{ id: "sichter.ocr", version: "1.0.0" }];

/** Suggestions per run written by crashWriter.ts. */
export const CRASH_TAGS_PER_RUN = 40;
