import fs from "node:fs";
import { fingerprintFile } from "../catalog/fingerprintFile.ts";
import { JobTempFolder } from "../core/JobTempFolder.ts";
import { sichterDirs } from "../core/SichterHome.ts";
import type { Analyzer } from "../extensionApi/Analyzer.ts";
import type { KeyframeSelection } from "../extensionApi/KeyframeSelection.ts";
import type { ShotDetection } from "../extensionApi/ShotDetection.ts";
import type { ShotDetectionMode } from "../extensionApi/ShotDetection.ts";
import { CancellationToken } from "../core/Cancellation.ts";
import { prepareInBackground } from "../core/Preparable.ts";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";
import { CATALOG_WRITER } from "./CatalogTagWriter.ts";
import type { TagWriter, TagWriterInput } from "../extensionApi/TagWriter.ts";
import { writeReported, type NotWritten, type WriterReport } from "./writeReported.ts";
import type { Vocabulary } from "../keywording/Vocabulary.ts";
import type { PipelineKeywordProvider } from "../keywording/cloud/cloudKeywords.ts";
import { keywordingFor, type PrivacyContext } from "./PrivacyContext.ts";
import { Progress } from "../core/Progress.ts";
import { mediaTimecode } from "../media/mediaTimecode.ts";
import { analyzeClip, type ClipAnalysis } from "./analyzeClip.ts";

export interface AnalyzeAndStoreOptions {
  readonly shotDetection: ShotDetection;
  readonly keyframeSelection: KeyframeSelection;
  readonly analyzers: readonly Analyzer[];
  readonly language: "de" | "en";
  /** Where XMP goes: beside the media, into it, or nowhere (catalog only). */
  readonly write: "sidecar" | "embed" | "none";
  readonly mode?: ShotDetectionMode;
  /** Controlled vocabularies whose terms the plan gets (extensions' vocabulary contributions). */
  readonly vocabularies?: readonly Vocabulary[];
  /** The catalog stage (see CatalogTagWriter): the clip is recorded there first, or the job fails. */
  readonly catalog: TagWriter;
  /** Where the plan goes after the catalog: the extensions' tag writers, XMP (`sichter.xmp`) among them. */
  readonly tagWriters: readonly TagWriter[];
  /** Keyword providers of enabled extensions; cloud ones only reach the network in cloud mode. */
  readonly keywordProviders?: readonly PipelineKeywordProvider[];
  /** The run's id: its transparency record is filed under it. */
  readonly jobId?: string;
  /** How pictures may leave (mode, settings) and where the job's transparency and usage records go. */
  readonly privacy?: PrivacyContext;
}

/** The built-in XMP writer: after the catalog, before every other writer, unless no XMP is asked for. */
export const XMP_WRITER = "sichter.xmp";

/** Where the XMP went (from the XMP writer's report). */
export interface XmpWritten {
  readonly sidecar: string | null;
  readonly embedded: boolean;
}

/** What one clip's analysis produced and where it went: the document `analyze --json` and `job.result` show. */
export interface StoredAnalysis {
  readonly analysis: ClipAnalysis;
  readonly clipId: number;
  readonly written: XmpWritten | null;
  readonly document: AnalysisDocument;
  /** Writers that failed after the clip was catalogued (also in `document.written.writers` and `failures`). */
  readonly notWritten: readonly NotWritten[];
}

export interface AnalysisDocument {
  file: string;
  /** `sichter job <jobId> --privacy` shows what left the machine for it. */
  jobId: string | null;
  clipId: number;
  clip: ClipAnalysis["tagSet"]["clip"];
  frameRate: string;
  startTimecode: string;
  mode: "fast" | "exact";
  shots: Array<ClipAnalysis["tagSet"]["shots"][number] & { startTimecode: string }>;
  keyframes: Array<{ frame: number; timecode: string }>;
  tags: Array<{
    label: string;
    kind: string;
    language: string;
    source: string;
    confidence: number;
    status: string;
    startFrame: number;
    endFrame: number;
    startTimecode: string;
  }>;
  keywords: string[];
  description: string;
  /** Every writer of the run in order, the catalog first: where it wrote, or why it did not. */
  written: { sidecar: string | null; embedded: boolean; writers: WriterReport[] };
  failures: Array<ClipAnalysis["failures"][number]>;
  /** What the analysis could not cover although it succeeded: a file cut short (SICHTER_E_MEDIA_TRUNCATED). */
  warnings: Array<{ code: string; message: string }>;
}

/**
 * The whole job for one clip, as the CLI and the engine service both run it: analyse, keep
 * keyframe thumbnails, then hand the plan to the tag writers. The catalog writer goes first and is
 * the job: if it fails, the clip fails and nothing else is written. Once the clip is catalogued,
 * it stays so: a writer that fails after it (a read-only sidecar, a refused embed, a MAM that is
 * down) takes nothing back, and the clip completes with that writer's code and file in its report
 * (`written.writers`, `failures`, `notWritten`), so "catalogued, sidecar not written: <why>" is
 * what the job, the CLI and the catalog all say. An analysis is never thrown away for its XMP.
 */
