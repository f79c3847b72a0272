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
import { SEARCH_BUCKET_BITS, SEARCH_KEY_LENGTH } from "./postgresMigrations.ts";
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
 * The newest buckets are read in groups of 2, 2, 4, 8, … buckets, each group only while the ones
 * before it found fewer than the candidates. A word so rare that the first group's matches
 * extrapolate to fewer than SPARSE_CANDIDATES times the candidates in the whole catalog skips the
 * groups and reads the older texts by keys alone: a group reads its buckets' posting lists (about
 * 0.1 ms a bucket), which costs more than fetching a rare word's few texts, and less than fetching
 * the texts of a common word's older buckets that the candidates do not need.
 */
const FIRST_GROUP = 2;
const MONTH_KEYS = 36;
/** The keys index's expression (schema step 5). */
const INDEXED = "sichter_search_keys(d.words, d.status, d.folders, d.id, d.source, d.analysed)";
const SPARSE_CANDIDATES = 2;

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
 * letters (schema step 4); status and folder filters are keys too, and so is the text's id bucket
 * (step 5). The texts are read newest bucket first, in groups of buckets (BUCKET_GROUPS), each group
 * only while the ones before it found fewer than the candidates: GIN gives the texts that hold all
 * the keys and one of the group's buckets, and `tsv @@ query` decides. A common word stops after
 * its newest bucket or two; a rare one costs a few short index lookups more. First one round trip
 * for the query's keys (as PostgreSQL folds the words) and the newest text's id.
 */
