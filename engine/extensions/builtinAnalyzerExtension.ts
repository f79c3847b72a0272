import type { Analyzer } from "../src/analysis/Analyzer.ts";
import type { CancellationToken } from "../src/core/Cancellation.ts";
import type { Progress } from "../src/core/Progress.ts";
import type { ExtensionAnalysisInput, ExtensionContext, SichterApi } from "../src/extensions/api/SichterApi.ts";
import { mediaFrameSource } from "../src/media/FrameSource.ts";
import type { MediaInfo } from "../src/media/MediaInfo.ts";

/**
 * Registers one of the engine's own analyzers through the same API a third-party extension uses.
 * Built-ins run trusted (their own process, without the permission sandbox), so they get the whole
 * probe result and decode frames themselves instead of asking the engine frame by frame.
 */
export function registerBuiltinAnalyzer(api: SichterApi, analyzer: Analyzer): void {
  api.analyzers.register(analyzer.id, {
    analyze: async (input: ExtensionAnalysisInput, progress, token) => {
      const media = input.media as unknown as MediaInfo;
      const result = await analyzer.analyze(
        {
          media,
          shots: input.shots as Parameters<Analyzer["analyze"]>[0]["shots"],
          keyframes: input.keyframes as Parameters<Analyzer["analyze"]>[0]["keyframes"],
          frames: mediaFrameSource(media),
          language: input.language,
          ...(input.keyframePictures && { keyframePictures: input.keyframePictures }),
        },
        progress as Progress,
        token as CancellationToken,
      );
      return result as unknown as { tags: [] };
    },
  });
}

export type { ExtensionContext, SichterApi };
