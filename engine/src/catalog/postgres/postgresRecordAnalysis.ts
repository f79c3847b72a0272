import fs from "node:fs";
import type { Tag, TagSet } from "@sichter/shared/model";
import { foldedWords } from "../../text/foldText.ts";
import type { AnalyzerVersion, RecordOptions, RecordResult } from "../Catalog.ts";
import type { TagRow } from "../rows.ts";
import { planReanalysis } from "../reanalysisPlan.ts";
import { allocateIds, TAG_COLUMNS, type Queryable } from "./postgresRows.ts";
import { storeThumbnailsPostgres } from "./postgresThumbnails.ts";

/** A text as the search index stores it: its folded words (see postgresMigrations). */
export function searchWords(text: string): string {
  return foldedWords(text).join(" ");
}

/**
 * Writes one analysis of one clip; the caller holds a transaction. The rules are SQLite's
 * (planReanalysis). Several engines write at once here, so the clip's row and its tags are locked
 * first: a colleague's decision on this clip either commits before (and is seen) or waits and
 * lands on the tags this run leaves, whose ids stay those of the suggestions made again.
 */
export async function recordAnalysisPostgres(
  db: Queryable,
  tagSet: TagSet,
  analyzers: readonly AnalyzerVersion[],
  options: RecordOptions,
): Promise<RecordResult> {
  const now = new Date().toISOString();
  const analysedAt = new Date(tagSet.analyzedAt).toISOString();
  const { clipId, moved } = await upsertClip(db, tagSet, analysedAt, now);

  const run = await db.query<{ id: number }>(
    `INSERT INTO analysis_runs (clip_id, started_at, finished_at, status, analyzers) VALUES ($1, $2, $3, 'completed', $4) RETURNING id`,
    [clipId, options.startedAt ?? analysedAt, now, JSON.stringify(analyzers)],
  );
  const runId = run.rows[0]!.id;

  const pictures = await storeThumbnailsPostgres(
    db,
    clipId,
    runId,
    tagSet.keyframes.map((k) => k.frame),
    options.thumbnails ?? [],
  );
  await replaceStructure(db, clipId, tagSet, pictures);

  const existing = (
    await db.query<TagRow>(`SELECT ${TAG_COLUMNS} FROM tags WHERE clip_id = $1 ORDER BY id FOR UPDATE`, [clipId])
  ).rows;
  const plan = planReanalysis(existing, tagSet.tags);
  // Their search texts go with them (ON DELETE CASCADE).
  if (plan.gone.length > 0) await db.query("DELETE FROM tags WHERE id = ANY($1::bigint[])", [plan.gone]);
  for (const { row, tag } of plan.again) {
    await db.query(
      `UPDATE tags SET run_id = $2, label = $3, kind = $4, language = $5, confidence = $6, start_frame = $7, end_frame = $8,
         provenance = $9, created_at = $10 WHERE id = $1`,
      [
        row.id,
        runId,
        tag.label,
        tag.kind,
        tag.language,
        tag.confidence,
        tag.startFrame,
        tag.endFrame,
        JSON.stringify(tag.provenance),
        now,
      ],
    );
    await db.query("UPDATE search_docs SET words = $2 WHERE tag_id = $1", [row.id, searchWords(tag.label)]);
  }
  await insertTags(db, clipId, runId, plan.fresh, now);

  await db.query("DELETE FROM ocr_text WHERE clip_id = $1", [clipId]);
  await insertOcr(
    db,
    clipId,
    tagSet.ocrText.filter((line) => line.text.trim()),
  );
  if (options.description !== undefined) await setDescription(db, clipId, options.description || null);

  return {
    clipId,
    runId,
    moved,
    tagsAdded: plan.fresh.length + plan.again.length,
    tagsKept: plan.kept,
    tagsSkipped: plan.skipped,
  };
}

/** The same lookup order as SQLite: by path, else a vanished file of the same content, else new. */
async function upsertClip(
  db: Queryable,
  tagSet: TagSet,
  analysedAt: string,
  now: string,
): Promise<{ clipId: number; moved: boolean }> {
  const { clip } = tagSet;
  const stat = fs.statSync(clip.path, { throwIfNoEntry: false });
  const values = [
    clip.fingerprint,
    stat?.size ?? null,
    stat?.mtime.toISOString() ?? null,
    clip.frameRate,
    clip.dropFrame,
    clip.startTimecode,
    clip.frameCount,
    clip.durationSeconds,
    clip.width,
    clip.height,
    analysedAt,
    clip.path,
  ];
  const set = `fingerprint = $1, size_bytes = $2, mtime = $3, frame_rate = $4, drop_frame = $5, start_timecode = $6,
    frame_count = $7, duration_seconds = $8, width = $9, height = $10, last_analysed = $11, path = $12`;
  const byPath = await db.query<{ id: number }>(`UPDATE clips SET ${set} WHERE path = $12 RETURNING id`, values);
  if (byPath.rows[0]) return { clipId: byPath.rows[0].id, moved: false };
  const sameContent = await db.query<{ id: number; path: string }>(
    "SELECT id, path FROM clips WHERE fingerprint = $1 ORDER BY id",
    [clip.fingerprint],
  );
  const movedFrom = sameContent.rows.find((candidate) => !fs.existsSync(candidate.path));
  if (movedFrom) {
    await db.query(`UPDATE clips SET ${set} WHERE id = $13`, [...values, movedFrom.id]);
    return { clipId: movedFrom.id, moved: true };
  }
  // Every branch leaves the clip's row locked until the transaction ends: writers of one clip queue.
  // Two engines may meet a new clip at once: the second one's insert becomes the update it missed.
  const inserted = await db.query<{ id: number }>(
    `INSERT INTO clips (fingerprint, size_bytes, mtime, frame_rate, drop_frame, start_timecode, frame_count, duration_seconds,
       width, height, last_analysed, path, first_seen)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (path) DO UPDATE SET ${COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(", ")}
     RETURNING id`,
    [...values, now],
  );
  return { clipId: inserted.rows[0]!.id, moved: false };
}

