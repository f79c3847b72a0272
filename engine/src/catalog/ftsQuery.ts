import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";
import { foldedWords } from "../text/foldText.ts";

/**
 * Turns what a producer types into a safe FTS5 MATCH expression. Users never write FTS syntax:
 * every word becomes a quoted prefix term ("Landt" finds "Landtag"), so operators, quotes,
 * parentheses, colons and stars in the input are plain text and cannot raise SQLite syntax errors.
 *
 * - words are ANDed (all must occur in the same tag, OCR line or description);
 * - text in double quotes is a phrase (its last word still matches as a prefix);
 * - a word joined by punctuation ("SPD-Fraktion") is kept together as a phrase;
 * - a one-letter word is not a prefix.
 */
export function toFtsQuery(query: string): string {
  const terms: string[] = [];
  // Quoted phrases first, then the rest split on whitespace.
  const pattern = /"([^"]*)"?|(\S+)/g;
  for (const match of query.matchAll(pattern)) {
    const chunk = match[1] ?? match[2] ?? "";
    const words = foldedWords(chunk);
    if (words.length === 0) continue;
    // Folded words hold only letters and digits, so quoting them needs no escaping. A single
    // letter is matched whole: as a prefix it would match most of the archive.
    const prefix = (words[words.length - 1]?.length ?? 0) > 1 ? "*" : "";
    terms.push(`"${words.join(" ")}"${prefix}`);
  }
  if (terms.length === 0) {
    throw new SichterError(ErrorCode.QUERY_INVALID, { detail: `no searchable words in "${query}"` });
  }
  return terms.join(" AND ");
}
