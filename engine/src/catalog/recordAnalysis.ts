import fs from "node:fs";
import type { Tag, TagSet } from "@sichter/shared/model";
import type { AnalyzerVersion, RecordOptions, RecordResult } from "./Catalog.ts";
import type { ClipRow, TagRow } from "./rows.ts";
import { planReanalysis } from "./reanalysisPlan.ts";
import type { SearchIndex } from "./searchIndex.ts";
import type { StatementCache } from "./StatementCache.ts";
import type { ThumbnailUpdate } from "./ThumbnailStore.ts";

/**
 * Writes one analysis of one clip. The caller wraps it in a transaction. Human work always wins
 * (see planReanalysis): decisions and typed tags survive, undecided machine suggestions are
 * replaced, and a suggestion made again keeps its row and id.
 */
export function recordAnalysis(
  sql: StatementCache,
  index: SearchIndex,
  tagSet: TagSet,
  analyzers: readonly AnalyzerVersion[],
  options: RecordOptions,
  thumbnails: ThumbnailUpdate,
): RecordResult {
  const now = new Date().toISOString();
  const analysedAt = new Date(tagSet.analyzedAt).toISOString();
  const { clipId, moved } = upsertClip(sql, tagSet, analysedAt, now);

  const run = sql
    .get(
      `INSERT INTO analysis_runs (clip_id, started_at, finished_at, status, analyzers)
       VALUES (?, ?, ?, 'completed', ?)`,
    )
    .run(clipId, options.startedAt ?? analysedAt, now, JSON.stringify(analyzers));
  const runId = Number(run.lastInsertRowid);

  const previous = sql
    .get<{ thumbnail: string }>("SELECT thumbnail FROM keyframes WHERE clip_id = ? AND thumbnail IS NOT NULL")
    .all(clipId)
    .map((row) => row.thumbnail);
  const pictures = thumbnails.keep(
    clipId,
    runId,
    tagSet.keyframes.map((k) => k.frame),
    options.thumbnails ?? [],
    previous,
  );
  replaceStructure(sql, clipId, tagSet, pictures);

  const plan = planReanalysis(
    sql.get<TagRow>("SELECT * FROM tags WHERE clip_id = ? ORDER BY id").all(clipId),
    tagSet.tags,
  );
  index.removeTags(plan.gone);
  const remove = sql.get("DELETE FROM tags WHERE id = ?");
  for (const id of plan.gone) remove.run(id);
  const update = sql.get(
    `UPDATE tags SET run_id = ?, label = ?, kind = ?, language = ?, confidence = ?, start_frame = ?, end_frame = ?,
       provenance = ?, created_at = ? WHERE id = ?`,
  );
  for (const { row, tag } of plan.again) {
    update.run(
      runId,
      tag.label,
      tag.kind,
      tag.language,
      tag.confidence,
      tag.startFrame,
      tag.endFrame,
      JSON.stringify(tag.provenance),
      now,
      row.id,
    );
    index.refreshTag(row.id);
  }
  const insert = sql.get(
    `INSERT INTO tags (clip_id, run_id, label, kind, language, source, confidence, start_frame, end_frame,
                       status, provenance, created_at, decided_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const tag of plan.fresh) {
    const row = insert.run(
      clipId,
      runId,
      tag.label,
      tag.kind,
      tag.language,
      tag.source,
      tag.confidence,
      tag.startFrame,
      tag.endFrame,
      tag.status,
      JSON.stringify(tag.provenance),
      now,
      decidedAt(tag, now),
    );
    index.addTag(clipId, tagSet.clip.path, Number(row.lastInsertRowid), tag.label, tag.source, tag.status);
  }

  index.removeOcr(clipId);
  sql.get("DELETE FROM ocr_text WHERE clip_id = ?").run(clipId);
  const insertOcr = sql.get("INSERT INTO ocr_text (clip_id, start_frame, end_frame, text) VALUES (?, ?, ?, ?)");
  for (const line of tagSet.ocrText) {
    if (!line.text.trim()) continue;
    const row = insertOcr.run(clipId, line.startFrame, line.endFrame, line.text);
    index.addOcr(clipId, tagSet.clip.path, Number(row.lastInsertRowid), line.text);
  }
  if (options.description !== undefined) {
    sql.get("UPDATE clips SET description = ? WHERE id = ?").run(options.description || null, clipId);
    index.setDescription(clipId, tagSet.clip.path, options.description || null);
  }

  // Decisions kept from before a move are still indexed under the old folders.
  if (moved) index.refreshClip(clipId);
  return {
    clipId,
    runId,
    moved,
    tagsAdded: plan.fresh.length + plan.again.length,
    tagsKept: plan.kept,
    tagsSkipped: plan.skipped,
  };
}

/**
 * Finds the clip by path, else by fingerprint when the file it was known under is gone (a move or
 * rename keeps its decisions), else creates it. A copy whose original still exists becomes a clip
 * of its own: editors copy media into project folders, and the two paths must stay searchable.
 */
function upsertClip(
  sql: StatementCache,
  tagSet: TagSet,
  analysedAt: string,
  now: string,
): { clipId: number; moved: boolean } {
  const { clip } = tagSet;
  const stat = fs.statSync(clip.path, { throwIfNoEntry: false });
  const values = [
    clip.fingerprint,
    stat?.size ?? null,
    stat?.mtime.toISOString() ?? null,
    clip.frameRate,
    clip.dropFrame ? 1 : 0,
    clip.startTimecode,
    clip.frameCount,
    clip.durationSeconds,
    clip.width,
    clip.height,
    analysedAt,
  ];
  const update = sql.get(
    `UPDATE clips SET fingerprint = ?, size_bytes = ?, mtime = ?, frame_rate = ?, drop_frame = ?, start_timecode = ?,
       frame_count = ?, duration_seconds = ?, width = ?, height = ?, last_analysed = ?, path = ? WHERE id = ?`,
  );
  const byPath = sql.get<{ id: number }>("SELECT id FROM clips WHERE path = ?").get(clip.path);
  if (byPath) {
    update.run(...values, clip.path, byPath.id);
    return { clipId: byPath.id, moved: false };
  }
  const sameContent = sql
    .get<Pick<ClipRow, "id" | "path">>("SELECT id, path FROM clips WHERE fingerprint = ? ORDER BY id")
    .all(clip.fingerprint);
  const movedFrom = sameContent.find((candidate) => !fs.existsSync(candidate.path));
  if (movedFrom) {
    update.run(...values, clip.path, movedFrom.id);
    return { clipId: movedFrom.id, moved: true };
  }
  const row = sql
    .get(
      `INSERT INTO clips (fingerprint, size_bytes, mtime, frame_rate, drop_frame, start_timecode, frame_count,
         duration_seconds, width, height, last_analysed, path, first_seen)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(...values, clip.path, now);
  return { clipId: Number(row.lastInsertRowid), moved: false };
}

/** Shots and keyframes describe the media, not decisions: the newest analysis replaces them. */
function replaceStructure(
  sql: StatementCache,
  clipId: number,
  tagSet: TagSet,
  thumbnails: ReadonlyArray<string | null>,
): void {
  sql.get("DELETE FROM shots WHERE clip_id = ?").run(clipId);
  const insertShot = sql.get(
    `INSERT INTO shots (clip_id, shot_index, start_frame, end_frame, transition_type, transition_start, transition_end)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const shot of tagSet.shots) {
    const t = shot.transition;
    insertShot.run(
      clipId,
      shot.index,
      shot.startFrame,
      shot.endFrame,
      t?.type ?? null,
      t?.startFrame ?? null,
      t?.endFrame ?? null,
    );
  }
  sql.get("DELETE FROM keyframes WHERE clip_id = ?").run(clipId);
  const insertKeyframe = sql.get(
    "INSERT INTO keyframes (clip_id, shot_index, frame, timecode, seconds, hash, thumbnail) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  tagSet.keyframes.forEach((k, i) => {
    insertKeyframe.run(clipId, k.shot, k.frame, k.timecode, k.seconds, k.hash, thumbnails[i] ?? null);
  });
}

function decidedAt(tag: Tag, now: string): string | null {
  return tag.status === "suggested" && tag.source !== "user" ? null : now;
}
