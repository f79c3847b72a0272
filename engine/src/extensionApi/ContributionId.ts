import { z } from "zod";

/**
 * Ids of analyzers, providers, writers, vocabularies and commands. Lowercase and dotted
 * ("sichter.ocr", "newsroom.thesaurus") so they read the same in activation events, config keys
 * and logs, and a namespace keeps two extensions from picking the same bare word.
 */
export const CONTRIBUTION_ID_PATTERN = /^[a-z][a-z0-9_-]*(?:\.[a-z][a-z0-9_-]*)+$/;

export const ContributionId = z
  .string()
  .max(100)
  .regex(
    CONTRIBUTION_ID_PATTERN,
    'a lowercase dotted id such as "sichter.ocr" (segments start with a-z; a-z, 0-9, "_", "-")',
  );
