import { planKeywords } from "@sichter/premiere-common";

/** The words of Resolve's comma-separated Keywords value, trimmed, empty ones dropped. */
export function parseKeywords(value: string): string[] {
  return value
    .split(",")
    .map((word) => word.trim())
    .filter((word) => word !== "");
}

export function formatKeywords(words: readonly string[]): string {
  return words.join(", ");
}

export interface KeywordsUpdate {
  readonly value: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/**
 * The new Keywords value: what is there stays in its order and spelling, the plan's keywords that
 * are missing are added, and only the keywords the plan withdraws (Sichter wrote them before and
 * nobody accepted them) are taken out. Words compare without case and Unicode composition. The same
 * rule as the engine's XMP writer and the Premiere panel (`planKeywords`).
 */
export function mergeKeywords(
  existing: string,
  wanted: readonly string[],
  withdrawn: readonly string[],
): KeywordsUpdate {
  // A word with a comma cannot live in a comma-separated field: it becomes two words.
  const words = wanted.flatMap(parseKeywords);
  const merge = planKeywords({ existing: parseKeywords(existing), ours: withdrawn, wanted: words });
  return { value: formatKeywords(merge.subject), added: merge.added, removed: merge.removed };
}
