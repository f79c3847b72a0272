import { z } from "zod";
import { ContributionId } from "../../../extensionApi/ContributionId.ts";

/**
 * `cloud` is declared, not detected: the privacy guard must know before activation that a provider
 * sends keyframes off the machine, so local-only mode can keep it switched off.
 */
export const KeywordProviderContribution = z.strictObject({
  id: ContributionId.describe('Unique id. Activates the extension as "onKeywordProvider:<id>".'),
  title: z.string().min(1).max(100),
  description: z.string().max(1000).optional(),
  languages: z
    .array(z.enum(["de", "en"]))
    .optional()
    .describe("Keyword languages the provider can return."),
  cloud: z.boolean().default(false).describe("True when keyframes leave the machine (needs the user's consent)."),
  contactSheets: z
    .boolean()
    .default(true)
    .describe(
      "True when the provider answers per tile of a contact sheet (several keyframes in one image); false sends single keyframes.",
    ),
});
export type KeywordProviderContribution = z.infer<typeof KeywordProviderContribution>;
