import type { StatementCache } from "./StatementCache.ts";
import { foldText } from "../text/foldText.ts";

/**
 * Keeps search_docs / search_fts in step with tags, OCR lines and descriptions. Always called
 * inside the transaction that changes the source row, so the index can never disagree with it.
 */
export class SearchIndex {
  constructor(private readonly sql: StatementCache) {}

  addTag(clipId: number, tagId: number, label: string, source: string, status: string): void {
    const doc = this.sql
      .get("INSERT INTO search_docs (clip_id, tag_id, source, status) VALUES (?, ?, ?, ?)")
      .run(clipId, tagId, source, status);
    this.insertText(Number(doc.lastInsertRowid), label);
  }

  addOcr(clipId: number, ocrId: number, text: string): void {
    const doc = this.sql
      .get("INSERT INTO search_docs (clip_id, ocr_id, source, status) VALUES (?, ?, 'ocr', 'suggested')")
      .run(clipId, ocrId);
    this.insertText(Number(doc.lastInsertRowid), text);
  }

  setDescription(clipId: number, text: string | null): void {
    const old = this.sql
      .get<{ id: number }>("SELECT id FROM search_docs WHERE clip_id = ? AND tag_id IS NULL AND ocr_id IS NULL")
      .get(clipId);
    if (old) this.removeDoc(old.id);
    if (!text) return;
    const doc = this.sql
      .get("INSERT INTO search_docs (clip_id, source, status) VALUES (?, 'description', 'suggested')")
      .run(clipId);
    this.insertText(Number(doc.lastInsertRowid), text);
  }

  setTagStatus(tagId: number, status: string): void {
    this.sql.get("UPDATE search_docs SET status = ? WHERE tag_id = ?").run(status, tagId);
  }

  relabelTag(tagId: number, label: string): void {
    const doc = this.sql.get<{ id: number }>("SELECT id FROM search_docs WHERE tag_id = ?").get(tagId);
    if (!doc) return;
    this.sql.get("DELETE FROM search_fts WHERE rowid = ?").run(doc.id);
    this.insertText(doc.id, label);
  }

  /** Drops the index rows of the clip's replaceable suggestions (see recordAnalysis). */
  removeReplaceableTags(clipId: number): void {
    const replaceable = "clip_id = ? AND tag_id IS NOT NULL AND status = 'suggested' AND source <> 'user'";
    this.sql.get(`DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE ${replaceable})`).run(clipId);
    this.sql.get(`DELETE FROM search_docs WHERE ${replaceable}`).run(clipId);
  }

  removeOcr(clipId: number): void {
    this.sql
      .get("DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE clip_id = ? AND ocr_id IS NOT NULL)")
      .run(clipId);
    this.sql.get("DELETE FROM search_docs WHERE clip_id = ? AND ocr_id IS NOT NULL").run(clipId);
  }

  private removeDoc(docId: number): void {
    this.sql.get("DELETE FROM search_fts WHERE rowid = ?").run(docId);
    this.sql.get("DELETE FROM search_docs WHERE id = ?").run(docId);
  }

  private insertText(docId: number, text: string): void {
    this.sql.get("INSERT INTO search_fts (rowid, text) VALUES (?, ?)").run(docId, foldText(text));
  }
}
