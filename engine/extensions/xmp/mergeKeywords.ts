/**
 * The keywords of `wanted` that `existing` does not already hold. Comparison ignores case and
 * Unicode composition ("Köln" typed on a Mac and on Windows are the same word); the first spelling
 * wins, so an editor's "EU" is never replaced by a provider's "eu". Duplicates inside `wanted`
 * collapse too.
 */
export function keywordsToAdd(existing: readonly string[], wanted: readonly string[]): string[] {
  const seen = new Set(existing.map(keywordKey));
  const added: string[] = [];
  for (const keyword of wanted) {
    const trimmed = keyword.trim();
    const key = keywordKey(trimmed);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    added.push(trimmed);
  }
  return added;
}

/** How two spellings of a keyword are compared: case and Unicode composition do not count. */
export function keywordKey(keyword: string): string {
  return keyword.normalize("NFC").trim().toLocaleLowerCase("und");
}
