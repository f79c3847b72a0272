import type { Database } from "better-sqlite3";
import type { Shot, TagSet } from "@sichter/shared/model";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";
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
} from "./Catalog.ts";
import { defaultCatalogPath, thumbnailsFolderOf } from "./catalogPath.ts";
import { MIGRATIONS } from "./migrations.ts";
import { openCatalogDatabase } from "./openCatalogDatabase.ts";
import { recordAnalysis } from "./recordAnalysis.ts";
import {
  toAnalysisRun,
  toShot,
  toStoredClip,
  toStoredTag,
  type ClipRow,
  type RunRow,
  type ShotRow,
  type TagRow,
} from "./rows.ts";
import { searchCatalog } from "./searchCatalog.ts";
import { SearchIndex } from "./searchIndex.ts";
import { StatementCache } from "./StatementCache.ts";
import { ThumbnailStore } from "./ThumbnailStore.ts";
import { addUserTag, reviewTag } from "./tagDecisions.ts";
import { validateAnalysis } from "./validateAnalysis.ts";
import { sqliteFailure } from "./sqliteFailure.ts";

export interface SqliteCatalogOptions {
  /** Where keyframe thumbnails live (default: `thumbs` beside the catalog file). */
  readonly thumbnails?: string;
  /** Hears what opening repaired (a -shm or -wal made read-only by an earlier start). */
  readonly warn?: (message: string) => void;
}

/**
 * The single-editor catalog: one SQLite file in WAL mode, written through better-sqlite3's
 * synchronous API (every write is one short transaction; no await inside, so nothing interleaves).
 * Several processes may open the same file: readers see the last commit, writers queue on the lock.
 */
export class SqliteCatalog implements Catalog {
  private readonly sql: StatementCache;
  private readonly index: SearchIndex;
  private closed = false;

  private constructor(
    private readonly db: Database,
    readonly path: string,
    private readonly thumbnails: ThumbnailStore,
  ) {
    this.sql = new StatementCache(db);
    this.index = new SearchIndex(this.sql);
  }

  /**
   * Opens or creates the catalog at `file` (default `<data>/catalog.sqlite`) and migrates it.
   * Refuses one that cannot be written (CATALOG_READ_ONLY, naming each file and its fix).
   */
  static open(file: string = defaultCatalogPath(), options: SqliteCatalogOptions = {}): SqliteCatalog {
    const db = openCatalogDatabase(file, MIGRATIONS, options.warn);
    return new SqliteCatalog(db, file, new ThumbnailStore(options.thumbnails ?? thumbnailsFolderOf(file)));
  }

  async recordAnalysis(
    tagSet: TagSet,
    analyzers: readonly AnalyzerVersion[],
    options: RecordOptions = {},
  ): Promise<RecordResult> {
    return this.recordAnalysesNow([{ tagSet, analyzers, options }])[0]!;
  }

  async recordAnalyses(items: readonly AnalysisToRecord[]): Promise<RecordResult[]> {
    return this.recordAnalysesNow(items);
  }

  /**
   * The synchronous core: one better-sqlite3 transaction with no await inside. The promise-returning
   * methods above only wrap it, so a SQLite catalog still never interleaves two writes.
   */
  private recordAnalysesNow(items: readonly AnalysisToRecord[]): RecordResult[] {
    for (const item of items) validateAnalysis(item.tagSet, item.options);
    // Thumbnails are files, outside the transaction's reach: copied in under the write lock,
    // removed again if it rolls back, and the replaced ones removed only once it committed.
    const thumbnails = this.thumbnails.begin();
    let results: RecordResult[];
    try {
      results = this.write(() =>
        items.map((item) =>
          recordAnalysis(this.sql, this.index, item.tagSet, item.analyzers, item.options ?? {}, thumbnails),
        ),
      );
    } catch (error) {
      thumbnails.rolledBack();
      throw error;
    }
    thumbnails.committed((names) => this.referencedThumbnails(names));
    return results;
  }

  async reviewTag(
    tagId: number,
    decision: TagDecision,
    decidedAt: string = new Date().toISOString(),
  ): Promise<StoredTag> {
    return this.write(() => reviewTag(this.sql, this.index, tagId, decision, decidedAt));
  }

