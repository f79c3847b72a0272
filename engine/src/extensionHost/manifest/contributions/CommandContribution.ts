import { z } from "zod";
import { ContributionId } from "../../../extensionApi/ContributionId.ts";

export const CommandContribution = z.strictObject({
  command: ContributionId.describe('Unique command id. Activates the extension as "onCommand:<command>".'),
  title: z.string().min(1).max(100),
  category: z.string().min(1).max(50).optional(),
  // Evaluated by the panels; the cap keeps a runaway expression out of every selection change.
  when: z.string().max(500).optional().describe("When the command is offered in the panels."),
});
export type CommandContribution = z.infer<typeof CommandContribution>;
