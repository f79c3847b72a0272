import { z } from "zod";
import { ContributionId } from "../../../extensionApi/ContributionId.ts";

/** Limits are per analysis run; the host enforces them, the manifest only declares the need. */
export const AnalyzerContribution = z.strictObject({
  id: ContributionId.describe(
    'Unique id, e.g. "newsroom.logo-detector". Activates the extension as "onAnalyzer:<id>".',
  ),
  title: z.string().min(1).max(100).describe("Name shown in the panels."),
  description: z.string().max(1000).optional(),
  timeoutSeconds: z.number().int().min(1).max(3600).default(300).describe("Longest time one run may take."),
  memoryMb: z.number().int().min(32).max(4096).default(512).describe("Memory the analyzer may use."),
  // When analyzers run side by side on too few cores, the one that takes longest decides when the
  // analysis ends: the others may as well give way to it, since they get every idle cycle anyway.
  background: z
    .boolean()
    .default(false)
    .describe(
      "Runs at lower CPU priority (with every ffmpeg it starts): it gives way to the other analyzers while they compete for the cores.",
    ),
  // The keyframe step decodes a burst of frames per shot; an analyzer that reads no keyframes need
  // not wait for it, and the longest analyzer (OCR) decides when an analysis ends.
  startsAfter: z
    .enum(["shots", "keyframes"])
    .default("keyframes")
    .describe(
      '"keyframes" (default): runs once shots and keyframes are found. "shots": starts as soon as the shots are, beside keyframe selection; its input then has no keyframes.',
    ),
  // Shots and keyframes are analyzers too, at the start of the pipeline: the first enabled one of
  // each kind runs, so a newsroom can replace the built-in detector by disabling it.
  produces: z
    .enum(["tags", "shots", "keyframes"])
    .default("tags")
    .describe(
      '"tags" (default): runs on the shots and keyframes. "shots" / "keyframes": finds them, before every other analyzer.',
    ),
});
export type AnalyzerContribution = z.infer<typeof AnalyzerContribution>;
