import fs from "node:fs";
import path from "node:path";
import type { Catalog } from "../catalog/Catalog.ts";
import { fingerprintFile } from "../catalog/fingerprintFile.ts";
import { thumbnailsFolder } from "../catalog/catalogPath.ts";
import type { Analyzer } from "../analysis/Analyzer.ts";
import type { ShotDetectionMode } from "../analysis/shots/ShotDetector.ts";
import { CancellationToken, throwIfCancelled } from "../core/Cancellation.ts";
import { toSichterError } from "../core/SichterError.ts";
import type { TagWriter } from "../metadata/TagWriter.ts";
import type { Vocabulary } from "../keywording/Vocabulary.ts";
import { Progress } from "../core/Progress.ts";
import { clipTimecode } from "../media/clipTimecode.ts";
import { writeXmp, type WriteReport } from "../metadata/index.ts";
import { analyzeClip, type ClipAnalysis } from "./analyzeClip.ts";

export interface AnalyzeAndStoreOptions {
  readonly analyzers: readonly Analyzer[];
  readonly language: "de" | "en";
  /** Where XMP goes: beside the media, into it, or nowhere (catalog only). */
  readonly write: "sidecar" | "embed" | "none";
  readonly mode?: ShotDetectionMode;
  readonly catalog: Catalog;
  /** Controlled vocabularies whose terms the plan gets (extensions' vocabulary contributions). */
  readonly vocabularies?: readonly Vocabulary[];
  /** Further destinations of the plan (extensions' tag writers), run after the engine's own XMP. */
  readonly tagWriters?: readonly TagWriter[];
}

/** What one clip's analysis produced and where it went: the document `analyze --json` and `job.result` show. */
export interface StoredAnalysis {
  readonly analysis: ClipAnalysis;
  readonly clipId: number;
  readonly written: WriteReport | null;
  readonly document: AnalysisDocument;
}

export interface AnalysisDocument {
  file: string;
  clipId: number;
  clip: ClipAnalysis["tagSet"]["clip"];
  frameRate: string;
  startTimecode: string;
  mode: "fast" | "exact";
  shots: Array<ClipAnalysis["tagSet"]["shots"][number] & { startTimecode: string }>;
  keyframes: Array<{ frame: number; timecode: string }>;
  tags: Array<{
    label: string; kind: string; language: string; source: string; confidence: number; status: string;
    startFrame: number; endFrame: number; startTimecode: string;
  }>;
  keywords: string[];
  description: string;
  written: { sidecar: string | null; embedded: boolean; writers: Array<{ id: string; target: string | null }> };
  failures: Array<ClipAnalysis["failures"][number]>;
}

/**
 * The whole job for one clip, as the CLI and the engine service both run it: analyse, record in
 * the catalog (keeping people's decisions), keep keyframe thumbnails, then write XMP. The catalog
 * is written before the XMP, so a refused embed still leaves the analysis searchable.
 */
export async function analyzeAndStore(
  file: string,
  options: AnalyzeAndStoreOptions,
  progress: Progress = Progress.None,
  token: CancellationToken = CancellationToken.None,
): Promise<StoredAnalysis> {
  const thumbs: Array<string | undefined> = [];
  const analysis = await analyzeClip(
    file,
    {
      analyzers: options.analyzers,
      language: options.language,
      ...(options.mode && { mode: options.mode }),
      fingerprint: fingerprintFile,
      ...(options.vocabularies && { vocabularies: options.vocabularies }),
      keepKeyframe: (keyframe, jpeg) => thumbs.push(keepThumbnail(jpeg, path.basename(file), keyframe.frame)),
    },
    progress,
    token,
  );
  const recorded = options.catalog.recordAnalysis(analysis.tagSet, analysis.analyzers, {
    description: analysis.plan.description,
    thumbnails: thumbs,
  });
  progress.report({ stage: "write", fraction: 0.98 });
  const written = options.write === "none" ? null : await writeXmp(analysis.plan, { target: options.write, language: options.language }, token);
  const document = analysisDocument(analysis, recorded.clipId, written);
  for (const writer of options.tagWriters ?? []) {
    // A writer that fails (its system is down) is reported like a failed analyzer; the catalog
    // and the XMP are already written.
    try {
      const { target } = await writer.write(analysis.plan, { path: document.file, frameRate: document.frameRate, startTimecode: document.startTimecode, frameCount: document.clip.frameCount }, token);
      document.written.writers.push({ id: writer.id, target });
    } catch (error) {
      throwIfCancelled(token);
      const e = toSichterError(error);
      document.failures.push({ analyzer: writer.id, code: e.code, message: e.message });
    }
  }
  return { analysis, clipId: recorded.clipId, written, document };
}

/** Copies a keyframe JPEG into the catalog's thumbnail folder; returns its path relative to it. */
function keepThumbnail(file: string, clipName: string, frame: number): string | undefined {
  try {
    const relative = path.join(safeName(clipName), `${String(frame).padStart(7, "0")}.jpg`);
    const target = path.join(thumbnailsFolder(), relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
    return relative;
  } catch {
    // A thumbnail is a convenience; the analysis stands without it.
    return undefined;
  }
}

function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 100);
}

function analysisDocument(result: ClipAnalysis, clipId: number, written: WriteReport | null): AnalysisDocument {
  const tc = clipTimecode(result.media);
  return {
    file: result.media.path,
    clipId,
    clip: result.tagSet.clip,
    frameRate: result.media.frameRate,
    startTimecode: tc.toTimecode(0),
    mode: result.mode,
    shots: result.tagSet.shots.map((s) => ({ ...s, startTimecode: tc.toTimecode(s.startFrame) })),
    keyframes: result.tagSet.keyframes.map((k) => ({ frame: k.frame, timecode: k.timecode })),
    tags: result.tagSet.tags.map((t) => ({
      label: t.label,
      kind: t.kind,
      language: t.language,
      source: t.source,
      confidence: t.confidence,
      status: t.status,
      startFrame: t.startFrame,
      endFrame: t.endFrame,
      startTimecode: tc.toTimecode(t.startFrame),
    })),
    keywords: result.plan.keywords,
    description: result.plan.description,
    written: { sidecar: written?.sidecar ?? null, embedded: written?.embedded ?? false, writers: [] },
    failures: [...result.failures],
  };
}
