import type { CancellationToken } from "../../core/Cancellation.ts";
import type { Progress } from "../../core/Progress.ts";
import type { FrameRuns } from "../../media/FrameRuns.ts";
import type { KeyframePictures } from "../../media/KeyframePictures.ts";
import type { MediaInfo } from "../../media/MediaInfo.ts";
import type { Shot } from "./Shot.ts";
import type { ShotDetectionMode } from "./ShotDetector.ts";

export interface ShotDetectionOutcome {
  readonly shots: Shot[];
  readonly mode: "fast" | "exact";
  /** Optional: the keyframe pictures the detector made on its way, passed on to the analyzers. */
  readonly keyframePictures?: KeyframePictures;
  /** Optional: frame runs the detector decoded on its way (see FrameRuns), passed on likewise. */
  readonly frameRuns?: FrameRuns;
}

/**
 * The first step of every analysis: the clip's shots. An analyzer contribution with
 * `"produces": "shots"` (the built-in is `sichter.shots`).
 */
export interface ShotDetection {
  readonly id: string;
  readonly version: string;
  detect(media: MediaInfo, mode: ShotDetectionMode, progress: Progress, token: CancellationToken): Promise<ShotDetectionOutcome>;
}
