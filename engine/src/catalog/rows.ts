import type { Provenance, Shot, TagSource, TagStatus } from "@sichter/shared/model";
import type { AnalysisRun, AnalyzerVersion, StoredClip, StoredTag } from "./Catalog.ts";

/** Column shapes as SQLite returns them, and their mapping to the catalog's types. */
export interface ClipRow {
  id: number;
  path: string;
  fingerprint: string;
  size_bytes: number | null;
  mtime: string | null;
  frame_rate: string;
  drop_frame: number;
  start_timecode: string;
  frame_count: number;
  duration_seconds: number;
  width: number;
  height: number;
  description: string | null;
  first_seen: string;
  last_analysed: string | null;
}

export interface TagRow {
  id: number;
  clip_id: number;
  label: string;
  kind: string;
  language: string;
  source: string;
  confidence: number;
  start_frame: number;
  end_frame: number;
  status: string;
  provenance: string;
  decided_at: string | null;
}

export interface RunRow {
  id: number;
  clip_id: number;
  started_at: string;
  finished_at: string | null;
  status: string;
  analyzers: string;
}

export function toStoredClip(row: ClipRow): StoredClip {
  return {
    id: row.id,
    path: row.path,
    fingerprint: row.fingerprint,
    frameRate: row.frame_rate,
    dropFrame: row.drop_frame === 1,
    startTimecode: row.start_timecode,
    frameCount: row.frame_count,
    durationSeconds: row.duration_seconds,
    width: row.width,
    height: row.height,
    sizeBytes: row.size_bytes,
    mtime: row.mtime,
    description: row.description,
    firstSeen: row.first_seen,
    lastAnalysed: row.last_analysed,
  };
}

export function toStoredTag(row: TagRow): StoredTag {
  return {
    id: row.id,
    clipId: row.clip_id,
    label: row.label,
    kind: row.kind,
    language: row.language,
    source: row.source as TagSource,
    confidence: row.confidence,
    startFrame: row.start_frame,
    endFrame: row.end_frame,
    status: row.status as TagStatus,
    provenance: JSON.parse(row.provenance) as Provenance[],
    decidedAt: row.decided_at,
  };
}

export function toAnalysisRun(row: RunRow): AnalysisRun {
  return {
    id: row.id,
    clipId: row.clip_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status as AnalysisRun["status"],
    analyzers: JSON.parse(row.analyzers) as AnalyzerVersion[],
  };
}

export interface ShotRow {
  shot_index: number;
  start_frame: number;
  end_frame: number;
  transition_type: "cut" | "dissolve" | "fade" | null;
  transition_start: number | null;
  transition_end: number | null;
}

export function toShot(row: ShotRow): Shot {
  return {
    index: row.shot_index,
    startFrame: row.start_frame,
    endFrame: row.end_frame,
    transition:
      row.transition_type === null
        ? null
        : {
            type: row.transition_type,
            startFrame: row.transition_start ?? row.start_frame,
            endFrame: row.transition_end ?? row.start_frame,
          },
  };
}