export async function analyzeAndStore(
  file: string,
  options: AnalyzeAndStoreOptions,
  progress: Progress = Progress.None,
  token: CancellationToken = CancellationToken.None,
): Promise<StoredAnalysis> {
  // Keyframe pictures outlive the analysis's temp folder until the catalog has copied them in
  // under the clip's id; their own job folder goes whatever the outcome (a crash: startup sweep).
  const pictures = JobTempFolder.create(sichterDirs().temp);
  try {
    return await analyzeAndStoreWith(file, options, pictures, progress, token);
  } finally {
    pictures.dispose();
  }
}

async function analyzeAndStoreWith(
  file: string,
  options: AnalyzeAndStoreOptions,
  pictures: JobTempFolder,
  progress: Progress,
  token: CancellationToken,
): Promise<StoredAnalysis> {
  const catalogWriter = options.catalog;
  const xmpWriter = options.write === "none" ? undefined : requiredWriter(options.tagWriters, XMP_WRITER);
  const others = options.tagWriters.filter((w) => w.id !== XMP_WRITER);
  // The writers' processes start beside the analysis, not after it.
  prepareInBackground([catalogWriter, ...(xmpWriter ? [xmpWriter] : []), ...others]);

  const thumbs: Array<string | undefined> = [];
  const analysis = await analyzeClip(
    file,
    {
      shotDetection: options.shotDetection,
      keyframeSelection: options.keyframeSelection,
      analyzers: options.analyzers,
      language: options.language,
      ...(options.mode && { mode: options.mode }),
      fingerprint: fingerprintFile,
      ...(options.vocabularies && { vocabularies: options.vocabularies }),
      ...(options.keywordProviders?.length &&
        options.privacy && {
          keywording: keywordingFor(file, options.keywordProviders, options.privacy, options.language),
        }),
      keepKeyframe: (_keyframe, jpeg) => thumbs.push(keepPicture(jpeg, pictures.file(`${thumbs.length}.jpg`))),
    },
    progress,
    token,
  );
  // The tag set's clip: frames and rate as the editing application counts them (see tagSetOnTimeline).
  const { clip } = analysis.tagSet;
  const input: TagWriterInput = {
    plan: analysis.plan,
    clip: {
      path: clip.path,
      frameRate: clip.frameRate,
      startTimecode: clip.startTimecode,
      frameCount: clip.frameCount,
    },
    analysis: { tagSet: analysis.tagSet, analyzers: analysis.analyzers, thumbnails: thumbs },
    request: { metadata: options.write, language: options.language },
  };
  progress.report({ stage: "catalog", fraction: 0.97 });
  const recorded = await catalogWriter.write(input, token);
  const clipId = recorded.details.clipId;
  if (typeof clipId !== "number")
    throw new SichterError(ErrorCode.INTERNAL, { detail: `${CATALOG_WRITER} reported no clip id` });
  const document = analysisDocument(analysis, clipId, options.jobId ?? null);
  document.written.writers.push({ id: CATALOG_WRITER, target: recorded.target });
  progress.report({ stage: "write", fraction: 0.98 });
  const outcomes = {
    report: { writers: document.written.writers, failures: document.failures },
    notWritten: [] as NotWritten[],
  };
  const xmp = xmpWriter ? await writeReported(xmpWriter, input, token, outcomes) : undefined;
  const written: XmpWritten | null = xmp
    ? {
        sidecar: typeof xmp.details.sidecar === "string" ? xmp.details.sidecar : null,
        embedded: xmp.details.embedded === true,
      }
    : null;
  document.written.sidecar = written?.sidecar ?? null;
  document.written.embedded = written?.embedded ?? false;
  for (const writer of others) await writeReported(writer, input, token, outcomes);
  return { analysis, clipId, written, document, notWritten: outcomes.notWritten };
}

function requiredWriter(writers: readonly TagWriter[], id: string): TagWriter {
  const writer = writers.find((w) => w.id === id);
  // Disabled by the user (or missing): say which extension, rather than silently not writing.
  if (!writer) throw new SichterError(ErrorCode.EXTENSION_NOT_FOUND, { extension: id });
  return writer;
}

/** Keeps a keyframe JPEG for the catalog; returns where it is kept. */
function keepPicture(jpeg: string, target: string): string | undefined {
  try {
    fs.copyFileSync(jpeg, target);
    return target;
  } catch {
    // A thumbnail is a convenience; the analysis stands without it.
    return undefined;
  }
}

function analysisDocument(result: ClipAnalysis, clipId: number, jobId: string | null): AnalysisDocument {
  // The tag set's frames count at the timecode rate (see tagSetOnTimeline).
  const tc = mediaTimecode(result.media).context;
  return {
    file: result.media.path,
    jobId,
    clipId,
    clip: result.tagSet.clip,
    frameRate: result.tagSet.clip.frameRate,
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
    written: { sidecar: null, embedded: false, writers: [] },
    failures: [...result.failures],
    warnings: result.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}
