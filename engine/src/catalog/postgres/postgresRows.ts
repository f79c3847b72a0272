import type pg from "pg";

/**
 * Select lists that give rows in the shapes SQLite returns (rows.ts), so both backends share one
 * mapping to the catalog's types: booleans as 0/1, JSON as text, times as ISO strings (the pool's
 * type parser), ids as numbers.
 */
export const CLIP_COLUMNS = `id, path, fingerprint, size_bytes, mtime, frame_rate, drop_frame::int AS drop_frame, start_timecode,
  frame_count, duration_seconds, width, height, description, first_seen, last_analysed`;

export const TAG_COLUMNS = `id, clip_id, label, kind, language, source, confidence, start_frame, end_frame, status,
  provenance::text AS provenance, decided_at`;

export const RUN_COLUMNS = "id, clip_id, started_at, finished_at, status, analyzers::text AS analyzers";

/** Something to run statements on: one connection, inside or outside a transaction. */
export type Queryable = Pick<pg.PoolClient, "query">;

/**
 * Reserves `count` ids of a table's identity, so rows and the rows that point at them (a tag and
 * its search text) are written in one statement each instead of one round trip per row.
 */
export async function allocateIds(
  db: Queryable,
  table: "tags" | "ocr_text" | "search_docs",
  count: number,
): Promise<number[]> {
  if (count === 0) return [];
  const { rows } = await db.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence($1, 'id'))::bigint AS id FROM generate_series(1, $2)`,
    [table, count],
  );
  return rows.map((r) => r.id);
}
