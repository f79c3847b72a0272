import { mediaFrameSource } from "../media/FrameSource.ts";
import type { Analyzer } from "./Analyzer.ts";
import type { SichterApi } from "./SichterApi.ts";

/**
 * Registers one of the engine's own analyzers through the same API a third-party extension uses.
 * Built-ins run trusted (their own process, without the permission sandbox), so they get the whole
 * probe result and decode frames themselves instead of asking the engine frame by frame.
 */
export function registerBuiltinAnalyzer(api: SichterApi, analyzer: Analyzer): void {
  api.analyzers.register(analyzer.id, {
    // Everything the engine sent passes on as it came (a field added to the input reaches the
    // analyzer without a change here); only the frames are the analyzer's own decoder.
    analyze: (input, progress, token) =>
      analyzer.analyze({ ...input, frames: mediaFrameSource(input.media) }, progress, token),
  });
}
