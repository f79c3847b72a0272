import { foldText } from "../../../engine/src/text/foldText.ts";
import type { KeywordClipTruth } from "../../samples/keywords/newsKeywordClip.ts";

/** What one analysis offered: its tags' kinds and labels. */
export interface OfferedTag {
  readonly kind: string;
  readonly label: string;
}

export interface KeywordCounts {
  /** Distinct keywords (by folded label). */
  keywords: number;
  /** Of those, true words or phrases of non-overlay on-screen text. */
  trueKeywords: number;
  /** Keywords made only of words of overlays (logos, addresses, clocks, tickers). */
  overlayKeywords: number;
  lowerThirdWords: number;
  /** Lower-third words a search finds: a word of a line read or of a keyword. */
  lowerThirdWordsFound: number;
  overlayTags: number;
}

export function emptyCounts(): KeywordCounts {
  return {
    keywords: 0,
    trueKeywords: 0,
    overlayKeywords: 0,
    lowerThirdWords: 0,
    lowerThirdWordsFound: 0,
    overlayTags: 0,
  };
}

export function addCounts(a: KeywordCounts, b: KeywordCounts): KeywordCounts {
  return {
    keywords: a.keywords + b.keywords,
    trueKeywords: a.trueKeywords + b.trueKeywords,
    overlayKeywords: a.overlayKeywords + b.overlayKeywords,
    lowerThirdWords: a.lowerThirdWords + b.lowerThirdWords,
    lowerThirdWordsFound: a.lowerThirdWordsFound + b.lowerThirdWordsFound,
    overlayTags: a.overlayTags + b.overlayTags,
  };
}

function words(text: string): string[] {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

/** `phrase` occurs as consecutive words of `line`. */
function isPhraseOf(phrase: readonly string[], line: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= line.length; i++) if (phrase.every((w, j) => line[i + j] === w)) return true;
  return false;
}

/**
 * Scores one clip's tags against its truth. A keyword is true when its words are consecutive words
 * of a non-overlay line; an overlay keyword is one whose words all come from overlays and from no
 * other line. A lower-third word is found when a line read (story or incidental) or a keyword
 * holds it, as a search over the catalog would.
 */
export function scoreKeywords(truth: KeywordClipTruth, tags: readonly OfferedTag[]): KeywordCounts {
  const content = truth.texts.filter((t) => t.kind !== "overlay").map((t) => words(t.text));
  const overlayWords = new Set(truth.texts.filter((t) => t.kind === "overlay").flatMap((t) => words(t.text)));
  const contentWords = new Set(content.flat());
  const keywords = new Map<string, string[]>();
  for (const tag of tags) if (tag.kind === "keyword") keywords.set(foldText(tag.label), words(tag.label));
  const counts = emptyCounts();
  for (const kw of keywords.values()) {
    counts.keywords++;
    if (kw.length > 0 && content.some((line) => isPhraseOf(kw, line))) counts.trueKeywords++;
    else if (kw.length > 0 && kw.every((w) => overlayWords.has(w) && !contentWords.has(w))) counts.overlayKeywords++;
  }
  const searchable = new Set(
    tags
      .filter((t) => t.kind === "keyword" || t.kind === "ocr.line" || t.kind === "ocr.incidental")
      .flatMap((t) => words(t.label)),
  );
  for (const line of truth.texts.filter((t) => t.kind === "lower-third")) {
    for (const word of words(line.text)) {
      counts.lowerThirdWords++;
      if (searchable.has(word)) counts.lowerThirdWordsFound++;
    }
  }
  counts.overlayTags = tags.filter((t) => t.kind === "ocr.overlay").length;
  return counts;
}
