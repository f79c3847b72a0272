import { ErrorCode } from "@sichter/shared/errors";
import type { Provenance } from "@sichter/shared/model";
import { SichterError } from "../core/SichterError.ts";
import type { StoredTag, TagDecision, UserTag } from "./Catalog.ts";
import { toStoredTag, type TagRow } from "./rows.ts";
import type { SearchIndex } from "./searchIndex.ts";
import type { StatementCache } from "./StatementCache.ts";
import { checkFrameRange, decidedTag } from "./tagDecisionRules.ts";

const USER: Provenance = { producer: "user" };

/** Applies a person's decision made at `at` (see decidedTag); the caller wraps it in a transaction. */
export function reviewTag(
  sql: StatementCache,
  index: SearchIndex,
  tagId: number,
  decision: TagDecision,
  at: string,
): StoredTag {
  const row = sql.get<TagRow>("SELECT * FROM tags WHERE id = ?").get(tagId);
  if (!row) throw new SichterError(ErrorCode.NOT_IN_CATALOG, { what: `tag ${tagId}` });
  const next = decidedTag(row, decision, at);
  if (next) {
    sql
      .get(
        "UPDATE tags SET label = ?, start_frame = ?, end_frame = ?, status = ?, decided_at = ?, provenance = ? WHERE id = ?",
      )
      .run(next.label, next.start_frame, next.end_frame, next.status, next.decided_at, next.provenance, tagId);
    index.refreshTag(tagId);
  }
  return toStoredTag(sql.get<TagRow>("SELECT * FROM tags WHERE id = ?").get(tagId)!);
}

/** A tag a person typed: accepted from the start and never replaced by re-analysis. */
export function addUserTag(
  sql: StatementCache,
  index: SearchIndex,
  clipId: number,
  tag: UserTag,
  at: string,
): StoredTag {
  const clip = sql.get<{ id: number; path: string }>("SELECT id, path FROM clips WHERE id = ?").get(clipId);
  if (!clip) throw new SichterError(ErrorCode.NOT_IN_CATALOG, { what: `clip ${clipId}` });
  const label = tag.label.trim();
  if (!label) throw new SichterError(ErrorCode.QUERY_INVALID, { detail: "a tag needs a label" });
  checkFrameRange(tag.startFrame, tag.endFrame);
  const now = at;
  const row = sql
    .get(
      `INSERT INTO tags (clip_id, run_id, label, kind, language, source, confidence, start_frame, end_frame,
                         status, provenance, created_at, decided_at)
       VALUES (?, NULL, ?, ?, ?, 'user', 1, ?, ?, 'accepted', ?, ?, ?)`,
    )
    .run(
      clipId,
      label,
      tag.kind ?? "keyword",
      tag.language ?? "und",
      tag.startFrame,
      tag.endFrame,
      JSON.stringify([USER]),
      now,
      now,
    );
  const tagId = Number(row.lastInsertRowid);
  index.addTag(clipId, clip.path, tagId, label, "user", "accepted");
  return toStoredTag(sql.get<TagRow>("SELECT * FROM tags WHERE id = ?").get(tagId)!);
}
