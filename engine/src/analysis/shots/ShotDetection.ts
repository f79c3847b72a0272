import type { CancellationToken } from "../../core/Cancellation.ts";
import type { Progress } from "../../core/Progress.ts";
import type { FrameStoreIndex } from "../../media/FrameStoreIndex.ts";
import type { MediaInfo } from "../../media/MediaInfo.ts";
import type { Shot } from "./Shot.ts";
import type { ShotDetectionMode } from "./ShotDetector.ts";
import type { Preparable } from "../../core/Preparable.ts";

export interface ShotDetectionOutcome {
  readonly shots: Shot[];
  readonly mode: "fast" | "exact";
  /**
   * Optional: pictures the detector put into the job's frame store on its way (files in `outDir`,
   * named bare; see FrameStoreWriter); the engine takes in what holds what it claims.
   */
  readonly frameStore?: FrameStoreIndex;
}

/**
 * The first step of every analysis: the clip's shots. An analyzer contribution with
 * `"produces": "shots"` (the built-in is `sichter.shots`).
 */
export interface ShotDetection extends Preparable {
  readonly id: string;
  readonly version: string;
  /** `outDir`: the job's temp folder, for files handed on (removed with the job). */
  detect(media: MediaInfo, mode: ShotDetectionMode, outDir: string, progress: Progress, token: CancellationToken): Promise<ShotDetectionOutcome>;
}
