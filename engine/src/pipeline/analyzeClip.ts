import type { Keyframe, Tag, TagPlan, TagSet } from "@sichter/shared/model";
import type { AnalysisInput, Analyzer, AnalyzerResult } from "../extensionApi/Analyzer.ts";
import type { KeyframeSelection } from "../extensionApi/KeyframeSelection.ts";
import type { ShotDetection } from "../extensionApi/ShotDetection.ts";
import type { ShotDetectionMode } from "../extensionApi/ShotDetection.ts";
import { CancellationToken, CancellationTokenSource, throwIfCancelled } from "../core/Cancellation.ts";
import { JobTempFolder } from "../core/JobTempFolder.ts";
import { prepareInBackground } from "../core/Preparable.ts";
import { Progress, subProgress } from "../core/Progress.ts";
import { isSichterError, toSichterError, type SichterError } from "../core/SichterError.ts";
import { sichterDirs } from "../core/SichterHome.ts";
import { mediaTimecode } from "../media/mediaTimecode.ts";
import { tagSetOnTimeline } from "./tagSetOnTimeline.ts";
import { truncationWarning } from "./truncationWarning.ts";
import { FrameStore } from "../media/FrameStore.ts";
import { mediaFrameSource } from "../media/FrameSource.ts";
import type { MediaInfo } from "../media/MediaInfo.ts";
import { probeMedia } from "../media/probeMedia.ts";
import { extractKeywords } from "../keywording/extractKeywords.ts";
import { keywordTags } from "../keywording/keywordTags.ts";
import { cloudKeywords, type CloudKeywordingOptions } from "../keywording/cloud/cloudKeywords.ts";
import { fuseTags } from "../keywording/cloud/fuseTags.ts";
import { buildTagPlan } from "./buildTagPlan.ts";
import { controlledTermsOf } from "./controlledTermsOf.ts";
import type { Vocabulary } from "../keywording/Vocabulary.ts";

export interface AnalyzeOptions {
  /** The first steps (built-ins: `sichter.shots`, `sichter.keyframes`); every analyzer builds on them. */
  readonly shotDetection: ShotDetection;
  readonly keyframeSelection: KeyframeSelection;
  readonly analyzers: readonly Analyzer[];
  readonly language: "de" | "en";
  readonly mode?: ShotDetectionMode;
  /** Content fingerprint of the media file (the catalog's way to recognise moved files). */
  readonly fingerprint: (path: string) => Promise<string>;
  /** Controlled vocabularies (from extensions): matching terms become keywords and AboutCvTerm entries. */
  readonly vocabularies?: readonly Vocabulary[];
  /** Keyword providers (cloud ones through the privacy guard); none: local keywords only. */
  readonly keywording?: CloudKeywordingOptions;
  /** Called for each keyframe JPEG before the job's temp folder is removed (to keep thumbnails). */
  readonly keepKeyframe?: (keyframe: Keyframe, file: string) => void;
}

export interface AnalyzerFailure {
  readonly analyzer: string;
  readonly code: string;
  readonly message: string;
}

export interface ClipAnalysis {
  readonly media: MediaInfo;
  readonly tagSet: TagSet;
  readonly plan: TagPlan;
  readonly mode: "fast" | "exact";
  /** Analyzers that failed; the others' tags are in the tag set. */
  readonly failures: AnalyzerFailure[];
  /** What the analysis could not cover although it succeeded (a file cut short, see truncationWarning). */
  readonly warnings: SichterError[];
  readonly analyzers: ReadonlyArray<{ id: string; version: string }>;
}

/**
 * The whole local analysis of one clip. Temporary frames live in one job folder that is removed on
 * every outcome; an analyzer that fails is reported and the rest of the analysis stands.
 */
