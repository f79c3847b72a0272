/**
 * One marker Sichter created, as its item's XMP remembers it. `owner` says for which clip use it
 * was made (a sequence holds markers of many clips); start (ticks, decimal) and name are the key a
 * host without marker ids finds it by; `guid` is the host's id once it has been seen.
 */
export interface LedgerEntry {
  readonly owner: string;
  readonly start: string;
  readonly name: string;
  readonly guid?: string;
}

/** A ledger entry as one XMP Bag item: a small JSON object, so names may hold any character. */
export function encodeLedgerEntry(entry: LedgerEntry): string {
  const fields: Record<string, string> = { o: entry.owner, s: entry.start, n: entry.name };
  if (entry.guid !== undefined) fields.g = entry.guid;
  return JSON.stringify(fields);
}

/** The entries of a ledger Bag; items that are not Sichter's JSON (hand edits, damage) are ignored. */
export function decodeLedgerEntries(items: readonly string[]): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (const item of items) {
    const entry = decode(item);
    if (entry) entries.push(entry);
  }
  return entries;
}

function decode(item: string): LedgerEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(item);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { o, s, n, g } = value as Record<string, unknown>;
  if (typeof o !== "string" || typeof s !== "string" || typeof n !== "string" || !/^-?\d+$/.test(s)) return null;
  if (g !== undefined && typeof g !== "string") return null;
  return g === undefined ? { owner: o, start: s, name: n } : { owner: o, start: s, name: n, guid: g };
}
