import type { TagSource, TagStatus } from "@sichter/shared/model";
import { createTimecodeContext, parseFrameRate, type TimecodeContext } from "@sichter/shared/timecode";
import type { SearchHit, SearchResult } from "./Catalog.ts";

/** Hits listed per clip, best first; the score still counts them all. */
const MAX_HITS_PER_CLIP = 50;

/**
 * One matched text of a returned clip, as both backends' search statements give it back: rows come
 * best first (within the search), each carrying its clip's score. Assembling them here, once, is
 * what makes the SQLite and the PostgreSQL catalog list, merge and order hits alike.
 */
export interface HitRow {
  clip_id: number;
  /** The clip's score; higher is better. */
  score: number;
  path: string;
  frame_rate: string;
  drop_frame: number;
  start_timecode: string;
  frame_count: number;
  description: string | null;
  tag_id: number | null;
  label: string | null;
  source: string | null;
  status: string | null;
  t_start: number | null;
  t_end: number | null;
  ocr_id: number | null;
  text: string | null;
  o_start: number | null;
  o_end: number | null;
}

/** Groups ranked hit rows by clip (best clip first) and keeps only clips under `pathPrefix`. */
export function toSearchResults(rows: readonly HitRow[], pathPrefix: string | undefined): SearchResult[] {
  const results = new Map<number, SearchResult>();
  const timecodes = new Map<number, TimecodeContext | null>();
  for (const row of rows) {
    let result = results.get(row.clip_id);
    if (!result) {
      result = { clip: { id: row.clip_id, path: row.path }, score: row.score, hits: [] };
      results.set(row.clip_id, result);
      timecodes.set(row.clip_id, timecodeOf(row));
    }
    addHit(result.hits, toHit(row, timecodes.get(row.clip_id) ?? null));
  }
  return [...results.values()]
    .filter((r) => !pathPrefix || r.clip.path.startsWith(pathPrefix))
    .sort((a, b) => b.score - a.score || a.clip.id - b.clip.id);
}

/**
 * Adds a hit unless one with the same label and range is shown already. A lower third that is a
 * keyword as a whole is stored three times (its OCR text, its line tag, its keyword tag): the
 * editor should see it once, as a tag, so that it can be accepted or rejected from the list. Tags
 * in different states stay apart: hiding one would hide a decision still to make.
 */
function addHit(hits: SearchHit[], hit: SearchHit): void {
  const same = hits.findIndex(
    (h) =>
      h.label === hit.label &&
      h.startFrame === hit.startFrame &&
      h.endFrame === hit.endFrame &&
      (h.tagId === null || hit.tagId === null || h.status === hit.status),
  );
  if (same >= 0) {
    if (hits[same]!.tagId === null && hit.tagId !== null) hits[same] = hit;
  } else if (hits.length < MAX_HITS_PER_CLIP) {
    hits.push(hit);
  }
}

function toHit(row: HitRow, timecode: TimecodeContext | null): SearchHit {
  const base =
    row.tag_id !== null
      ? {
          kind: "tag" as const,
          tagId: row.tag_id,
          label: row.label ?? "",
          source: row.source as TagSource,
          status: row.status as TagStatus,
          startFrame: row.t_start ?? 0,
          endFrame: row.t_end ?? 0,
        }
      : row.ocr_id !== null
        ? {
            kind: "ocr" as const,
            tagId: null,
            label: row.text ?? "",
            source: "ocr" as const,
            status: null,
            startFrame: row.o_start ?? 0,
            endFrame: row.o_end ?? 0,
          }
        : {
            kind: "description" as const,
            tagId: null,
            label: row.description ?? "",
            source: "description" as const,
            status: null,
            startFrame: 0,
            endFrame: row.frame_count,
          };
  return { ...base, startTimecode: safeTimecode(timecode, base.startFrame) };
}

function timecodeOf(row: HitRow): TimecodeContext | null {
  try {
    return createTimecodeContext({
      rate: parseFrameRate(row.frame_rate),
      dropFrame: row.drop_frame === 1,
      start: row.start_timecode || undefined,
    });
  } catch {
    return null; // a clip stored with a rate the timecode module refuses: hits still show frames
  }
}

function safeTimecode(timecode: TimecodeContext | null, frame: number): string {
  if (!timecode) return "";
  try {
    return timecode.toTimecode(frame);
  } catch {
    return "";
  }
}
