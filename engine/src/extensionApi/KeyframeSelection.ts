import type { Keyframe } from "@sichter/shared/model";
import type { CancellationToken } from "../core/Cancellation.ts";
import type { Progress } from "../core/Progress.ts";
import type { FrameStoreIndex } from "../media/FrameStoreIndex.ts";
import type { MediaInfo } from "../media/MediaInfo.ts";
import type { Shot } from "@sichter/shared/model";
import type { Preparable } from "../core/Preparable.ts";

/** A keyframe and its JPEG (a file name inside the job's temp folder). */
export type SelectedKeyframe = Keyframe & { readonly file: string };

/** A shot whose keyframe looked like an earlier one: it got none of its own, the earlier one stands for it. */
export interface KeyframeDuplicate {
  readonly shot: number;
  readonly frame: number;
  /** Frame of the kept keyframe it duplicates. */
  readonly duplicateOf: number;
}

export interface KeyframeSelectionResult {
  readonly keyframes: SelectedKeyframe[];
  readonly duplicates: KeyframeDuplicate[];
  /** Optional: pictures the step put into the job's frame store (see ShotDetectionOutcome.frameStore). */
  readonly frameStore?: FrameStoreIndex;
}

/**
 * The second step: representative frames per shot, as JPEGs in the job's temp folder (removed when
 * the job ends). An analyzer contribution with `"produces": "keyframes"` (built-in: `sichter.keyframes`).
 */
export interface KeyframeStepOptions {
  /** Width of the keyframe JPEGs; the step's own default (the catalog's thumbnails) otherwise. */
  readonly width?: number;
}

export interface KeyframeSelection extends Preparable {
  readonly id: string;
  readonly version: string;
  select(
    media: MediaInfo,
    shots: readonly Shot[],
    outDir: string,
    progress: Progress,
    token: CancellationToken,
    options?: KeyframeStepOptions,
  ): Promise<KeyframeSelectionResult>;
}
