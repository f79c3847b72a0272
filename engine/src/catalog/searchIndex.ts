import type { StatementCache } from "./StatementCache.ts";
import { foldText } from "../text/foldText.ts";
import { facetWords } from "./searchFacets.ts";

/**
 * Keeps search_docs / search_fts in step with tags, OCR lines and descriptions. Always called
 * inside the transaction that changes the source row, so the index can never disagree with it.
 */
export class SearchIndex {
  constructor(private readonly sql: StatementCache) {}

  addTag(clipId: number, clipPath: string, tagId: number, label: string, source: string, status: string): void {
    const doc = this.sql
      .get("INSERT INTO search_docs (clip_id, tag_id, source, status) VALUES (?, ?, ?, ?)")
      .run(clipId, tagId, source, status);
    this.insertText(Number(doc.lastInsertRowid), label, status, clipPath);
  }

  addOcr(clipId: number, clipPath: string, ocrId: number, text: string): void {
    const doc = this.sql
      .get("INSERT INTO search_docs (clip_id, ocr_id, source, status) VALUES (?, ?, 'ocr', 'suggested')")
      .run(clipId, ocrId);
    this.insertText(Number(doc.lastInsertRowid), text, "suggested", clipPath);
  }

  setDescription(clipId: number, clipPath: string, text: string | null): void {
    const old = this.sql
      .get<{ id: number }>("SELECT id FROM search_docs WHERE clip_id = ? AND tag_id IS NULL AND ocr_id IS NULL")
      .get(clipId);
    if (old) this.removeDoc(old.id);
    if (!text) return;
    const doc = this.sql
      .get("INSERT INTO search_docs (clip_id, source, status) VALUES (?, 'description', 'suggested')")
      .run(clipId);
    this.insertText(Number(doc.lastInsertRowid), text, "suggested", clipPath);
  }

  /** Re-indexes the tag's current label, source and status (a contentless row is replaced, not updated). */
  refreshTag(tagId: number): void {
    const doc = this.sql
      .get<{ id: number; label: string; source: string; status: string; path: string }>(
        `SELECT d.id, t.label, t.source, t.status, c.path
         FROM search_docs d JOIN tags t ON t.id = d.tag_id JOIN clips c ON c.id = d.clip_id WHERE d.tag_id = ?`,
      )
      .get(tagId);
    if (!doc) return;
    this.sql.get("UPDATE search_docs SET status = ? WHERE id = ?").run(doc.status, doc.id);
    this.sql.get("DELETE FROM search_fts WHERE rowid = ?").run(doc.id);
    this.insertText(doc.id, doc.label, doc.status, doc.path);
  }

  /** Drops the index rows of these tags (suggestions a re-analysis no longer makes). */
  removeTags(tagIds: readonly number[]): void {
    const doc = this.sql.get<{ id: number }>("SELECT id FROM search_docs WHERE tag_id = ?");
    for (const tagId of tagIds) {
      const found = doc.get(tagId);
      if (found) this.removeDoc(found.id);
    }
  }

  removeOcr(clipId: number): void {
    this.sql
      .get(
        "DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE clip_id = ? AND ocr_id IS NOT NULL)",
      )
      .run(clipId);
    this.sql.get("DELETE FROM search_docs WHERE clip_id = ? AND ocr_id IS NOT NULL").run(clipId);
  }

  private removeDoc(docId: number): void {
    this.sql.get("DELETE FROM search_fts WHERE rowid = ?").run(docId);
    this.sql.get("DELETE FROM search_docs WHERE id = ?").run(docId);
  }

  /** After a clip moved, its kept texts are re-indexed under the new folders. */
  refreshClip(clipId: number): void {
    const clip = this.sql
      .get<{ path: string; description: string | null }>("SELECT path, description FROM clips WHERE id = ?")
      .get(clipId);
    if (!clip) return;
    const tags = this.sql
      .get<{ tag_id: number }>("SELECT tag_id FROM search_docs WHERE clip_id = ? AND tag_id IS NOT NULL")
      .all(clipId);
    for (const { tag_id } of tags) this.refreshTag(tag_id);
    const ocr = this.sql
      .get<{ id: number; text: string }>(
        "SELECT d.id, o.text FROM search_docs d JOIN ocr_text o ON o.id = d.ocr_id WHERE d.clip_id = ?",
      )
      .all(clipId);
    for (const doc of ocr) {
      this.sql.get("DELETE FROM search_fts WHERE rowid = ?").run(doc.id);
      this.insertText(doc.id, doc.text, "suggested", clip.path);
    }
    this.setDescription(clipId, clip.path, clip.description);
  }

  /** The clip's path comes from the caller, who has it at hand: no lookup per indexed text. */
  private insertText(docId: number, text: string, status: string, clipPath: string): void {
    this.sql
      .get("INSERT INTO search_fts (rowid, text, facets) VALUES (?, ?, ?)")
      .run(docId, foldText(text), facetWords(status, clipPath));
  }
}