export async function searchPostgres(
  db: Queryable,
  query: string,
  filters: SearchFilters = {},
  /** Tests: read all matches text by text, without the keys, the plain form the keys must answer alike. */
  options: { readonly oneRange?: boolean } = {},
): Promise<SearchResult[]> {
  const { tsquery, words } = queryTerms(query);
  const limit = checkLimit(filters.limit);
  const candidates = Math.max(CANDIDATES, limit * CANDIDATES_PER_RESULT);
  const statuses = checkList("status", filters.statuses, TagStatus.options) ?? ["suggested", "accepted"];
  const sources = checkList("source", filters.sources, TagSource.options);
  const since = filters.analysedSince !== undefined ? checkSince(filters.analysedSince) : undefined;

  const head = await db.query<{ top: number | null; newest: string | null; keys: string[] }>(
    `SELECT (SELECT max(id) FROM search_docs) AS top, (SELECT max(last_analysed) FROM clips) AS newest,
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
  // The keys narrow the texts down through the index; the conditions above still decide.
  const keyChecks: string[] = [];
  const indexKeys = (operator: "@>" | "&&", values: readonly string[]): void => {
    params.push(values);
    keyChecks.push(`${INDEXED} ${operator} $${params.length}::text[]`);
  };
  if (options.oneRange) {
    if (folderKey) {
      // The plain form checks the folder without the index.
      params.push([folderKey]);
      where.push(`d.folders @> $${params.length}::text[]`);
    }
  } else {
    indexKeys("@>", keys);
    if (sources)
      indexKeys(
        "&&",
        sources.map((source) => `:o${source}`),
      );
    const months = since !== undefined ? monthKeys(since, head.rows[0]?.newest ?? null) : undefined;
    if (months) indexKeys("&&", months);
  }

  const readTexts = (conditions: readonly string[]): string =>
    `SELECT d.id, d.clip_id, d.tsv FROM search_docs d ${clipJoin}
     WHERE ${conditions.join(" AND ")}
     ORDER BY d.id DESC
     LIMIT $3`;
  const ranges = options.oneRange
    ? [readTexts(where)]
    : newestFirst(readTexts, bucketGroups(top), top, [...keyChecks, ...where]);
  const named = ranges.map((read, k) => `r${k} AS MATERIALIZED (${read})`);
  const { rows } = await db.query<HitRow>(
    `WITH ${named.join(",\n")},
     candidates AS MATERIALIZED (
       SELECT m.id AS doc_id, m.clip_id, ts_rank(m.tsv, to_tsquery('sichter_folded', $1), 1) * ${RANK_SCALE} AS rank
       FROM (${ranges.map((_, k) => `SELECT * FROM r${k}`).join(" UNION ALL ")}) m
       ORDER BY m.id DESC
       LIMIT $3),
     -- Scored and placed per clip by window functions, not a join back to the candidates: the
     -- planner cannot know how many candidates the buckets give, and on a guess of a few it joined
     -- all 1,000 to texts and clips before it kept the best clips' (10 of a search's 40 ms).
     scored AS MATERIALIZED (
       SELECT doc_id, clip_id, rank, max(rank) OVER clip + ${MORE_HITS_WEIGHT} * ln(count(*) OVER clip) AS score
       FROM candidates
       WINDOW clip AS (PARTITION BY clip_id)),
     placed AS MATERIALIZED (
       SELECT *, dense_rank() OVER (ORDER BY score DESC, clip_id) AS place FROM scored)
     SELECT m.clip_id, m.score,
            c.path, c.frame_rate, c.drop_frame::int AS drop_frame, c.start_timecode, c.frame_count, c.description,
            d.tag_id, t.label, t.source, t.status, t.start_frame AS t_start, t.end_frame AS t_end,
            d.ocr_id, o.text, o.start_frame AS o_start, o.end_frame AS o_end
     FROM placed m
     JOIN search_docs d ON d.id = m.doc_id
     JOIN clips c ON c.id = m.clip_id
     LEFT JOIN tags t ON t.id = d.tag_id
     LEFT JOIN ocr_text o ON o.id = d.ocr_id
     WHERE m.place <= $4
     ORDER BY m.rank DESC, d.id`,
    params,
  );
  return toSearchResults(rows, filters.pathPrefix);
}

/**
 * The reads of the texts: the groups of buckets newest first, each while the ones before it found
 * fewer than the candidates; a rare word's older texts by keys alone.
 */
function newestFirst(
  readTexts: (conditions: readonly string[]) => string,
  groups: ReadonlyArray<{ buckets: readonly string[]; low: number }>,
  top: number,
  conditions: readonly string[],
): string[] {
  const found = (k: number): string =>
    `(SELECT count(*) FROM (${Array.from({ length: k }, (_, j) => `SELECT 1 FROM r${j}`).join(" UNION ALL ")}) n)`;
  // Matches in the first group, times how often its ids fit into the catalog's.
  const first = groups[0]!;
  const dense = `${found(1)} * ${(top + 1) / (top + 1 - first.low)} >= ${SPARSE_CANDIDATES} * $3`;
  return [
    ...groups.map((group, k) =>
      readTexts([
        ...(k > 0 ? [`${found(k)} < $3`, dense] : []),
        `${INDEXED} && '{${group.buckets.join(",")}}'::text[]`,
        ...conditions,
      ]),
    ),
    // The id + 0 keeps the planner from the primary key's bitmap.
    readTexts([`NOT ${dense}`, `d.id + 0 < ${first.low}`, ...conditions]),
  ];
}

/**
 * The month keys (':m' + YYYYMM) of a date filter: from its month to the newest analysis's (or
 * this month, if later). None past MONTH_KEYS months: each key is a posting list the index
 * merges, and a filter that wide passes most texts anyway.
 */
export function monthKeys(since: string, newest: string | null): string[] | undefined {
  const month = (iso: string): number => {
    const date = new Date(iso);
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  };
  const from = month(since);
  const to = Math.max(month(new Date().toISOString()), newest ? month(newest) : 0);
  if (to - from + 1 > MONTH_KEYS) return undefined;
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => {
    const m = from + k;
    return `:m${Math.floor(m / 12) * 100 + (m % 12) + 1}`;
  });
}

/**
 * The id buckets to read, newest first: FIRST_GROUP of the smallest buckets, as many again, then
 * about twice as many each time, each group named by a few bucket keys (the largest bucket that
 * ends where the group has got to and is no larger than the group is meant to be, until the group
 * is as large; it may grow to twice that). low: the group's lowest id.
 */
export function bucketGroups(top: number): Array<{ buckets: string[]; low: number }> {
  const [fine] = SEARCH_BUCKET_BITS;
  const groups: Array<{ buckets: string[]; low: number }> = [];
  // Positions count the smallest buckets; q is the newest one not yet in a group.
  for (let q = Math.floor(top / 2 ** fine), size = FIRST_GROUP; q >= 0; size *= groups.length > 1 ? 2 : 1) {
    const buckets: string[] = [];
    for (let covered = 0; covered < size && q >= 0;) {
      const bits = [...SEARCH_BUCKET_BITS].reverse().find((b) => {
        const span = 2 ** (b - fine);
        return (q + 1) % span === 0 && span <= size;
      })!;
      const span = 2 ** (bits - fine);
      buckets.push(`:b${bits}-${(q + 1) / span - 1}`);
      q -= span;
      covered += span;
    }
    groups.push({ buckets, low: (q + 1) * 2 ** fine });
  }
  return groups;
}
