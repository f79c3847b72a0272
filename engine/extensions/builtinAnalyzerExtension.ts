import type { AnalysisInput, Analyzer } from "../src/extensionHost/api/Analyzer.ts";
import type { CancellationToken } from "../src/core/Cancellation.ts";
import type { Progress } from "../src/core/Progress.ts";
import type { ExtensionAnalysisInput, ExtensionContext, SichterApi } from "../src/extensionHost/api/SichterApi.ts";
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
      // Everything the engine sent passes on as it came (a field added to the input reaches the
      // analyzer without a change here); only the frames are the analyzer's own decoder.
      const result = await analyzer.analyze(
        { ...(input as unknown as AnalysisInput), media, frames: mediaFrameSource(media) },
        progress as Progress,
        token as CancellationToken,
      );
      return result as unknown as { tags: [] };
    },
  });
}

export type { ExtensionContext, SichterApi };
