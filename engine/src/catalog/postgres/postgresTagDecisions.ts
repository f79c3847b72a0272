import { ErrorCode } from "@sichter/shared/errors";
import type { Provenance } from "@sichter/shared/model";
import { SichterError } from "../../core/SichterError.ts";
import type { StoredTag, TagDecision, UserTag } from "../Catalog.ts";
import { toStoredTag, type TagRow } from "../rows.ts";
import { checkFrameRange, decidedTag } from "../tagDecisionRules.ts";
import { searchWords } from "./postgresRecordAnalysis.ts";
import { TAG_COLUMNS, type Queryable } from "./postgresRows.ts";

/**
 * A person's decision on a tag; the caller holds a transaction. The tag's row is locked, so two
 * colleagues deciding on the same tag queue, and the decision made last (by its time) stands:
 * one that arrives later but was made earlier leaves the newer one in place.
 */
export async function reviewTagPostgres(
  db: Queryable,
  tagId: number,
  decision: TagDecision,
  at: string,
): Promise<StoredTag> {
  const row = (await db.query<TagRow>(`SELECT ${TAG_COLUMNS} FROM tags WHERE id = $1 FOR UPDATE`, [tagId])).rows[0];
  if (!row) throw new SichterError(ErrorCode.NOT_IN_CATALOG, { what: `tag ${tagId}` });
  const next = decidedTag(row, decision, at);
  if (next) {
    await db.query(
      `UPDATE tags SET label = $2, start_frame = $3, end_frame = $4, status = $5, decided_at = $6, provenance = $7 WHERE id = $1`,
      [tagId, next.label, next.start_frame, next.end_frame, next.status, next.decided_at, next.provenance],
    );
    await db.query("UPDATE search_docs SET status = $2, words = $3 WHERE tag_id = $1", [
      tagId,
      next.status,
      searchWords(next.label),
    ]);
  }
  return toStoredTag((await db.query<TagRow>(`SELECT ${TAG_COLUMNS} FROM tags WHERE id = $1`, [tagId])).rows[0]!);
}

const USER: Provenance = { producer: "user" };

/** A tag a person typed: accepted from the start and never replaced by re-analysis. */
export async function addUserTagPostgres(db: Queryable, clipId: number, tag: UserTag, at: string): Promise<StoredTag> {
  const clip = await db.query("SELECT id FROM clips WHERE id = $1", [clipId]);
  if (clip.rowCount === 0) throw new SichterError(ErrorCode.NOT_IN_CATALOG, { what: `clip ${clipId}` });
  const label = tag.label.trim();
  if (!label) throw new SichterError(ErrorCode.QUERY_INVALID, { detail: "a tag needs a label" });
  checkFrameRange(tag.startFrame, tag.endFrame);
  const inserted = await db.query<TagRow>(
    `INSERT INTO tags (clip_id, run_id, label, kind, language, source, confidence, start_frame, end_frame, status, provenance, created_at, decided_at)
     VALUES ($1, NULL, $2, $3, $4, 'user', 1, $5, $6, 'accepted', $7, $8, $8) RETURNING ${TAG_COLUMNS}`,
    [
      clipId,
      label,
      tag.kind ?? "keyword",
      tag.language ?? "und",
      tag.startFrame,
      tag.endFrame,
      JSON.stringify([USER]),
      at,
    ],
  );
  const row = inserted.rows[0]!;
  await db.query(
    "INSERT INTO search_docs (clip_id, tag_id, source, status, words) VALUES ($1, $2, 'user', 'accepted', $3)",
    [clipId, row.id, searchWords(label)],
  );
  return toStoredTag(row);
}
