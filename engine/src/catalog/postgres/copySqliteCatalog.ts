import type { Database } from "better-sqlite3";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";
import { searchWords } from "./postgresRecordAnalysis.ts";
import type { Queryable } from "./postgresRows.ts";

/** How many rows of each table were copied. */
export type CopiedRows = Record<(typeof TABLES)[number]["name"], number>;

interface TableCopy {
  readonly name: "clips" | "analysis_runs" | "shots" | "keyframes" | "tags" | "ocr_text";
  /** Column, and the PostgreSQL array type its values travel in. */
  readonly columns: ReadonlyArray<readonly [string, string]>;
  /** SQLite's value as PostgreSQL takes it (0/1 to boolean). */
  readonly convert?: Readonly<Record<string, (value: unknown) => unknown>>;
  readonly order: string;
  /** Whether the table has an identity to move past the copied ids. */
  readonly identity: boolean;
}

/** Parents before children, so every foreign key finds its row. Ids are kept: thumbnails are named by clip and run id. */
const TABLES = [
  {
    name: "clips",
    columns: [
      ["id", "bigint"],
      ["path", "text"],
      ["fingerprint", "text"],
      ["size_bytes", "bigint"],
      ["mtime", "timestamptz"],
      ["frame_rate", "text"],
      ["drop_frame", "boolean"],
      ["start_timecode", "text"],
      ["frame_count", "int"],
      ["duration_seconds", "float8"],
      ["width", "int"],
      ["height", "int"],
      ["description", "text"],
      ["first_seen", "timestamptz"],
      ["last_analysed", "timestamptz"],
    ],
    convert: { drop_frame: (v) => v === 1 },
    order: "id",
    identity: true,
  },
  {
    name: "analysis_runs",
    columns: [
      ["id", "bigint"],
      ["clip_id", "bigint"],
      ["started_at", "timestamptz"],
      ["finished_at", "timestamptz"],
      ["status", "text"],
      ["analyzers", "jsonb"],
    ],
    order: "id",
    identity: true,
  },
  {
    name: "shots",
    columns: [
      ["clip_id", "bigint"],
      ["shot_index", "int"],
      ["start_frame", "int"],
      ["end_frame", "int"],
      ["transition_type", "text"],
      ["transition_start", "int"],
      ["transition_end", "int"],
    ],
    order: "clip_id, shot_index",
    identity: false,
  },
  {
    name: "keyframes",
    columns: [
      ["id", "bigint"],
      ["clip_id", "bigint"],
      ["shot_index", "int"],
      ["frame", "int"],
      ["timecode", "text"],
      ["seconds", "float8"],
      ["hash", "text"],
      ["thumbnail", "text"],
    ],
    order: "id",
    identity: true,
  },
  {
    name: "tags",
    columns: [
      ["id", "bigint"],
      ["clip_id", "bigint"],
      ["run_id", "bigint"],
      ["label", "text"],
      ["kind", "text"],
      ["language", "text"],
      ["source", "text"],
      ["confidence", "float8"],
      ["start_frame", "int"],
      ["end_frame", "int"],
      ["status", "text"],
      ["provenance", "jsonb"],
      ["created_at", "timestamptz"],
      ["decided_at", "timestamptz"],
    ],
    order: "id",
    identity: true,
  },
  {
    name: "ocr_text",
    columns: [
      ["id", "bigint"],
      ["clip_id", "bigint"],
      ["start_frame", "int"],
      ["end_frame", "int"],
      ["text", "text"],
    ],
    order: "id",
    identity: true,
  },
] as const satisfies readonly TableCopy[];

const PAGE = 5000;

/**
 * Copies a single editor's SQLite catalog into an empty newsroom catalog on PostgreSQL, in the
 * caller's transaction (all or nothing): every clip, run, shot, keyframe, tag with its decision
 * and OCR line keeps its id and values; the search index is built from them on the server. A
 * target that already holds clips is refused rather than merged: two catalogs' ids would collide.
 */
