import { createHash } from "node:crypto";
import { ErrorCode } from "@sichter/shared/errors";
import { TagSource, TagStatus } from "@sichter/shared/model";
import { SichterError } from "../../core/SichterError.ts";
import { foldedWords } from "../../text/foldText.ts";
import type { SearchFilters, SearchResult } from "../Catalog.ts";
import { checkLimit, checkList, checkSince } from "../searchFilters.ts";
import { toSearchResults, type HitRow } from "../searchResults.ts";
import { MORE_HITS_WEIGHT } from "../searchCatalog.ts";
import { enclosingFolder } from "../searchFacets.ts";
import { SEARCH_KEY_LENGTH } from "./postgresMigrations.ts";
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
 * Candidates are looked for in the newest this many times the candidates' texts, then in the
 * newest this many more, then in the rest (see searchPostgres).
 */
const RANGES = [16, 64, 256];

/**
 * What a producer typed, as a tsquery: the same reading as toFtsQuery (words ANDed, quoted text and
 * words joined by punctuation as phrases, the last word of each a prefix unless it is one letter),
 * written with `&`, `<->` and `:*`. Folded words are letters and digits only, so quoting them
 * needs no escaping.
 */
export function toTsQuery(query: string): string {
  return queryTerms(query).tsquery;
}

/** The tsquery and every word in it (for the search keys that must all be present). */
function queryTerms(query: string): { tsquery: string; words: string[] } {
  const terms: string[] = [];
  const all: string[] = [];
  for (const match of query.matchAll(/"([^"]*)"?|(\S+)/g)) {
    const words = foldedWords(match[1] ?? match[2] ?? "");
    if (words.length === 0) continue;
    all.push(...words);
    const prefix = (words[words.length - 1]?.length ?? 0) > 1 ? ":*" : "";
    const phrase = words.map((w) => `'${w}'`).join(" <-> ");
    terms.push(words.length > 1 ? `(${phrase}${prefix})` : `${phrase}${prefix}`);
  }
  if (terms.length === 0)
    throw new SichterError(ErrorCode.QUERY_INVALID, { detail: `no searchable words in "${query}"` });
  return { tsquery: terms.join(" & "), words: all };
}

/**
 * Ranked search, shaped like SQLite's: the newest matching texts that pass the filters are ranked
 * and grouped per clip; only the returned clips' texts are joined to tags, OCR lines and clips.
 *
 * The newest matches are found without reading every match: every word of the query (a prefix or
 * not) must begin one of the text's words, so the text holds the key made of the word's first
 * letters (schema step 4); status and folder filters are keys too. The GIN index on the keys gives
 * the texts that hold all of them, and `tsv @@ query` decides. The texts are read in id ranges,
 * newest first (RANGES), until the candidates are complete: the newest range text by text, where a
 * common word's candidates are found without reading its long list of keys; the next ones by keys
 * and id together; the rest by keys. A rare word costs a few short index lookups more, and no
 * search fetches and sorts tens of thousands of rows. First one round trip for the query's keys (as
 * PostgreSQL folds the words) and the newest text's id, so the ranges and keys reach the planner as
 * values it can estimate.
 */