const COLUMNS = [
  "fingerprint",
  "size_bytes",
  "mtime",
  "frame_rate",
  "drop_frame",
  "start_timecode",
  "frame_count",
  "duration_seconds",
  "width",
  "height",
  "last_analysed",
  "path",
];

async function replaceStructure(
  db: Queryable,
  clipId: number,
  tagSet: TagSet,
  thumbnails: ReadonlyArray<string | null>,
): Promise<void> {
  await db.query("DELETE FROM shots WHERE clip_id = $1", [clipId]);
  if (tagSet.shots.length > 0) {
    const s = tagSet.shots;
    await db.query(
      `INSERT INTO shots (clip_id, shot_index, start_frame, end_frame, transition_type, transition_start, transition_end)
       SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[], $5::text[], $6::int[], $7::int[])`,
      [
        clipId,
        s.map((x) => x.index),
        s.map((x) => x.startFrame),
        s.map((x) => x.endFrame),
        s.map((x) => x.transition?.type ?? null),
        s.map((x) => x.transition?.startFrame ?? null),
        s.map((x) => x.transition?.endFrame ?? null),
      ],
    );
  }
  await db.query("DELETE FROM keyframes WHERE clip_id = $1", [clipId]);
  if (tagSet.keyframes.length > 0) {
    const k = tagSet.keyframes;
    await db.query(
      `INSERT INTO keyframes (clip_id, shot_index, frame, timecode, seconds, hash, thumbnail)
       SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::float8[], $6::text[], $7::text[])`,
      [
        clipId,
        k.map((x) => x.shot),
        k.map((x) => x.frame),
        k.map((x) => x.timecode),
        k.map((x) => x.seconds),
        k.map((x) => x.hash),
        k.map((_, i) => thumbnails[i] ?? null),
      ],
    );
  }
}

async function insertTags(
  db: Queryable,
  clipId: number,
  runId: number | null,
  tags: readonly Tag[],
  now: string,
): Promise<number[]> {
  if (tags.length === 0) return [];
  const ids = await allocateIds(db, "tags", tags.length);
  await db.query(
    `INSERT INTO tags (id, clip_id, run_id, label, kind, language, source, confidence, start_frame, end_frame, status, provenance, created_at, decided_at)
     SELECT id, $2, $3, label, kind, language, source, confidence, start_frame, end_frame, status, provenance::jsonb, $4, decided_at
     FROM unnest($1::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::int[], $11::int[], $12::text[], $13::text[], $14::timestamptz[])
       AS t (id, label, kind, language, source, confidence, start_frame, end_frame, status, provenance, decided_at)`,
    [
      ids,
      clipId,
      runId,
      now,
      tags.map((t) => t.label),
      tags.map((t) => t.kind),
      tags.map((t) => t.language),
      tags.map((t) => t.source),
      tags.map((t) => t.confidence),
      tags.map((t) => t.startFrame),
      tags.map((t) => t.endFrame),
      tags.map((t) => t.status),
      tags.map((t) => JSON.stringify(t.provenance)),
      tags.map((t) => (t.status === "suggested" && t.source !== "user" ? null : now)),
    ],
  );
  await db.query(
    `INSERT INTO search_docs (clip_id, tag_id, source, status, words)
     SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[])`,
    [clipId, ids, tags.map((t) => t.source), tags.map((t) => t.status), tags.map((t) => searchWords(t.label))],
  );
  return ids;
}

async function insertOcr(db: Queryable, clipId: number, lines: TagSet["ocrText"]): Promise<void> {
  if (lines.length === 0) return;
  const ids = await allocateIds(db, "ocr_text", lines.length);
  await db.query(
    `INSERT INTO ocr_text (id, clip_id, start_frame, end_frame, text) SELECT id, $2, s, e, t FROM unnest($1::bigint[], $3::int[], $4::int[], $5::text[]) AS x (id, s, e, t)`,
    [ids, clipId, lines.map((l) => l.startFrame), lines.map((l) => l.endFrame), lines.map((l) => l.text)],
  );
  await db.query(
    `INSERT INTO search_docs (clip_id, ocr_id, source, status, words) SELECT $1, id, 'ocr', 'suggested', w FROM unnest($2::bigint[], $3::text[]) AS x (id, w)`,
    [clipId, ids, lines.map((l) => searchWords(l.text))],
  );
}

export async function setDescription(db: Queryable, clipId: number, text: string | null): Promise<void> {
  await db.query("UPDATE clips SET description = $2 WHERE id = $1", [clipId, text]);
  await db.query("DELETE FROM search_docs WHERE clip_id = $1 AND tag_id IS NULL AND ocr_id IS NULL", [clipId]);
  if (text) {
    await db.query(
      "INSERT INTO search_docs (clip_id, source, status, words) VALUES ($1, 'description', 'suggested', $2)",
      [clipId, searchWords(text)],
    );
  }
}
