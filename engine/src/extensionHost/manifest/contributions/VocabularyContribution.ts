import { z } from "zod";
import { ContributionId } from "../../../extensionApi/ContributionId.ts";
import { relativePathInside } from "../RelativePath.ts";

/** Vocabularies are data, not code: they need no activation, only a file that exists. */
export const VocabularyContribution = z.strictObject({
  id: ContributionId,
  title: z.string().min(1).max(100),
  path: relativePathInside().describe("The vocabulary file, relative to the extension folder."),
  format: z.enum(["skos-json", "terms-json"]),
});
export type VocabularyContribution = z.infer<typeof VocabularyContribution>;
