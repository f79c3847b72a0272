import { ErrorCode } from "@sichter/shared/errors";
import { TagSource, TagStatus } from "@sichter/shared/model";
import { SichterError } from "../core/SichterError.ts";
import type { SearchFilters, SearchResult } from "./Catalog.ts";
import { toFtsQuery } from "./ftsQuery.ts";
import { enclosingFolder, folderFacet, statusFacet } from "./searchFacets.ts";
import { checkLimit, checkList, checkSince } from "./searchFilters.ts";
import { toSearchResults, type HitRow } from "./searchResults.ts";
import type { StatementCache } from "./StatementCache.ts";

/** How much each further matching range in a clip adds to its score (bm25 of the best one). */
export const MORE_HITS_WEIGHT = 0.1;

/**
 * Candidate texts ranked per search: the newest this many matches (at least; more for big limits).
 * bm25 costs a few microseconds per matching text, so ranking every match of a word found in a
 * tenth of a 100,000-clip archive (~100,000 texts) took 150 ms; ranking the newest 1,000 takes a
 * few. Below the cap the ranking is exact; above it, recent footage wins, as a newsroom expects.
 */
const CANDIDATES = 1000;
const CANDIDATES_PER_RESULT = 20;

/**
 * Ranked full-text search as one statement. The matches are taken newest first (rowid order,
 * which FTS5 walks without sorting), with status and folder filters inside FTS5 (see
 * searchFacets) and source and date filters on the matched row; bm25 is computed for those candidates
 * only. They are grouped and ranked per clip inside SQLite, and only the returned clips' hits are
 * joined to tags, OCR lines and clips.
 */
export function searchCatalog(sql: StatementCache, query: string, filters: SearchFilters = {}): SearchResult[] {
  const match = `text : (${toFtsQuery(query)})${facetClause(filters)}`;
  const rowFilter = rowFilterClause(filters);
  const limit = checkLimit(filters.limit);
  const candidates = Math.max(CANDIDATES, limit * CANDIDATES_PER_RESULT);
  const rowJoin = rowFilter.where
    ? `JOIN search_docs cd ON cd.id = search_fts.rowid ${rowFilter.needsClip ? "JOIN clips c ON c.id = cd.clip_id" : ""}`
    : "";
  const rows = guard(() =>
    sql
      .get<HitRow>(
        // MATERIALIZED: bm25() only works in the FTS query itself, and the matches are read twice.
        // Weights 1, 0: the facet words decide membership, never rank.
        `WITH candidates AS MATERIALIZED (
           SELECT search_fts.rowid AS doc_id, bm25(search_fts, 1.0, 0.0) AS rank
           FROM search_fts ${rowJoin}
           WHERE search_fts MATCH ? ${rowFilter.where ? `AND ${rowFilter.where}` : ""}
           ORDER BY search_fts.rowid DESC
           LIMIT ?),
         matches AS MATERIALIZED (
           SELECT m.doc_id, d.clip_id, m.rank FROM candidates m JOIN search_docs d ON d.id = m.doc_id),
         top AS (
           SELECT clip_id, min(rank) AS best, count(*) AS n FROM matches
           GROUP BY clip_id
           ORDER BY min(rank) - ${MORE_HITS_WEIGHT} * ln(count(*)), clip_id
           LIMIT ?)
         SELECT top.clip_id, -top.best + ${MORE_HITS_WEIGHT} * ln(top.n) AS score,
                c.path, c.frame_rate, c.drop_frame, c.start_timecode, c.frame_count, c.description,
                d.tag_id, t.label, t.source, t.status, t.start_frame AS t_start, t.end_frame AS t_end,
                d.ocr_id, o.text, o.start_frame AS o_start, o.end_frame AS o_end
         FROM top
         JOIN matches m ON m.clip_id = top.clip_id
         JOIN search_docs d ON d.id = m.doc_id
         JOIN clips c ON c.id = top.clip_id
         LEFT JOIN tags t ON t.id = d.tag_id
         LEFT JOIN ocr_text o ON o.id = d.ocr_id
         ORDER BY m.rank, d.id`,
      )
      .all(match, ...rowFilter.params, candidates, limit),
  );

  // A whole-folder prefix was matched by its hashed token only: toSearchResults re-checks it.
  return toSearchResults(rows, filters.pathPrefix);
}

/** toFtsQuery only emits quoted words, so this is a safety net, never the normal path. */
function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Error && /fts5|syntax/i.test(error.message)) {
      throw new SichterError(ErrorCode.QUERY_INVALID, { detail: error.message }, { cause: error });
    }
    throw error;
  }
}

/**
 * Status and folder filters as FTS5 terms on the facets column: both are selective (few texts are
 * rejected, a folder holds a small part of the archive), so intersecting doclists beats looking up
 * each match. Statuses are written as what they exclude where that is shorter: the default
 * (suggested and accepted) is "NOT rejected".
 */
function facetClause(filters: SearchFilters): string {
  const statuses = checkList("status", filters.statuses, TagStatus.options) ?? ["suggested", "accepted"];
  let clause = "";
  const folder = filters.pathPrefix ? enclosingFolder(filters.pathPrefix) : undefined;
  if (folder) clause += ` AND facets : ${folderFacet(folder)}`;
  const excluded = TagStatus.options.filter((s) => !statuses.includes(s));
  if (statuses.length === 1) clause += ` AND facets : ${statusFacet(statuses[0]!)}`;
  else if (excluded.length > 0) clause += ` NOT facets : (${excluded.map(statusFacet).join(" OR ")})`;
  return clause;
}

/**
 * The rest as a WHERE part over the matched text's row and its clip, with placeholders only (never
 * user text in SQL). Sources are checked here, not in FTS5: each source holds a fifth or more of
 * all texts, and an OR of such doclists costs more than the lookups it would save.
 */
function rowFilterClause(filters: SearchFilters): { where: string; params: unknown[]; needsClip: boolean } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const sources = checkList("source", filters.sources, TagSource.options);
  if (sources) {
    // Descriptions have source 'description', so any source filter leaves them out.
    parts.push(`cd.source IN (${sources.map(() => "?").join(", ")})`);
    params.push(...sources);
  }
  let needsClip = false;
  if (filters.analysedSince !== undefined) {
    parts.push("c.last_analysed >= ?");
    params.push(checkSince(filters.analysedSince));
    needsClip = true;
  }
  if (filters.pathPrefix && enclosingFolder(filters.pathPrefix) !== filters.pathPrefix) {
    // instr() = 1 is an exact prefix test; LIKE would treat % and _ in folder names as wildcards.
    parts.push("instr(c.path, ?) = 1");
    params.push(filters.pathPrefix);
    needsClip = true;
  }
  return { where: parts.join(" AND "), params, needsClip };
}