export async function copySqliteCatalog(
  source: Database,
  target: Queryable,
  targetName: string,
  onTable: (table: string, rows: number) => void = () => {},
): Promise<CopiedRows> {
  const existing = await target.query<{ n: number }>("SELECT count(*)::int AS n FROM clips");
  if (existing.rows[0]!.n > 0) {
    throw new SichterError(ErrorCode.CATALOG_UNAVAILABLE, {
      path: targetName,
      detail: `it already holds ${existing.rows[0]!.n} clips; a catalog is moved into an empty database only`,
    });
  }
  const copied = {} as CopiedRows;
  for (const table of TABLES as readonly TableCopy[]) {
    const names = table.columns.map(([c]) => c);
    const read = source.prepare(
      `SELECT ${names.join(", ")} FROM ${table.name} ORDER BY ${table.order} LIMIT ? OFFSET ?`,
    );
    const statement = insertStatement(table, names);
    let count = 0;
    for (let offset = 0; ; offset += PAGE) {
      const rows = read.all(PAGE, offset) as Array<Record<string, unknown>>;
      if (rows.length === 0) break;
      const columns = names.map((name) => rows.map((row) => (table.convert?.[name] ?? same)(row[name])));
      await target.query(statement, columns);
      count += rows.length;
    }
    if (table.identity && count > 0) {
      await target.query(
        `SELECT setval(pg_get_serial_sequence('${table.name}', 'id'), (SELECT max(id) FROM ${table.name}))`,
      );
    }
    copied[table.name] = count;
    onTable(table.name, count);
  }
  await indexCopiedTexts(target);
  return copied;
}

const same = (value: unknown): unknown => value;

/** One statement per page: each column travels as one array; jsonb as text, cast per row. */
function insertStatement(table: TableCopy, names: readonly string[]): string {
  const select = table.columns.map(([c, type]) => (type === "jsonb" ? `${c}::jsonb` : c)).join(", ");
  const unnest = table.columns.map(([, type], i) => `$${i + 1}::${type === "jsonb" ? "text" : type}[]`).join(", ");
  return `INSERT INTO ${table.name} (${names.join(", ")}) SELECT ${select} FROM unnest(${unnest}) AS t (${names.join(", ")})`;
}

/** The search texts of the copied tags, OCR lines and descriptions, folded as every write folds them. */
async function indexCopiedTexts(target: Queryable): Promise<void> {
  const texts = [
    {
      sql: "SELECT id, clip_id, label AS text, source, status FROM tags WHERE id > $1 ORDER BY id LIMIT $2",
      column: "tag_id",
    },
    {
      sql: "SELECT id, clip_id, text, 'ocr' AS source, 'suggested' AS status FROM ocr_text WHERE id > $1 ORDER BY id LIMIT $2",
      column: "ocr_id",
    },
    {
      sql: "SELECT id, id AS clip_id, description AS text, 'description' AS source, 'suggested' AS status FROM clips WHERE description IS NOT NULL AND id > $1 ORDER BY id LIMIT $2",
      column: null,
    },
  ] as const;
  for (const { sql, column } of texts) {
    for (let last = 0; ;) {
      const { rows } = await target.query<{
        id: number;
        clip_id: number;
        text: string;
        source: string;
        status: string;
      }>(sql, [last, PAGE]);
      if (rows.length === 0) break;
      const keys = column ? `, ${column}` : "";
      const values = column ? ", $5::bigint[]" : "";
      await target.query(
        `INSERT INTO search_docs (clip_id, source, status, words${keys})
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]${values})`,
        [
          rows.map((r) => r.clip_id),
          rows.map((r) => r.source),
          rows.map((r) => r.status),
          rows.map((r) => searchWords(r.text)),
          ...(column ? [rows.map((r) => r.id)] : []),
        ],
      );
      last = rows[rows.length - 1]!.id;
    }
  }
}
