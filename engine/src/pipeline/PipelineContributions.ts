import type { Analyzer } from "../extensionApi/Analyzer.ts";
import type { KeyframeSelection } from "../extensionApi/KeyframeSelection.ts";
import type { ShotDetection } from "../extensionApi/ShotDetection.ts";
import type { PipelineKeywordProvider } from "../keywording/cloud/cloudKeywords.ts";
import type { Vocabulary } from "../keywording/Vocabulary.ts";
import type { TagWriter } from "../extensionApi/TagWriter.ts";

/**
 * Everything an analysis is made of, as the extension registry contributes it (the built-ins
 * included). The pipeline asks for them per job, so an extension enabled since the last job counts.
 */
export interface PipelineContributions {
  shotDetection(): ShotDetection;
  keyframeSelection(): KeyframeSelection;
  analyzers(): Analyzer[];
  tagWriters(): TagWriter[];
  vocabularies(): Vocabulary[];
  keywordProviders(): PipelineKeywordProvider[];
}

/** The pipeline steps of `contributions`, in the shape analyzeAndStore takes them. */
export function pipelineSteps(contributions: PipelineContributions): {
  shotDetection: ShotDetection;
  keyframeSelection: KeyframeSelection;
  analyzers: Analyzer[];
  tagWriters: TagWriter[];
  vocabularies: Vocabulary[];
  keywordProviders: PipelineKeywordProvider[];
} {
  return {
    shotDetection: contributions.shotDetection(),
    keyframeSelection: contributions.keyframeSelection(),
    analyzers: contributions.analyzers(),
    tagWriters: contributions.tagWriters(),
    vocabularies: contributions.vocabularies(),
    keywordProviders: contributions.keywordProviders(),
  };
}
