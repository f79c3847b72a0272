import type { CancellationToken } from "../core/Cancellation.ts";
import type { Progress } from "../core/Progress.ts";
import type { FrameStoreIndex } from "../media/FrameStoreIndex.ts";
import type { MediaInfo } from "../media/MediaInfo.ts";
import type { Shot } from "@sichter/shared/model";
import type { Preparable } from "../core/Preparable.ts";

/** A shot as the shot step finds it: with its detector's confidence in the boundary that opens it (1 for the first). */
export interface DetectedShot extends Shot {
  readonly confidence: number;
}

/** How the shot step decodes: `auto` decides per file from its GOP structure. */
export type ShotDetectionMode = "auto" | "fast" | "exact";

/** How finely the shot step judges, for a user who asks (`sichter shots --sensitivity`); defaults otherwise. */
export interface ShotStepOptions {
  /** 0 = only obvious changes … 1 = every plausible change. */
  readonly sensitivity?: number;
  /** The shortest shot in frames. */
  readonly minShotFrames?: number;
}

export interface ShotDetectionOutcome {
  readonly shots: DetectedShot[];
  readonly mode: "fast" | "exact";
  /** Which route ran (`sichter shots --json` reports it): keyframes first, or every frame decoded. */
  readonly route?: "keyframes" | "full-decode";
  /** Why that route ran: asked for, chosen from the GOP structure, or fallen back to. */
  readonly routeReason?: string;
  /** Frames the detector decoded. */
  readonly decodedFrames?: number;
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
  detect(
    media: MediaInfo,
    mode: ShotDetectionMode,
    outDir: string,
    progress: Progress,
    token: CancellationToken,
    options?: ShotStepOptions,
  ): Promise<ShotDetectionOutcome>;
}