  async addUserTag(clipId: number, tag: UserTag): Promise<StoredTag> {
    return this.write(() => addUserTag(this.sql, this.index, clipId, tag, new Date().toISOString()));
  }

  async clip(clipId: number): Promise<StoredClip> {
    return this.clipNow(clipId);
  }

  private clipNow(clipId: number): StoredClip {
    const row = this.read(() => this.sql.get<ClipRow>("SELECT * FROM clips WHERE id = ?").get(clipId));
    if (!row) throw new SichterError(ErrorCode.NOT_IN_CATALOG, { what: `clip ${clipId}` });
    return toStoredClip(row);
  }

  async findClip(path: string): Promise<StoredClip | undefined> {
    const row = this.read(() => this.sql.get<ClipRow>("SELECT * FROM clips WHERE path = ?").get(path));
    return row && toStoredClip(row);
  }

  async tags(clipId: number): Promise<StoredTag[]> {
    this.clipNow(clipId);
    const rows = this.read(() =>
      this.sql.get<TagRow>("SELECT * FROM tags WHERE clip_id = ? ORDER BY start_frame, id").all(clipId),
    );
    return rows.map(toStoredTag);
  }

  async keyframes(clipId: number): Promise<StoredKeyframe[]> {
    this.clipNow(clipId);
    return this.read(() =>
      this.sql
        .get<StoredKeyframe>(
          "SELECT shot_index AS shot, frame, timecode, seconds, hash, thumbnail FROM keyframes WHERE clip_id = ? ORDER BY frame",
        )
        .all(clipId),
    );
  }

  async shots(clipId: number): Promise<Shot[]> {
    this.clipNow(clipId);
    const rows = this.read(() =>
      this.sql
        .get<ShotRow>(
          "SELECT shot_index, start_frame, end_frame, transition_type, transition_start, transition_end FROM shots WHERE clip_id = ? ORDER BY shot_index",
        )
        .all(clipId),
    );
    return rows.map(toShot);
  }

  async runs(clipId: number): Promise<AnalysisRun[]> {
    this.clipNow(clipId);
    const rows = this.read(() =>
      this.sql.get<RunRow>("SELECT * FROM analysis_runs WHERE clip_id = ? ORDER BY id").all(clipId),
    );
    return rows.map(toAnalysisRun);
  }

  async search(query: string, filters?: SearchFilters): Promise<SearchResult[]> {
    return this.read(() => searchCatalog(this.sql, query, filters));
  }

  /** Which of these stored thumbnail names a keyframe still points at. */
  private referencedThumbnails(names: readonly string[]): Set<string> {
    const referenced = this.sql.get<{ n: number }>("SELECT count(*) AS n FROM keyframes WHERE thumbnail = ?");
    return new Set(this.read(() => names.filter((name) => referenced.get(name)!.n > 0)));
  }

  /**
   * The open connection, for the engine's own stores that keep their tables in the catalog file
   * (the job queue, the usage ledger: `new UsageLedger(catalog.database)`), so they share its
   * migrations, WAL and lock instead of opening a second file.
   * Not for callers outside the engine: they go through the Catalog interface.
   */
  get database(): Database {
    this.checkOpen();
    return this.db;
  }

  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  /** IMMEDIATE: take the write lock up front, so a concurrent writer waits instead of failing mid-way. */
  private write<T>(fn: () => T): T {
    this.checkOpen();
    try {
      return this.db.transaction(fn).immediate();
    } catch (error) {
      throw this.wrap(error);
    }
  }

  private read<T>(fn: () => T): T {
    this.checkOpen();
    try {
      return fn();
    } catch (error) {
      throw this.wrap(error);
    }
  }

  private checkOpen(): void {
    if (this.closed) {
      throw new SichterError(ErrorCode.CATALOG_UNAVAILABLE, { path: this.path, detail: "the catalog was closed" });
    }
  }

  private wrap(error: unknown): unknown {
    return sqliteFailure(error, this.path);
  }
}