export async function analyzeClip(
  file: string,
  options: AnalyzeOptions,
  progress: Progress = Progress.None,
  token: CancellationToken = CancellationToken.None,
): Promise<ClipAnalysis> {
  // Every step's extension starts with the job rather than on its turn: the shot step's process
  // starts while the clip is probed, the analyzers' (and OCR's models) while shots are found.
  prepareInBackground([options.shotDetection, options.keyframeSelection]);
  const media = await probeMedia(file, token);
  progress.report({ stage: "probe", fraction: 0.02 });
  prepareInBackground(options.analyzers);

  const temp = JobTempFolder.create(sichterDirs().temp);
  const running = new CancellationTokenSource(token);
  const frameStore = new FrameStore(temp.path, media.frameCount);
  try {
    const shots = await options.shotDetection.detect(
      media,
      options.mode ?? "auto",
      temp.path,
      subProgress(progress, 0.02, 0.35),
      token,
    );
    // Pictures the shot step decoded on its way and left in the job folder, where they are what
    // they claim to be; analyzers decode what the store does not hold.
    frameStore.add(shots.frameStore);
    const onShots: AnalysisInput = {
      media,
      shots: shots.shots,
      keyframes: [],
      frames: mediaFrameSource(media),
      language: options.language,
      frameStore: frameStore.index,
    };
    // Keyframe selection and the analyzers share one stretch of the progress: the analyzers that
    // start on shots alone run while keyframes are chosen, and each part's fraction only grows.
    const fractions = [0, ...options.analyzers.map(() => 0)];
    const overall = subProgress(progress, 0.35, 0.93);
    const part = (i: number): Progress => ({
      report: ({ stage, fraction }) => {
        fractions[i] = fraction;
        overall.report({ stage, fraction: fractions.reduce((a, b) => a + b, 0) / fractions.length });
      },
    });
    // Every analyzer runs in its extension's process, so they run side by side: OCR's model and
    // the cue detector's ffmpeg keep both cores busy instead of taking turns. Those that need no
    // keyframes start as soon as shots are found, beside keyframe selection, so the longest of
    // them (OCR) is not held up by it. The analyzers get a token of their own: when keyframe
    // selection fails, those already running are stopped before the job folder goes.
    const analyses: Array<Promise<AnalyzerResult>> = new Array(options.analyzers.length);
    const start = (i: number, input: AnalysisInput): void => {
      const analyzer = options.analyzers[i]!;
      // An analyzer that throws instead of rejecting fails alone, as one that rejects does.
      analyses[i] = (async () => analyzer.analyze(input, part(i + 1), running.token))();
      analyses[i]!.catch(() => {}); // settled below; failing before then is not unhandled
    };
    let selection: Awaited<ReturnType<KeyframeSelection["select"]>>;
    try {
      options.analyzers.forEach((analyzer, i) => analyzer.startsAfter === "shots" && start(i, onShots));
      selection = await options.keyframeSelection.select(media, shots.shots, temp.path, part(0), token);
    } catch (error) {
      running.cancel();
      await Promise.allSettled(analyses.filter((analysis) => analysis !== undefined));
      throw error;
    }
    const { keyframes: selected, duplicates } = selection;
    const keyframes: Keyframe[] = selected.map(({ shot, frame, timecode, seconds, hash }) => ({
      shot,
      frame,
      timecode,
      seconds,
      hash,
    }));
    for (const [i, k] of selected.entries()) options.keepKeyframe?.(keyframes[i]!, temp.file(k.file));

    // Frames the keyframe step decoded on its way join the shot step's, for analyzers that want them.
    frameStore.add(selection.frameStore);
    const input: AnalysisInput = { ...onShots, keyframes, frameStore: frameStore.index };
    options.analyzers.forEach((analyzer, i) => analyses[i] === undefined && start(i, input));
    const tags: Tag[] = [];
    const ocrText: Array<{ startFrame: number; endFrame: number; text: string }> = [];
    const failures: AnalyzerFailure[] = [];
    // Results are gathered in the analyzers' order, so the tag set does not depend on who
    // finished first.
    const settled = await Promise.allSettled(analyses);
    throwIfCancelled(token);
    for (const [i, outcome] of settled.entries()) {
      if (outcome.status === "fulfilled") {
        tags.push(...outcome.value.tags);
        ocrText.push(...(outcome.value.text ?? []));
        continue;
      }
      const e = toSichterError(outcome.reason);
      failures.push({
        analyzer: options.analyzers[i]!.id,
        code: isSichterError(outcome.reason) ? e.code : "SICHTER_E_ANALYZER_FAILED",
        message: e.message,
      });
    }
    // Overlays ("ocr.overlay": watermarks, clocks) are not read for keywords; incidental text ranks lower.
    const lines = tags
      .filter((t) => t.kind === "ocr.line" || t.kind === "ocr.incidental")
      .map((t) => ({
        text: t.label,
        startFrame: t.startFrame,
        endFrame: t.endFrame,
        confidence: t.confidence,
        role: t.kind === "ocr.line" ? ("story" as const) : ("incidental" as const),
      }));
    tags.push(...keywordTags(extractKeywords(lines), options.language));
    if (options.keywording && options.keywording.providers.length > 0) {
      const cloud = await cloudKeywords(
        { shots: shots.shots, keyframes, duplicates, frames: input.frames, durationSeconds: media.durationSeconds },
        options.keywording,
        subProgress(progress, 0.93, 0.96),
        token,
      );
      tags.push(...cloud.tags);
      failures.push(...cloud.failures);
    }
    // Frames and timecode as the editing application counts them (nominal rate, by time, for VFR).
    const timeline = mediaTimecode(media);
    const truncation = truncationWarning(media, timeline, options.language);
    const fused = [...fuseTags(tags), ...(truncation ? [truncation.tag] : [])];
    const controlledTerms = controlledTermsOf(
      options.vocabularies ?? [],
      fused,
      options.language,
      timeline.timelineFrame(media.frameCount),
    );

    const tc = timeline.context;
    const tagSet: TagSet = tagSetOnTimeline(
      {
        clip: {
          path: media.path,
          fingerprint: await options.fingerprint(media.path),
          frameRate: media.frameRate,
          dropFrame: tc.dropFrame,
          startTimecode: tc.toTimecode(0),
          frameCount: media.frameCount,
          durationSeconds: media.durationSeconds,
          width: media.width,
          height: media.height,
        },
        shots: shots.shots.map(({ index, startFrame, endFrame, transition }) => ({
          index,
          startFrame,
          endFrame,
          transition,
        })),
        keyframes,
        tags: fused,
        ocrText,
        analyzedAt: new Date().toISOString(),
      },
      timeline,
    );
    progress.report({ stage: "plan", fraction: 0.97 });
    return {
      media,
      tagSet,
      plan: { ...buildTagPlan(tagSet, options.language), ...(controlledTerms.length > 0 && { controlledTerms }) },
      mode: shots.mode,
      failures,
      warnings: truncation ? [truncation.warning] : [],
      analyzers: [options.shotDetection, options.keyframeSelection, ...options.analyzers].map(({ id, version }) => ({
        id,
        version,
      })),
    };
  } finally {
    running.dispose();
    frameStore.dispose();
    temp.dispose();
  }
}
