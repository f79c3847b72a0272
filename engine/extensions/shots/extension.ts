import type { ExtensionContext, SichterApi } from "@sichter/engine/extension-api";
import { keyframeSelection, shotDetection } from "./stages.ts";

/**
 * Shots and keyframes run in one process: they are always needed together, and the keyframe step
 * reuses the probe the shot step already received.
 */
export function activate(_context: ExtensionContext, api: SichterApi): void {
  api.shotDetectors.register(shotDetection.id, {
    detect: ({ media, mode, outDir, ...tuning }, progress, token) =>
      shotDetection.detect(media, mode, outDir, progress, token, tuning),
  });
  api.keyframeSelectors.register(keyframeSelection.id, {
    select: ({ media, shots, outDir, ...options }, progress, token) =>
      keyframeSelection.select(media, shots, outDir, progress, token, options),
  });
}
