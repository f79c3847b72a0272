import pg from "pg";
import type { Shot, TagSet } from "@sichter/shared/model";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";
import type {
  AnalysisRun,
  AnalysisToRecord,
  AnalyzerVersion,
  Catalog,
  RecordOptions,
  RecordResult,
  SearchFilters,
  SearchResult,
  StoredClip,
  StoredKeyframe,
  StoredTag,
  TagDecision,
  UserTag,
} from "../Catalog.ts";
import {
  toAnalysisRun,
  toShot,
  toStoredClip,
  toStoredTag,
  type ClipRow,
  type RunRow,
  type ShotRow,
  type TagRow,
} from "../rows.ts";
import { validateAnalysis } from "../validateAnalysis.ts";
import { postgresConnection } from "./postgresConnection.ts";
import { migratePostgres } from "./postgresMigrations.ts";
import { recordAnalysisPostgres } from "./postgresRecordAnalysis.ts";
import { CLIP_COLUMNS, RUN_COLUMNS, TAG_COLUMNS, type Queryable } from "./postgresRows.ts";
import { searchPostgres } from "./postgresSearch.ts";
import { readThumbnailPostgres } from "./postgresThumbnails.ts";
import { addUserTagPostgres, reviewTagPostgres } from "./postgresTagDecisions.ts";

/**
 * The newsroom catalog: one PostgreSQL database that every editor's engine, the command line and
 * the workers share (`SICHTER_CATALOG=postgres://…`). The same interface and the same answers as
 * the SQLite catalog; every write is one transaction, and writers of one clip queue on its row.
 */
