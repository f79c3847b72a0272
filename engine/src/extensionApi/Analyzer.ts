import type { Keyframe, Shot, Tag } from "@sichter/shared/model";
import type { CancellationToken } from "../core/Cancellation.ts";
import type { Progress } from "../core/Progress.ts";
import type { MediaInfo } from "../media/MediaInfo.ts";
import type { FrameRuns } from "../media/FrameRuns.ts";
import type { FrameSource } from "../media/FrameSource.ts";
import type { KeyframeFrames } from "../media/KeyframeFrames.ts";
import type { KeyframePictures } from "../media/KeyframePictures.ts";
import type { WindowPictures } from "../media/WindowPictures.ts";
import type { Preparable } from "../core/Preparable.ts";

/** What every analyzer gets: the probed clip, its shots and keyframes, and a way to fetch frames. */
export interface AnalysisInput {
  readonly media: MediaInfo;
  readonly shots: readonly Shot[];
  /** Empty for an analyzer that starts after shots (see `Analyzer.startsAfter`). */
  readonly keyframes: readonly Keyframe[];
  readonly frames: FrameSource;
  /**
   * A 64-px picture of every codec keyframe, when the shot step made them (see KeyframePictures):
   * an analyzer that would decode all keyframes takes these instead. Absent for intra-only clips.
   */
  readonly keyframePictures?: KeyframePictures;
  /**
   * Short runs of consecutive frames as 160-px grey pictures, decoded on the way by the shot and
   * keyframe steps (see FrameRuns): an analyzer that wants frames where a run starts takes the run
   * instead of decoding. Only the shot step's for an analyzer that starts after shots.
   */
  readonly frameRuns?: FrameRuns;
  /**
   * The leading keyframes at OCR's width in a file of the job folder, when the shot step made them,
   * and a few frames between keyframes its refine windows decoded anyway (see KeyframeFrames).
   * Handed to built-in analyzers only: extensions under the permission model cannot read the job
   * folder.
   */
  readonly keyframeFrames?: KeyframeFrames;
  /**
   * Every frame of the shot step's refine windows at the keyframe pictures' size, in files of the
   * job folder (see WindowPictures). Built-in analyzers only, as `keyframeFrames`.
   */
  readonly windowPictures?: WindowPictures;
  /** Language labels are written in ("de" for a German newsroom); analyzers may add both. */
  readonly language: "de" | "en";
}

export interface AnalyzerResult {
  readonly tags: Tag[];
  /** Text read on screen with its range, for search and descriptions (OCR only). */
  readonly text?: ReadonlyArray<{ startFrame: number; endFrame: number; text: string }>;
}

/**
 * One analysis step over a clip (OCR, technical cues, camera motion, ...). Built-in analyzers
 * implement exactly this, as a third-party extension would.
 */
export interface Analyzer extends Preparable {
  /** Contribution id, e.g. "sichter.ocr"; recorded in every tag's provenance. */
  readonly id: string;
  readonly version: string;
  /**
   * When the analyzer can start: `"keyframes"` (default) once shots and keyframes are found;
   * `"shots"` as soon as shots are, while keyframes are still being chosen. An analyzer that reads
   * no keyframes gets its turn earlier that way, which shortens the analysis when it is the
   * longest one (OCR); its input then has no keyframes.
   */
  readonly startsAfter?: "shots" | "keyframes";
  analyze(input: AnalysisInput, progress: Progress, token: CancellationToken): Promise<AnalyzerResult>;
}
