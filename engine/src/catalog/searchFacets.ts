import { createHash } from "node:crypto";

/**
 * What a searchable text is filtered by, written as words into the index's `facets` column: its
 * status and every folder its clip lies in. Filters then run inside FTS5 as doclist
 * intersections instead of a table lookup per match, which is what keeps "rejected tags about
 * Landtag in /archiv/2025/politik/" fast when Landtag is in a tenth of the archive. The words
 * cannot collide with the user's text: queries address the `text` column only.
 */
export function facetWords(status: string, clipPath: string): string {
  return [statusFacet(status), ...folders(clipPath).map(folderFacet)].join(" ");
}

export function statusFacet(status: string): string {
  return `status${status}`;
}

/**
 * A folder as one token: the tokenizer would split a path into words, and "/a/b/" must not match
 * "/b/a/". 64 bits of SHA-1 make a collision practically impossible; search re-checks the prefix
 * on what it returns anyway.
 */
export function folderFacet(folder: string): string {
  return `folder${createHash("sha1").update(folder).digest("hex").slice(0, 16)}`;
}

const SEPARATOR = /[/\\]/;

/** Every folder a path lies in, each ending with its separator, without the bare root ("/", "C:\"). */
export function folders(path: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < path.length; i++) {
    if (!SEPARATOR.test(path[i]!)) continue;
    const folder = path.slice(0, i + 1);
    if (!isRoot(folder)) out.push(folder);
  }
  return out;
}

/** The deepest folder of a prefix the user typed ("/archiv/2025/pol" -> "/archiv/2025/"), if any. */
export function enclosingFolder(prefix: string): string | undefined {
  let end = -1;
  for (let i = 0; i < prefix.length; i++) if (SEPARATOR.test(prefix[i]!)) end = i;
  if (end < 0) return undefined;
  const folder = prefix.slice(0, end + 1);
  return isRoot(folder) ? undefined : folder;
}

function isRoot(folder: string): boolean {
  return /^(?:[/\\]{1,2}|[A-Za-z]:[/\\])$/.test(folder);
}
