import { ErrorCode } from "@sichter/shared/errors";
import type { Provenance } from "@sichter/shared/model";
import { SichterError } from "../core/SichterError.ts";
import type { StoredTag, TagDecision, UserTag } from "./Catalog.ts";
import { toStoredTag, type TagRow } from "./rows.ts";
import type { SearchIndex } from "./searchIndex.ts";
import type { StatementCache } from "./StatementCache.ts";

const USER: Provenance = { producer: "user" };

/** Applies a person's decision to a tag; the caller wraps it in a transaction. */
export function reviewTag(sql: StatementCache, index: SearchIndex, tagId: number, decision: TagDecision): StoredTag {
  const row = sql.get<TagRow>("SELECT * FROM tags WHERE id = ?").get(tagId);
  if (!row) throw new SichterError(ErrorCode.NOT_IN_CATALOG, { what: `tag ${tagId}` });
  const now = new Date().toISOString();
  const setStatus = sql.get("UPDATE tags SET status = ?, decided_at = ? WHERE id = ?");
  switch (decision.action) {
    case "accept":
      setStatus.run("accepted", now, tagId);
      index.refreshTag(tagId);
      break;
    case "reject":
      setStatus.run("rejected", now, tagId);
      index.refreshTag(tagId);
      break;
    case "reset":
      setStatus.run("suggested", null, tagId);
      index.refreshTag(tagId);
      break;
    case "edit": {
      const label = decision.label?.trim() || row.label;
      const startFrame = decision.startFrame ?? row.start_frame;
      const endFrame = decision.endFrame ?? row.end_frame;
      checkRange(startFrame, endFrame);
      // The edit is a person's word on this tag: it is accepted and says so in its provenance.
      const provenance = JSON.parse(row.provenance) as Provenance[];
      // A new label keeps the one it replaces as the person's evidence: XMP written before may hold
      // that as a keyword, and apply takes it out again (acceptedTagPlan).
      if (label !== row.label) provenance.push({ ...USER, evidence: row.label });
      else if (!provenance.some((p) => p.producer === USER.producer)) provenance.push(USER);
      sql
        .get(
          `UPDATE tags SET label = ?, start_frame = ?, end_frame = ?, status = 'accepted', decided_at = ?, provenance = ?
           WHERE id = ?`,
        )
        .run(label, startFrame, endFrame, now, JSON.stringify(provenance), tagId);
      index.refreshTag(tagId);
      break;
    }
  }
  return toStoredTag(sql.get<TagRow>("SELECT * FROM tags WHERE id = ?").get(tagId)!);
}

/** A tag a person typed: accepted from the start and never replaced by re-analysis. */
export function addUserTag(sql: StatementCache, index: SearchIndex, clipId: number, tag: UserTag): StoredTag {
  const clip = sql.get<{ id: number; path: string }>("SELECT id, path FROM clips WHERE id = ?").get(clipId);
  if (!clip) throw new SichterError(ErrorCode.NOT_IN_CATALOG, { what: `clip ${clipId}` });
  const label = tag.label.trim();
  if (!label) throw new SichterError(ErrorCode.QUERY_INVALID, { detail: "a tag needs a label" });
  checkRange(tag.startFrame, tag.endFrame);
  const now = new Date().toISOString();
  const row = sql
    .get(
      `INSERT INTO tags (clip_id, run_id, label, kind, language, source, confidence, start_frame, end_frame,
                         status, provenance, created_at, decided_at)
       VALUES (?, NULL, ?, ?, ?, 'user', 1, ?, ?, 'accepted', ?, ?, ?)`,
    )
    .run(clipId, label, tag.kind ?? "keyword", tag.language ?? "und", tag.startFrame, tag.endFrame, JSON.stringify([USER]), now, now);
  const tagId = Number(row.lastInsertRowid);
  index.addTag(clipId, clip.path, tagId, label, "user", "accepted");
  return toStoredTag(sql.get<TagRow>("SELECT * FROM tags WHERE id = ?").get(tagId)!);
}

function checkRange(startFrame: number, endFrame: number): void {
  if (!Number.isInteger(startFrame) || !Number.isInteger(endFrame) || startFrame < 0 || endFrame < startFrame) {
    throw new SichterError(ErrorCode.QUERY_INVALID, { detail: `invalid frame range ${startFrame}..${endFrame}` });
  }
}
