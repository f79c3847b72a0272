import type { MethodResultInput } from "@sichter/shared/protocol";
import type { JobRunner } from "../jobs/JobQueue.ts";
import { analyzeAndStore, type StoredAnalysis } from "../pipeline/analyzeAndStore.ts";
import type { PrivacyContext } from "../pipeline/PrivacyContext.ts";
import type { TagWriter } from "../extensionApi/TagWriter.ts";
import { pipelineSteps, type PipelineContributions } from "../pipeline/PipelineContributions.ts";

type WireAnalysis = MethodResultInput<"job.result">["result"];

/**
 * Runs a queued analysis exactly as `sichter analyze` does (same pipeline, same catalog writes,
 * same XMP), so a panel and the command line always agree on a clip.
 */
export function analysisRunner(
  contributions: PipelineContributions,
  privacy: (jobId: string) => PrivacyContext,
  catalog: TagWriter,
): JobRunner {
  return async (job, progress, token) => {
    const { path, options, range } = job.params;
    const stored = await analyzeAndStore(
      path,
      {
        ...pipelineSteps(contributions),
        catalog,
        language: options.language,
        write: options.write,
        mode: options.shotMode,
        jobId: job.id,
        privacy: privacy(job.id),
      },
      progress,
      token,
    );
    return toWireAnalysis(stored, range);
  };
}

/**
 * The job's result. With a source range (an editor's in/out), the whole clip is analysed (shots
 * and text need their context) and the result keeps what overlaps the range.
 */
export function toWireAnalysis(stored: StoredAnalysis, range?: { startFrame: number; endFrame: number }): WireAnalysis {
  const { document } = stored;
  const overlaps = (s: { startFrame: number; endFrame: number }): boolean =>
    !range || (s.startFrame < range.endFrame && s.endFrame > range.startFrame);
  return {
    clip: document.clip,
    shots: stored.analysis.tagSet.shots.filter(overlaps),
    keyframes: document.keyframes.filter((k) => !range || (k.frame >= range.startFrame && k.frame < range.endFrame)),
    tags: document.tags.filter(overlaps).map((t) => ({
      label: t.label,
      kind: t.kind,
      language: t.language,
      source: t.source as WireAnalysis["tags"][number]["source"],
      confidence: t.confidence,
      startFrame: t.startFrame,
      endFrame: t.endFrame,
      status: t.status as WireAnalysis["tags"][number]["status"],
    })),
    written: document.written,
    failures: document.failures,
    ...(document.warnings.length > 0 && { warnings: document.warnings as WireAnalysis["warnings"] }),
  };
}
