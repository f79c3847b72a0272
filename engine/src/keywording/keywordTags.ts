import type { Tag } from "@sichter/shared/model";
import type { KeywordCandidate } from "./extractKeywords.ts";

export const KEYWORDS_PRODUCER = "sichter.keywords";
const VERSION = "1";

/** One suggested keyword tag per on-screen range of each candidate. */
export function keywordTags(candidates: readonly KeywordCandidate[], language: string): Tag[] {
  return candidates.flatMap((c) =>
    c.ranges.map((r) => ({
      label: c.label,
      kind: "keyword",
      language,
      source: "ocr" as const,
      confidence: Math.round(c.confidence * 1000) / 1000,
      startFrame: r.startFrame,
      endFrame: r.endFrame,
      status: "suggested" as const,
      provenance: [{ producer: KEYWORDS_PRODUCER, version: VERSION, evidence: c.evidence.join(" | ") }],
    })),
  );
}
