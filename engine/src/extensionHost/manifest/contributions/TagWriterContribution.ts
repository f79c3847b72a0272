import { z } from "zod";
import { ContributionId } from "../../../extensionApi/ContributionId.ts";

export const TagWriterContribution = z.strictObject({
  id: ContributionId.describe('Unique id. Activates the extension as "onTagWriter:<id>".'),
  title: z.string().min(1).max(100),
  description: z.string().max(1000).optional(),
});
export type TagWriterContribution = z.infer<typeof TagWriterContribution>;
