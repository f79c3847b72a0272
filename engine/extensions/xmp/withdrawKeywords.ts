import { keywordKey } from "./mergeKeywords.ts";

/**
 * The keywords to take out of dc:subject: those the XMP holds that the plan withdraws and does not
 * also want, in the XMP's own spelling (exiftool's `-=` removes exact values only). Keywords the
 * plan does not name, a person's own among them, are never touched.
 */
export function keywordsToRemove(
  existing: readonly string[],
  withdrawn: readonly string[],
  wanted: readonly string[],
): string[] {
  const kept = new Set(wanted.map(keywordKey));
  const drop = new Set(withdrawn.map(keywordKey).filter((key) => key !== "" && !kept.has(key)));
  return existing.filter((keyword) => drop.has(keywordKey(keyword)));
}
