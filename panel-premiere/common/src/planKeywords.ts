export interface KeywordMerge {
  /** The new dc:subject, in order: what was there (less Sichter's dropped words), then additions. */
  readonly subject: readonly string[];
  /** The new list of keywords that are Sichter's (the private ledger). */
  readonly ours: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/**
 * Read-modify-write of dc:subject. Only Sichter's keywords are ever removed, and only when the new
 * plan no longer wants them: those its ledger says it added here, and those the plan withdraws
 * (the engine's list of what it wrote before and a person rejected). A wanted keyword that is
 * already there keeps its spelling and stays whoever's it was. Words compare without case and
 * Unicode composition, so "Köln" typed on a Mac is the same as on Windows.
 */
export function planKeywords(input: {
  readonly existing: readonly string[];
  readonly ours: readonly string[];
  readonly wanted: readonly string[];
  readonly withdrawn?: readonly string[];
}): KeywordMerge {
  const wantedKeys = new Set(input.wanted.map(keywordKey));
  const oursKeys = new Set(input.ours.map(keywordKey));
  const removable = new Set([...oursKeys, ...(input.withdrawn ?? []).map(keywordKey)]);
  const removed = input.existing.filter((k) => removable.has(keywordKey(k)) && !wantedKeys.has(keywordKey(k)));
  const kept = input.existing.filter((k) => !removed.includes(k));
  const keptKeys = new Set(kept.map(keywordKey));
  const added: string[] = [];
  for (const keyword of input.wanted) {
    const trimmed = keyword.trim();
    const key = keywordKey(trimmed);
    if (key === "" || keptKeys.has(key)) continue;
    keptKeys.add(key);
    added.push(trimmed);
  }
  const stillOurs = kept.filter((k) => oursKeys.has(keywordKey(k)));
  return { subject: [...kept, ...added], ours: [...stillOurs, ...added], added, removed };
}

export function keywordKey(keyword: string): string {
  return keyword.normalize("NFC").trim().toLocaleLowerCase("und");
}
