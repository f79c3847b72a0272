import { extractKeyframes } from "./keyframes/extractKeyframes.ts";
import { FrameStoreWriter, type KeyframeSelection, type ShotDetection } from "@sichter/engine/extension-api";
import { detectShots } from "./detector/ShotDetector.ts";

const VERSION = "1.0.0";
/** Thumbnails and OCR-free uses need no more; the catalog keeps these as they are. */
const KEYFRAME_WIDTH = 320;
/**
 * In the pipeline, analyzers that start after shots run beside this step: OCR, the longest, at
 * normal priority, and cues in the background (PRIORITY_BELOW_NORMAL, 10). In between, the step
 * gives way to OCR but not to cues, so motion, which waits for its bursts, is done before OCR is.
 */
const KEYFRAME_NICENESS = 5;

/** The engine's own shot detector behind the ShotDetection step. */
export const shotDetection: ShotDetection = {
  id: "sichter.shots",
  version: VERSION,
  async detect(media, mode, outDir, progress, token, tuning = {}) {
    const frameStore = new FrameStoreWriter(outDir);
    try {
      const options = {
        mode,
        ...(tuning.sensitivity !== undefined && { sensitivity: tuning.sensitivity }),
        ...(tuning.minShotFrames !== undefined && { minShotFrames: tuning.minShotFrames }),
        frameStore,
      };
      const result = await detectShots(media, options, progress, token);
      return {
        shots: result.shots,
        mode: result.mode,
        route: result.route,
        routeReason: result.routeReason,
        decodedFrames: result.decodedFrames,
        frameStore: frameStore.index(),
      };
    } finally {
      frameStore.dispose();
    }
  },
};

/** The engine's own keyframe picker behind the KeyframeSelection step. */
export const keyframeSelection: KeyframeSelection = {
  id: "sichter.keyframes",
  version: VERSION,
  async select(media, shots, outDir, progress, token, { width = KEYFRAME_WIDTH } = {}) {
    const frameStore = new FrameStoreWriter(outDir);
    try {
      const options = { outDir, width, frameStore, niceness: KEYFRAME_NICENESS };
      const { keyframes, duplicates } = await extractKeyframes(media, shots, options, progress, token);
      const shotOf = (frame: number): number =>
        shots.find((s) => frame >= s.startFrame && frame < s.endFrame)?.index ?? 0;
      return {
        keyframes: keyframes.map(({ shot, frame, timecode, seconds, hash, file }) => ({
          shot,
          frame,
          timecode,
          seconds,
          hash,
          file,
        })),
        duplicates: duplicates.map(({ frame, duplicateOf }) => ({ shot: shotOf(frame), frame, duplicateOf })),
        frameStore: frameStore.index(),
      };
    } finally {
      frameStore.dispose();
    }
  },
};
