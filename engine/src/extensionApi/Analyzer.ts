import type { Keyframe, Shot, Tag } from "@sichter/shared/model";
import type { CancellationToken } from "../core/Cancellation.ts";
import type { Progress } from "../core/Progress.ts";
import type { MediaInfo } from "../media/MediaInfo.ts";
import type { FrameSource } from "../media/FrameSource.ts";
import type { FrameStoreIndex } from "../media/FrameStoreIndex.ts";
import type { Preparable } from "../core/Preparable.ts";

/** What every analyzer gets: the probed clip, its shots and keyframes, and a way to fetch frames. */
export interface AnalysisInput {
  readonly media: MediaInfo;
  readonly shots: readonly Shot[];
  /** Empty for an analyzer that starts after shots (see `Analyzer.startsAfter`). */
  readonly keyframes: readonly Keyframe[];
  readonly frames: FrameSource;
  /**
   * What the job's frame store holds (see FrameStore): pictures the shot and keyframe steps
   * decoded on their way (see storedGeometries), in files of the job folder, read through a
   * FrameStoreReader by frame number and geometry; an analyzer decodes what it does not hold.
   * Only the shot step's for an analyzer that starts after shots; empty for intra-only clips. The
   * index goes to built-in analyzers only: extensions under the permission model cannot read the
   * job folder, and the engine answers their `frames.rgb` from the store instead.
   */
  readonly frameStore?: FrameStoreIndex;
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
