import { ErrorCode } from "@sichter/shared/errors";
import { TagSource, TagStatus } from "@sichter/shared/model";
import { SichterError } from "../../core/SichterError.ts";
import { foldedWords } from "../../text/foldText.ts";
import type { SearchFilters, SearchResult } from "../Catalog.ts";
import { checkLimit, checkList, checkSince } from "../searchFilters.ts";
import { toSearchResults, type HitRow } from "../searchResults.ts";
import { MORE_HITS_WEIGHT } from "../searchCatalog.ts";
import type { Queryable } from "./postgresRows.ts";

/** The same candidate window as SQLite's (searchCatalog.ts): the newest matches are ranked. */
const CANDIDATES = 1000;
const CANDIDATES_PER_RESULT = 20;
/**
 * ts_rank with length normalisation (flag 1: divide by 1 + log of the text's length) prefers the
 * short exact text as bm25 does; scaled so a best hit weighs about what a bm25 rank does against
 * MORE_HITS_WEIGHT per further hit. Scores compare within one search only, on either backend.
 */
const RANK_SCALE = 10;

/**
 * What a producer typed, as a tsquery: the same reading as toFtsQuery (words ANDed, quoted text and
 * words joined by punctuation as phrases, the last word of each a prefix unless it is one letter),
 * written with `&`, `<->` and `:*`. Folded words are letters and digits only, so quoting them
 * needs no escaping.
 */
export function toTsQuery(query: string): string {
  const terms: string[] = [];
  for (const match of query.matchAll(/"([^"]*)"?|(\S+)/g)) {
    const words = foldedWords(match[1] ?? match[2] ?? "");
    if (words.length === 0) continue;
    const prefix = (words[words.length - 1]?.length ?? 0) > 1 ? ":*" : "";
    const phrase = words.map((w) => `'${w}'`).join(" <-> ");
    terms.push(words.length > 1 ? `(${phrase}${prefix})` : `${phrase}${prefix}`);
  }
  if (terms.length === 0)
    throw new SichterError(ErrorCode.QUERY_INVALID, { detail: `no searchable words in "${query}"` });
  return terms.join(" & ");
}

/**
 * Ranked search in one statement, shaped like SQLite's: the newest matching texts that pass the
 * filters (GIN index on the folded words, filters on the text's row and its clip), ranked, grouped
 * per clip; only the returned clips' texts are joined to tags, OCR lines and clips.
 */
export async function searchPostgres(
  db: Queryable,
  query: string,
  filters: SearchFilters = {},
): Promise<SearchResult[]> {
  const tsquery = toTsQuery(query);
  const limit = checkLimit(filters.limit);
  const statuses = checkList("status", filters.statuses, TagStatus.options) ?? ["suggested", "accepted"];
  const params: unknown[] = [tsquery, statuses];
  const where = ["d.tsv @@ q.q", "d.status = ANY($2::text[])"];
  const sources = checkList("source", filters.sources, TagSource.options);
  if (sources) {
    params.push(sources);
    where.push(`d.source = ANY($${params.length}::text[])`);
  }
  let clipJoin = "";
  if (filters.analysedSince !== undefined) {
    params.push(checkSince(filters.analysedSince));
    where.push(`c.last_analysed >= $${params.length}::timestamptz`);
    clipJoin = "JOIN clips c ON c.id = d.clip_id";
  }
  if (filters.pathPrefix) {
    params.push(filters.pathPrefix);
    // starts_with is an exact prefix test: % and _ in folder names are not wildcards.
    where.push(`starts_with(c.path, $${params.length})`);
    clipJoin = "JOIN clips c ON c.id = d.clip_id";
  }
  params.push(Math.max(CANDIDATES, limit * CANDIDATES_PER_RESULT), limit);
  const { rows } = await db.query<HitRow>(
    `WITH q AS (SELECT to_tsquery('sichter_folded', $1) AS q),
     candidates AS MATERIALIZED (
       SELECT d.id AS doc_id, d.clip_id, ts_rank(d.tsv, q.q, 1) * ${RANK_SCALE} AS rank
       FROM search_docs d CROSS JOIN q ${clipJoin}
       WHERE ${where.join(" AND ")}
       ORDER BY d.id DESC
       LIMIT $${params.length - 1}),
     top AS (
       SELECT clip_id, max(rank) + ${MORE_HITS_WEIGHT} * ln(count(*)) AS score FROM candidates
       GROUP BY clip_id
       ORDER BY 2 DESC, clip_id
       LIMIT $${params.length})
     SELECT top.clip_id, top.score,
            c.path, c.frame_rate, c.drop_frame::int AS drop_frame, c.start_timecode, c.frame_count, c.description,
            d.tag_id, t.label, t.source, t.status, t.start_frame AS t_start, t.end_frame AS t_end,
            d.ocr_id, o.text, o.start_frame AS o_start, o.end_frame AS o_end
     FROM top
     JOIN candidates m ON m.clip_id = top.clip_id
     JOIN search_docs d ON d.id = m.doc_id
     JOIN clips c ON c.id = top.clip_id
     LEFT JOIN tags t ON t.id = d.tag_id
     LEFT JOIN ocr_text o ON o.id = d.ocr_id
     ORDER BY m.rank DESC, d.id`,
    params,
  );
  return toSearchResults(rows, filters.pathPrefix);
}
