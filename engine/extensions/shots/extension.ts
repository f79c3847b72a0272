import type { CancellationToken } from "../../src/core/Cancellation.ts";
import type { Progress } from "../../src/core/Progress.ts";
import type { ExtensionContext, SichterApi } from "../../src/extensionHost/api/SichterApi.ts";
import type { Shot } from "./detector/Shot.ts";
import type { MediaInfo } from "../../src/media/MediaInfo.ts";
import { keyframeSelection, shotDetection } from "./stages.ts";

/**
 * Shots and keyframes run in one process: they are always needed together, and the keyframe step
 * reuses the probe the shot step already received.
 */
export function activate(_context: ExtensionContext, api: SichterApi): void {
  api.analyzers.register(shotDetection.id, {
    analyze: async (input, progress, token) => {
      const { mode, outDir } = input as unknown as { mode: "auto" | "fast" | "exact"; outDir: string };
      return shotDetection.detect(input.media as unknown as MediaInfo, mode, outDir, progress as Progress, token as CancellationToken) as never;
    },
  });
  api.analyzers.register(keyframeSelection.id, {
    analyze: async (input, progress, token) => {
      const { outDir } = input as unknown as { outDir: string };
      return (await keyframeSelection.select(input.media as unknown as MediaInfo, input.shots as Shot[], outDir, progress as Progress, token as CancellationToken)) as never;
    },
  });
}