export class PostgresCatalog implements Catalog {
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly pool: pg.Pool,
    /** The URL without its password. */
    readonly path: string,
  ) {}

  /** Connects, migrates (or refuses a foreign or too-new schema) and returns the catalog. */
  static async open(url: string): Promise<PostgresCatalog> {
    const { config, display } = postgresConnection(url);
    const pool = new pg.Pool(config);
    // An idle connection the server dropped must not crash the engine; the next query reconnects.
    pool.on("error", () => {});
    try {
      await migratePostgres(pool, display);
    } catch (error) {
      await pool.end().catch(() => {});
      throw wrap(error, display);
    }
    return new PostgresCatalog(pool, display);
  }

  async recordAnalysis(
    tagSet: TagSet,
    analyzers: readonly AnalyzerVersion[],
    options: RecordOptions = {},
  ): Promise<RecordResult> {
    return (await this.recordAnalyses([{ tagSet, analyzers, options }]))[0]!;
  }

  async recordAnalyses(items: readonly AnalysisToRecord[]): Promise<RecordResult[]> {
    for (const item of items) validateAnalysis(item.tagSet, item.options);
    // The pictures go into the database with the rest (postgresThumbnails): no file to clean up after a rollback.
    return this.transaction(async (db) => {
      const out: RecordResult[] = [];
      for (const item of items)
        out.push(await recordAnalysisPostgres(db, item.tagSet, item.analyzers, item.options ?? {}));
      return out;
    });
  }

  /** A keyframe's picture by the name `keyframes()` gives (every editor's engine serves it from here). */
  async thumbnail(name: string): Promise<Buffer | undefined> {
    return this.read((db) => readThumbnailPostgres(db, name));
  }

  async reviewTag(
    tagId: number,
    decision: TagDecision,
    decidedAt: string = new Date().toISOString(),
  ): Promise<StoredTag> {
    return this.transaction((db) => reviewTagPostgres(db, tagId, decision, decidedAt));
  }

  async addUserTag(clipId: number, tag: UserTag): Promise<StoredTag> {
    return this.transaction((db) => addUserTagPostgres(db, clipId, tag, new Date().toISOString()));
  }

  async clip(clipId: number): Promise<StoredClip> {
    return this.read((db) => this.clipOn(db, clipId));
  }

  async findClip(path: string): Promise<StoredClip | undefined> {
    const row = await this.read(
      async (db) => (await db.query<ClipRow>(`SELECT ${CLIP_COLUMNS} FROM clips WHERE path = $1`, [path])).rows[0],
    );
    return row && toStoredClip(row);
  }

  async tags(clipId: number): Promise<StoredTag[]> {
    return this.read(async (db) => {
      await this.clipOn(db, clipId);
      return (
        await db.query<TagRow>(`SELECT ${TAG_COLUMNS} FROM tags WHERE clip_id = $1 ORDER BY start_frame, id`, [clipId])
      ).rows.map(toStoredTag);
    });
  }

  async keyframes(clipId: number): Promise<StoredKeyframe[]> {
    return this.read(async (db) => {
      await this.clipOn(db, clipId);
      const sql =
        "SELECT shot_index AS shot, frame, timecode, seconds, hash, thumbnail FROM keyframes WHERE clip_id = $1 ORDER BY frame";
      return (await db.query<StoredKeyframe>(sql, [clipId])).rows;
    });
  }

  async shots(clipId: number): Promise<Shot[]> {
    return this.read(async (db) => {
      await this.clipOn(db, clipId);
      const sql = `SELECT shot_index, start_frame, end_frame, transition_type, transition_start, transition_end
                   FROM shots WHERE clip_id = $1 ORDER BY shot_index`;
      return (await db.query<ShotRow>(sql, [clipId])).rows.map(toShot);
    });
  }

  async runs(clipId: number): Promise<AnalysisRun[]> {
    return this.read(async (db) => {
      await this.clipOn(db, clipId);
      return (
        await db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM analysis_runs WHERE clip_id = $1 ORDER BY id`, [clipId])
      ).rows.map(toAnalysisRun);
    });
  }

  async search(query: string, filters?: SearchFilters): Promise<SearchResult[]> {
    return this.read((db) => searchPostgres(db, query, filters));
  }

  /** One transaction for the engine's own tools that write beyond one analysis (`sichter catalog migrate`). */
  withTransaction<T>(fn: (db: Queryable) => Promise<T>): Promise<T> {
    return this.transaction(fn);
  }

  /** Ends the pool's connections; `dispose` starts this without waiting. */
  close(): Promise<void> {
    this.closing ??= this.pool.end().catch(() => {});
    return this.closing;
  }

  dispose(): void {
    void this.close();
  }

  private async clipOn(db: Queryable, clipId: number): Promise<StoredClip> {
    const row = (await db.query<ClipRow>(`SELECT ${CLIP_COLUMNS} FROM clips WHERE id = $1`, [clipId])).rows[0];
    if (!row) throw new SichterError(ErrorCode.NOT_IN_CATALOG, { what: `clip ${clipId}` });
    return toStoredClip(row);
  }

  private async read<T>(fn: (db: Queryable) => Promise<T>): Promise<T> {
    this.checkOpen();
    try {
      return await fn(this.pool);
    } catch (error) {
      throw wrap(error, this.path);
    }
  }

  /** One transaction on one connection; a lost connection rolls it back on the server. */
  private async transaction<T>(fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    this.checkOpen();
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw wrap(error, this.path);
    }
    let broken = false;
    // A connection that dies while checked out reports here as well as to the query it failed.
    const onError = (): void => {
      broken = true;
    };
    client.on("error", onError);
    try {
      await client.query("BEGIN");
      const result = await fn(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      try {
        await client.query("ROLLBACK");
      } catch {
        broken = true;
      }
      throw wrap(error, this.path);
    } finally {
      client.off("error", onError);
      client.release(broken);
    }
  }

  private checkOpen(): void {
    if (this.closing)
      throw new SichterError(ErrorCode.CATALOG_UNAVAILABLE, { path: this.path, detail: "the catalog was closed" });
  }
}

/** Our own errors pass through; a server or network failure gets CATALOG_UNAVAILABLE with its message. */
function wrap(error: unknown, display: string): unknown {
  if (error instanceof SichterError) return error;
  const detail =
    error instanceof Error ? error.message || String((error as NodeJS.ErrnoException).code ?? error) : String(error);
  return new SichterError(ErrorCode.CATALOG_UNAVAILABLE, { path: display, detail }, { cause: error });
}
