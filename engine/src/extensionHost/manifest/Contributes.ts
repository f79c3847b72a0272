import { z } from "zod";
import { AnalyzerContribution } from "./contributions/AnalyzerContribution.ts";
import { CommandContribution } from "./contributions/CommandContribution.ts";
import { ConfigurationContribution } from "./contributions/ConfigurationContribution.ts";
import { KeywordProviderContribution } from "./contributions/KeywordProviderContribution.ts";
import { TagWriterContribution } from "./contributions/TagWriterContribution.ts";
import { VocabularyContribution } from "./contributions/VocabularyContribution.ts";

/** Every contribution point the engine knows; an unknown one is an error, not silently ignored. */
export const Contributes = z.strictObject({
  analyzers: z.array(AnalyzerContribution).default(() => []),
  keywordProviders: z.array(KeywordProviderContribution).default(() => []),
  tagWriters: z.array(TagWriterContribution).default(() => []),
  vocabularies: z.array(VocabularyContribution).default(() => []),
  commands: z.array(CommandContribution).default(() => []),
  configuration: ConfigurationContribution.optional(),
});
export type Contributes = z.infer<typeof Contributes>;
