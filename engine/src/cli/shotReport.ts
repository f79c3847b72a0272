import type { Transition } from "@sichter/shared/model";
import type { ShotDetectionOutcome } from "../extensionApi/ShotDetection.ts";
import type { MediaInfo } from "../media/MediaInfo.ts";
import { mediaTimecode } from "../media/mediaTimecode.ts";

/** The `sichter shots --json` document: stable field names that scripts and hosts rely on. */
export interface ShotReport {
  readonly file: string;
  /** The rate the timecodes count at: the nominal rate of a VFR file (frames are the file's). */
  readonly frameRate: string;
  readonly dropFrame: boolean;
  readonly startTimecode: string;
  readonly frameCount: number;
  readonly durationSeconds: number;
  readonly variableFrameRate: boolean;
  readonly mode: "fast" | "exact";
  /** Which route ran: keyframes first (fast), or every frame decoded (when the detector says). */
  readonly route?: "keyframes" | "full-decode";
  /** Why: asked for, chosen from the file's GOP structure, or fallen back to. */
  readonly routeReason?: string;
  /** Frames the detector decoded, keyframe pass and windows together. */
  readonly decodedFrames?: number;
  readonly shots: ReadonlyArray<{
    readonly index: number;
    readonly startFrame: number;
    readonly endFrame: number;
    readonly startTimecode: string;
    readonly endTimecode: string;
    /** Presentation time of the first frame; differs from timecode arithmetic in VFR files. */
    readonly startSeconds: number;
    readonly transition: Transition | null;
    readonly confidence: number;
  }>;
}

export function shotReport(media: MediaInfo, result: ShotDetectionOutcome): ShotReport {
  // Timecodes as the editing application counts them: at the nominal rate, by time (VFR).
  const tc = mediaTimecode(media);
  return {
    file: media.path,
    frameRate: tc.frameRate,
    dropFrame: tc.context.dropFrame,
    startTimecode: tc.toTimecode(0),
    frameCount: media.frameCount,
    durationSeconds: round6(media.durationSeconds),
    variableFrameRate: media.variableFrameRate,
    mode: result.mode,
    ...(result.route && { route: result.route }),
    ...(result.routeReason !== undefined && { routeReason: result.routeReason }),
    ...(result.decodedFrames !== undefined && { decodedFrames: result.decodedFrames }),
    shots: result.shots.map((shot) => ({
      index: shot.index,
      startFrame: shot.startFrame,
      endFrame: shot.endFrame,
      startTimecode: tc.toTimecode(shot.startFrame),
      endTimecode: tc.toTimecode(shot.endFrame),
      startSeconds: round6(media.frameTimes[shot.startFrame] ?? 0),
      transition: shot.transition,
      confidence: Math.round(shot.confidence * 1000) / 1000,
    })),
  };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
