import type { Database } from "better-sqlite3";
import { foldText } from "../text/foldText.ts";
import { facetWords } from "./searchFacets.ts";

/**
 * Schema history. Each step runs in its own transaction together with the `user_version` bump, so
 * a crash leaves the catalog at the previous version, never half-migrated. Steps are append-only:
 * a released step is never edited, a change is a new step.
 */
export interface Migration {
  /** The user_version after this step (1, 2, ...). */
  readonly version: number;
  readonly description: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "clips, shots, keyframes, tags, OCR text, analysis runs, full-text index",
    up(db) {
      db.exec(`
        CREATE TABLE clips (
          id INTEGER PRIMARY KEY,
          path TEXT NOT NULL UNIQUE,
          fingerprint TEXT NOT NULL,
          size_bytes INTEGER,
          mtime TEXT,
          frame_rate TEXT NOT NULL,
          drop_frame INTEGER NOT NULL,
          start_timecode TEXT NOT NULL,
          frame_count INTEGER NOT NULL,
          duration_seconds REAL NOT NULL,
          width INTEGER NOT NULL,
          height INTEGER NOT NULL,
          description TEXT,
          first_seen TEXT NOT NULL,
          last_analysed TEXT
        );
        CREATE INDEX clips_fingerprint ON clips(fingerprint);
        CREATE INDEX clips_last_analysed ON clips(last_analysed);

        CREATE TABLE analysis_runs (
          id INTEGER PRIMARY KEY,
          clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
          started_at TEXT NOT NULL,
          finished_at TEXT,
          status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
          analyzers TEXT NOT NULL
        );
        CREATE INDEX analysis_runs_clip ON analysis_runs(clip_id);

        CREATE TABLE shots (
          clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
          shot_index INTEGER NOT NULL,
          start_frame INTEGER NOT NULL,
          end_frame INTEGER NOT NULL,
          transition_type TEXT,
          transition_start INTEGER,
          transition_end INTEGER,
          PRIMARY KEY (clip_id, shot_index)
        ) WITHOUT ROWID;

        CREATE TABLE keyframes (
          id INTEGER PRIMARY KEY,
          clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
          shot_index INTEGER NOT NULL,
          frame INTEGER NOT NULL,
          timecode TEXT NOT NULL,
          seconds REAL NOT NULL,
          hash TEXT NOT NULL,
          thumbnail TEXT
        );
        CREATE INDEX keyframes_clip ON keyframes(clip_id);

        CREATE TABLE tags (
          id INTEGER PRIMARY KEY,
          clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
          run_id INTEGER REFERENCES analysis_runs(id) ON DELETE SET NULL,
          label TEXT NOT NULL,
          kind TEXT NOT NULL,
          language TEXT NOT NULL,
          source TEXT NOT NULL,
          confidence REAL NOT NULL,
          start_frame INTEGER NOT NULL,
          end_frame INTEGER NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'rejected')),
          provenance TEXT NOT NULL,
          created_at TEXT NOT NULL,
          decided_at TEXT
        );
        CREATE INDEX tags_clip ON tags(clip_id, status);

        CREATE TABLE ocr_text (
          id INTEGER PRIMARY KEY,
          clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
          start_frame INTEGER NOT NULL,
          end_frame INTEGER NOT NULL,
          text TEXT NOT NULL
        );
        CREATE INDEX ocr_text_clip ON ocr_text(clip_id);

        -- One row per searchable text (a tag label, an OCR line or a clip description); its id is
        -- the rowid in search_fts. Exactly one of tag_id / ocr_id is set, or neither for a description.
        -- source and status repeat the tag's (OCR lines: 'ocr', descriptions: 'description'; both
        -- 'suggested') so a search filters and groups matches without visiting the tags table.
        CREATE TABLE search_docs (
          id INTEGER PRIMARY KEY,
          clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
          tag_id INTEGER UNIQUE REFERENCES tags(id) ON DELETE CASCADE,
          ocr_id INTEGER UNIQUE REFERENCES ocr_text(id) ON DELETE CASCADE,
          source TEXT NOT NULL,
          status TEXT NOT NULL
        );
        CREATE INDEX search_docs_clip ON search_docs(clip_id);

        -- Folded text only (see foldText.ts); contentless because the originals live in tags,
        -- ocr_text and clips. Prefix indexes keep "Landt" -> "Landtag" fast on a big archive.
        CREATE VIRTUAL TABLE search_fts USING fts5(
          text,
          content = '',
          contentless_delete = 1,
          tokenize = 'unicode61 remove_diacritics 2',
          prefix = '2 3'
        );
      `);
    },
  },
  {
    version: 2,
    description: "full-text index carries each text's status and folders, so those filters stay in FTS5",
    up(db) {
      db.exec(`
        DROP TABLE search_fts;
        CREATE VIRTUAL TABLE search_fts USING fts5(
          text,
          facets,
          content = '',
          contentless_delete = 1,
          tokenize = 'unicode61 remove_diacritics 2',
          prefix = '2 3'
        );
      `);
      // The index is contentless, so its texts are read back from where they live. In pages, so a
      // big archive never sits in memory whole; the step is one transaction (see migrate()).
      const page = db.prepare(
        `SELECT d.id, d.status, c.path,
                coalesce(t.label, o.text, CASE WHEN d.tag_id IS NULL AND d.ocr_id IS NULL THEN c.description END, '') AS text
         FROM search_docs d
         JOIN clips c ON c.id = d.clip_id
         LEFT JOIN tags t ON t.id = d.tag_id
         LEFT JOIN ocr_text o ON o.id = d.ocr_id
         WHERE d.id > ? ORDER BY d.id LIMIT 5000`,
      );
      const insert = db.prepare("INSERT INTO search_fts (rowid, text, facets) VALUES (?, ?, ?)");
      for (let last = 0; ;) {
        const rows = page.all(last) as Array<{ id: number; status: string; path: string; text: string }>;
        if (rows.length === 0) break;
        for (const row of rows) insert.run(row.id, foldText(row.text), facetWords(row.status, row.path));
        last = rows[rows.length - 1]!.id;
      }
    },
  },
  {
    version: 3,
    description: "durable job queue of the engine service",
    up(db) {
      // params and result are JSON texts: the queue never filters on their insides, and a result
      // must outlive the engine so `job.result` still answers after a restart. owner_pid tells a
      // restarted engine which `running` rows lost their process.
      db.exec(`
        CREATE TABLE jobs (
          id TEXT PRIMARY KEY,
          clip_path TEXT NOT NULL,
          params TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted')),
          stage TEXT,
          fraction REAL NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL,
          started_at TEXT,
          finished_at TEXT,
          error_code TEXT,
          error_message TEXT,
          result TEXT,
          attempts INTEGER NOT NULL DEFAULT 0,
          owner_pid INTEGER
        );
        CREATE INDEX jobs_state ON jobs(state);
        CREATE INDEX jobs_clip_state ON jobs(clip_path, state);
      `);
    },
  },
  {
    version: 4,
    description: "usage ledger of keyword-provider requests, for billing",
    up(db) {
      // Billing only, so by design nothing that identifies a person or a piece of work: no user,
      // IP address, file name, path or job id (DESIGN.md, privacy). `at` is rounded to the minute;
      // counts are per request batch. estimated_cost is in `currency` (the price table's).
      db.exec(`
        CREATE TABLE usage_ledger (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          provider TEXT NOT NULL,
          requests INTEGER NOT NULL CHECK (requests >= 0),
          images INTEGER NOT NULL CHECK (images >= 0),
          keyframes INTEGER NOT NULL CHECK (keyframes >= 0),
          bytes_sent INTEGER NOT NULL CHECK (bytes_sent >= 0),
          input_tokens INTEGER NOT NULL CHECK (input_tokens >= 0),
          output_tokens INTEGER NOT NULL CHECK (output_tokens >= 0),
          estimated_cost REAL NOT NULL CHECK (estimated_cost >= 0),
          currency TEXT NOT NULL,
          footage_seconds REAL NOT NULL CHECK (footage_seconds >= 0)
        );
        CREATE INDEX usage_ledger_at ON usage_ledger(at);
      `);
    },
  },
  {
    version: 5,
    description: "transparency record: what left the machine, per job and request",
    up(db) {
      // Unlike the usage ledger this is tied to a job: it answers "what did my analysis send?".
      // So it holds counts, sizes, times and the endpoint's scheme and host only: never image
      // bytes, file names, paths or request bodies (TransparencyLog.ts validates every row).
      // image_sizes is a JSON array of { width, height, bytes }, one per image sent.
      db.exec(`
        CREATE TABLE privacy_records (
          id INTEGER PRIMARY KEY,
          job_id TEXT NOT NULL,
          at TEXT NOT NULL,
          provider TEXT NOT NULL,
          endpoint TEXT NOT NULL,
          images INTEGER NOT NULL CHECK (images >= 0),
          keyframes INTEGER NOT NULL CHECK (keyframes >= 0),
          image_sizes TEXT NOT NULL,
          bytes_sent INTEGER NOT NULL CHECK (bytes_sent >= 0),
          attempts INTEGER NOT NULL CHECK (attempts >= 0),
          status INTEGER,
          error TEXT
        );
        CREATE INDEX privacy_records_job ON privacy_records(job_id);
      `);
    },
  },
  {
    version: 6,
    description:
      "keyframe thumbnails keyed by clip: a picture clips of the same file name shared stays only with the clip that took it last",
    up(db) {
      // Thumbnails used to be named <file name>/<frame>.jpg, so clips of the same name in other
      // folders (C0001.MP4 on every camera card) wrote over each other's pictures. The file holds
      // what the latest run naming it wrote; the other clips' rows would show a stranger's
      // picture, so they lose it (no thumbnail until re-analysed). Files stay where they are and
      // are still served; new runs name pictures by clip id. The version bump also stops an
      // older engine from writing by-name thumbnails into this catalog again (CATALOG_TOO_NEW).
      // The index answers "does any keyframe still show this file?" before one is removed.
      db.exec(`
        CREATE INDEX keyframes_thumbnail ON keyframes(thumbnail) WHERE thumbnail IS NOT NULL;
        WITH latest AS (SELECT clip_id, max(id) AS run FROM analysis_runs GROUP BY clip_id),
             owner AS (SELECT k.thumbnail, max(l.run) AS run FROM keyframes k JOIN latest l USING (clip_id)
                       WHERE k.thumbnail IS NOT NULL GROUP BY k.thumbnail)
        UPDATE keyframes SET thumbnail = NULL WHERE id IN (
          SELECT k.id FROM keyframes k JOIN latest l USING (clip_id) JOIN owner o ON o.thumbnail = k.thumbnail
          WHERE l.run < o.run
        );
      `);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
