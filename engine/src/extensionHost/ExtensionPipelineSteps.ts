import { Keyframe, type Shot } from "@sichter/shared/model";
import { z } from "zod";
import type { KeyframeSelection, KeyframeSelectionResult, KeyframeStepOptions } from "../extensionApi/KeyframeSelection.ts";
import type { DetectedShot, ShotDetection, ShotDetectionMode, ShotDetectionOutcome, ShotStepOptions } from "../extensionApi/ShotDetection.ts";
import { CancellationToken } from "../core/Cancellation.ts";
import { Progress } from "../core/Progress.ts";
import { frameRunsByFirstFrame } from "../media/FrameRuns.ts";
import { keyframePictureList } from "../media/KeyframePictures.ts";
import type { MediaInfo } from "../media/MediaInfo.ts";
import { ExtensionFailure } from "./host/ExtensionFailure.ts";
import { analyzeInExtension } from "./analyzeInExtension.ts";
import type { ExtensionProcess } from "./host/ExtensionProcess.ts";

export interface PipelineStepOptions {
  readonly id: string;
  readonly extensionId: string;
  readonly version: string;
  readonly timeoutSeconds: number;
  readonly host: () => Promise<ExtensionProcess>;
}

const JobFileName = z.string().regex(/^[^/\\]+$/, "a file name inside the job folder").refine((name) => name !== "." && name !== "..", "a file name inside the job folder");
const Transition = z.object({ type: z.enum(["cut", "dissolve", "fade"]), startFrame: z.int().nonnegative(), endFrame: z.int().nonnegative() });
const FrameRunsResult = z
  .object({
    width: z.int().positive(),
    height: z.int().positive(),
    pixelFormat: z.literal("gray"),
    runs: z.array(z.object({ first: z.int().nonnegative(), data: z.instanceof(Uint8Array) })),
  })
  .optional();
const ShotResult = z.object({
  shots: z.array(z.object({ index: z.int().nonnegative(), startFrame: z.int().nonnegative(), endFrame: z.int().nonnegative(), transition: Transition.nullable(), confidence: z.number().min(0).max(1) })).min(1),
  mode: z.enum(["fast", "exact"]),
  route: z.enum(["keyframes", "full-decode"]).optional(),
  routeReason: z.string().optional(),
  decodedFrames: z.int().nonnegative().optional(),
  keyframePictures: z
    .object({ width: z.int().positive(), height: z.int().positive(), pixelFormat: z.literal("rgb24"), data: z.instanceof(Uint8Array) })
    .optional(),
  frameRuns: FrameRunsResult,
  keyframeFrames: z
    .object({
      width: z.int().positive(),
      height: z.int().positive(),
      pixelFormat: z.literal("rgb24"),
      file: JobFileName,
      count: z.int().positive(),
      others: z.array(z.object({ file: JobFileName, frames: z.array(z.int().nonnegative()).min(1) })).optional(),
    })
    .optional(),
  windowPictures: z
    .object({
      width: z.int().positive(),
      height: z.int().positive(),
      pixelFormat: z.literal("rgb24"),
      windows: z.array(z.object({ file: JobFileName, first: z.int().nonnegative(), count: z.int().positive() })),
    })
    .optional(),
});
const KeyframeResult = z.object({
  keyframes: z.array(Keyframe.extend({ file: JobFileName })),
  duplicates: z.array(z.object({ shot: z.int().nonnegative(), frame: z.int().nonnegative(), duplicateOf: z.int().nonnegative() })).default([]),
  frameRuns: FrameRunsResult,
});

/** A shot detector contribution (`"produces": "shots"`), run in its extension's process. */
export class ExtensionShotDetection implements ShotDetection {
  readonly id: string;
  readonly version: string;

  constructor(private readonly options: PipelineStepOptions) {
    this.id = options.id;
    this.version = options.version;
  }

  /** Starts the extension's process, if it is not running yet. */
  async prepare(): Promise<void> {
    await this.options.host();
  }

  async detect(
    media: MediaInfo,
    mode: ShotDetectionMode,
    outDir: string,
    progress = Progress.None,
    token = CancellationToken.None,
    tuning: ShotStepOptions = {},
  ): Promise<ShotDetectionOutcome> {
    const raw = await analyzeInExtension(this.options, { media, mode, shots: [], keyframes: [], outDir, ...tuning }, progress, token);
    const parsed = ShotResult.safeParse(raw);
    if (!parsed.success) throw invalid(this.options, parsed.error);
    const { shots, keyframePictures, frameRuns, keyframeFrames, windowPictures } = parsed.data as Pick<ShotDetectionOutcome, "keyframePictures" | "frameRuns" | "keyframeFrames" | "windowPictures"> & { shots: DetectedShot[] };
    // Pictures that do not fit the clip are left out rather than failing the step: analyzers then
    // decode the keyframes themselves, as they would without them. Runs likewise.
    const fitting = keyframePictureList(keyframePictures, media) ? keyframePictures : undefined;
    const fittingRuns = frameRunsByFirstFrame(frameRuns, media) ? frameRuns : undefined;
    // Keyframe frames and window pictures name files in the job folder; whether they hold what
    // they claim is checked where they are read.
    const { route, routeReason, decodedFrames } = parsed.data;
    return {
      shots,
      mode: parsed.data.mode,
      ...(route && { route }),
      ...(routeReason !== undefined && { routeReason }),
      ...(decodedFrames !== undefined && { decodedFrames }),
      ...(fitting && { keyframePictures: fitting }),
      ...(fittingRuns && { frameRuns: fittingRuns }),
      ...(keyframeFrames && { keyframeFrames }),
      ...(windowPictures && { windowPictures }),
    };
  }
}

/** A keyframe selector contribution (`"produces": "keyframes"`), run in its extension's process. */
export class ExtensionKeyframeSelection implements KeyframeSelection {
  readonly id: string;
  readonly version: string;

  constructor(private readonly options: PipelineStepOptions) {
    this.id = options.id;
    this.version = options.version;
  }

  /** Starts the extension's process, if it is not running yet. */
  async prepare(): Promise<void> {
    await this.options.host();
  }

  async select(
    media: MediaInfo,
    shots: readonly Shot[],
    outDir: string,
    progress = Progress.None,
    token = CancellationToken.None,
    options: KeyframeStepOptions = {},
  ): Promise<KeyframeSelectionResult> {
    const raw = await analyzeInExtension(this.options, { media, shots, keyframes: [], outDir, ...options }, progress, token);
    const parsed = KeyframeResult.safeParse(raw);
    if (!parsed.success) throw invalid(this.options, parsed.error);
    const { frameRuns, ...selection } = parsed.data;
    // As with keyframe pictures: runs that do not fit the clip are left out, and analyzers decode.
    return { ...selection, ...(frameRunsByFirstFrame(frameRuns, media) && { frameRuns }) };
  }
}

function invalid(options: PipelineStepOptions, error: z.ZodError): ExtensionFailure {
  const issue = error.issues[0];
  return new ExtensionFailure("threw", options.extensionId, `${options.id} returned an invalid result at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
}