export async function searchPostgres(
  db: Queryable,
  query: string,
  filters: SearchFilters = {},
  /** Tests: read all matches in one range, the plain form the ranges must answer alike. */
  options: { readonly oneRange?: boolean } = {},
): Promise<SearchResult[]> {
  const { tsquery, words } = queryTerms(query);
  const limit = checkLimit(filters.limit);
  const candidates = Math.max(CANDIDATES, limit * CANDIDATES_PER_RESULT);
  const statuses = checkList("status", filters.statuses, TagStatus.options) ?? ["suggested", "accepted"];
  const sources = checkList("source", filters.sources, TagSource.options);
  const since = filters.analysedSince !== undefined ? checkSince(filters.analysedSince) : undefined;

  const head = await db.query<{ top: number | null; keys: string[] }>(
    `SELECT (SELECT max(id) FROM search_docs) AS top,
            ARRAY(SELECT DISTINCT CASE WHEN length(l) = 1 THEN l ELSE left(l, ${SEARCH_KEY_LENGTH}) END
                  FROM unnest(tsvector_to_array(to_tsvector('sichter_folded', $1))) AS l) AS keys`,
    [words.join(" ")],
  );
  const top = Number(head.rows[0]?.top ?? 0);
  const keys = [...(head.rows[0]?.keys ?? [])];
  if (statuses.length === 1) keys.push(`:s${statuses[0]}`);
  const folder = filters.pathPrefix ? enclosingFolder(filters.pathPrefix) : undefined;
  const folderKey = folder && `:f${createHash("md5").update(folder).digest("hex")}`;
  if (folderKey) keys.push(folderKey);

  const params: unknown[] = [tsquery, statuses, candidates, limit];
  const where = ["d.tsv @@ to_tsquery('sichter_folded', $1)", "d.status = ANY($2::text[])"];
  if (sources) {
    params.push(sources);
    where.push(`d.source = ANY($${params.length}::text[])`);
  }
  if (folderKey) {
    // Also checked on its own: the newest range is read without the keys.
    params.push([folderKey]);
    where.push(`d.folders @> $${params.length}::text[]`);
  }
  if (since !== undefined) {
    params.push(since);
    where.push(`d.analysed >= $${params.length}::timestamptz`);
  }
  let clipJoin = "";
  if (filters.pathPrefix && folder !== filters.pathPrefix) {
    params.push(filters.pathPrefix);
    // starts_with is an exact prefix test: % and _ in folder names are not wildcards.
    where.push(`starts_with(c.path, $${params.length})`);
    clipJoin = "JOIN clips c ON c.id = d.clip_id";
  }

  // Lower ends (exclusive) of the id ranges, newest first; the last range has none.
  const lows = options.oneRange ? [] : RANGES.map((width) => top - width * candidates).filter((low) => low > 0);
  if (lows.length > 0) params.push(keys);
  const keyCheck = `sichter_search_keys(d.words, d.status, d.folders) @> $${params.length}::text[]`;
  const ranges = [...lows, undefined].map((low, k) => {
    const high = k > 0 ? lows[k - 1] : undefined;
    const bounds = [
      ...(low !== undefined ? [`d.id > ${low}`] : []),
      // The oldest range is most of the archive: its bound is checked on the rows the keys give
      // (id + 0 keeps the planner from reading the primary key's whole range for a bitmap).
      ...(high !== undefined ? [low !== undefined ? `d.id <= ${high}` : `d.id + 0 <= ${high}`] : []),
    ];
    // A range is read only while the ranges before it found fewer than the candidates.
    const before =
      k > 0
        ? [
            `(SELECT count(*) FROM (${Array.from({ length: k }, (_, j) => `SELECT 1 FROM r${j}`).join(" UNION ALL ")}) n) < $3`,
          ]
        : [];
    // The newest range is read text by text (at most RANGES[0] times the candidates): a common
    // word's candidates are there, and reading its keys' long posting list would cost more.
    return `r${k} AS MATERIALIZED (
       SELECT d.id, d.clip_id, d.tsv FROM search_docs d ${clipJoin}
       WHERE ${[...before, ...(k > 0 ? [keyCheck] : []), ...where, ...bounds].join(" AND ")}
       ORDER BY d.id DESC
       LIMIT $3)`;
  });
  const { rows } = await db.query<HitRow>(
    `WITH ${ranges.join(",\n")},
     candidates AS MATERIALIZED (
       SELECT m.id AS doc_id, m.clip_id, ts_rank(m.tsv, to_tsquery('sichter_folded', $1), 1) * ${RANK_SCALE} AS rank
       FROM (${ranges.map((_, k) => `SELECT * FROM r${k}`).join(" UNION ALL ")}) m
       ORDER BY m.id DESC
       LIMIT $3),
     top AS (
       SELECT clip_id, max(rank) + ${MORE_HITS_WEIGHT} * ln(count(*)) AS score FROM candidates
       GROUP BY clip_id
       ORDER BY 2 DESC, clip_id
       LIMIT $4)
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
