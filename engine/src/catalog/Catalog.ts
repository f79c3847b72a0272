import type { Clip, Provenance, Shot, TagSet, TagSource, TagStatus } from "@sichter/shared/model";
import type { Disposable } from "../core/Disposable.ts";

/**
 * The catalog as the rest of the engine sees it. Nothing here names SQLite: a newsroom install
 * puts the same interface in front of PostgreSQL (see DESIGN.md, "Scale-out"), so every method
 * answers with a promise even where the embedded SQLite backend could answer at once.
 */
export interface Catalog extends Disposable {
  /** Stores one analysis of one clip atomically; re-analysis keeps every human decision. */
  recordAnalysis(tagSet: TagSet, analyzers: readonly AnalyzerVersion[], options?: RecordOptions): Promise<RecordResult>;
  /** Several analyses in one transaction (folder batches; far faster than one by one). */
  recordAnalyses(items: readonly AnalysisToRecord[]): Promise<RecordResult[]>;
  /**
   * A person's decision, made at `decidedAt` (default: now). The last decision per tag wins by that
   * time, so colleagues reviewing one clip at once never undo a newer decision with an older one.
   */
  reviewTag(tagId: number, decision: TagDecision, decidedAt?: string): Promise<StoredTag>;
  addUserTag(clipId: number, tag: UserTag): Promise<StoredTag>;
  clip(clipId: number): Promise<StoredClip>;
  /** The clip at this path, or undefined. */
  findClip(path: string): Promise<StoredClip | undefined>;
  tags(clipId: number): Promise<StoredTag[]>;
  /** The clip's shots from its latest analysis, in order. */
  shots(clipId: number): Promise<Shot[]>;
  /** Keyframes of the latest analysis, in frame order; `thumbnail` is relative to the thumbnails folder. */
  keyframes(clipId: number): Promise<StoredKeyframe[]>;
  runs(clipId: number): Promise<AnalysisRun[]>;
  search(query: string, filters?: SearchFilters): Promise<SearchResult[]>;
}

/** An analyzer (or keyword provider) that contributed to a run, e.g. { id: "sichter.ocr", version: "1.0.0" }. */
export interface AnalyzerVersion {
  readonly id: string;
  readonly version: string;
}

export interface RecordOptions {
  /** When the run started (defaults to tagSet.analyzedAt); the run finishes when it is recorded. */
  readonly startedAt?: string;
  /** A free-text description of the clip (from the tag plan); searchable. */
  readonly description?: string;
  /**
   * Keyframe pictures (JPEG files, absolute paths) by keyframe index in tagSet.keyframes. The
   * catalog copies them into its thumbnails folder under the clip's id (the caller's files stay
   * the caller's) and removes the pictures of the run they replace.
   */
  readonly thumbnails?: readonly (string | undefined)[];
}

export interface AnalysisToRecord {
  readonly tagSet: TagSet;
  readonly analyzers: readonly AnalyzerVersion[];
  readonly options?: RecordOptions;
}

export interface RecordResult {
  readonly clipId: number;
  readonly runId: number;
  /** True when the clip was found by fingerprint under another path and its path was updated. */
  readonly moved: boolean;
  readonly tagsAdded: number;
  /** Human decisions and user tags carried over from earlier runs. */
  readonly tagsKept: number;
  /** New suggestions dropped because a person already accepted or rejected the same tag. */
  readonly tagsSkipped: number;
}

export type TagDecision =
  | { readonly action: "accept" }
  | { readonly action: "reject" }
  /** Back to an undecided suggestion. */
  | { readonly action: "reset" }
  /** A person's correction; an edited tag counts as accepted. */
  | { readonly action: "edit"; readonly label?: string; readonly startFrame?: number; readonly endFrame?: number };

export interface UserTag {
  readonly label: string;
  /** Defaults to "keyword". */
  readonly kind?: string;
  /** Defaults to "und". */
  readonly language?: string;
  readonly startFrame: number;
  readonly endFrame: number;
}

export interface StoredClip extends Clip {
  readonly id: number;
  readonly sizeBytes: number | null;
  readonly mtime: string | null;
  readonly description: string | null;
  readonly firstSeen: string;
  readonly lastAnalysed: string | null;
}

export interface StoredTag {
  readonly id: number;
  readonly clipId: number;
  readonly label: string;
  readonly kind: string;
  readonly language: string;
  readonly source: TagSource;
  readonly confidence: number;
  readonly startFrame: number;
  readonly endFrame: number;
  readonly status: TagStatus;
  readonly provenance: Provenance[];
  readonly decidedAt: string | null;
}

export interface AnalysisRun {
  readonly id: number;
  readonly clipId: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: "running" | "completed" | "failed";
  readonly analyzers: AnalyzerVersion[];
}

export interface SearchFilters {
  /** Tag sources to search; OCR lines count as "ocr". Descriptions only when no source filter is set. */
  readonly sources?: readonly TagSource[];
  /**
   * Tag statuses to search (default suggested + accepted, so rejected tags stay hidden). OCR lines
   * and descriptions are machine output nobody decided on: they are searched when "suggested" is.
   */
  readonly statuses?: readonly TagStatus[];
  /** ISO date or date-time: only clips analysed at or after it. */
  readonly analysedSince?: string;
  /** Only clips whose path starts with this (case-sensitive, as paths are). */
  readonly pathPrefix?: string;
  /** Most clips returned (default 50, at most 1000). */
  readonly limit?: number;
}

export interface SearchHit {
  readonly kind: "tag" | "ocr" | "description";
  /** Set for tag hits, so a panel can accept or reject from the result list. */
  readonly tagId: number | null;
  readonly label: string;
  readonly source: TagSource | "description";
  readonly status: TagStatus | null;
  readonly startFrame: number;
  readonly endFrame: number;
  readonly startTimecode: string;
}

export interface SearchResult {
  readonly clip: { readonly id: number; readonly path: string };
  /** Higher is better; comparable within one search only. */
  readonly score: number;
  /** Best hits first. */
  readonly hits: SearchHit[];
}

export interface StoredKeyframe {
  readonly shot: number;
  readonly frame: number;
  readonly timecode: string;
  readonly seconds: number;
  readonly hash: string;
  readonly thumbnail: string | null;
}
