import type { Clip, Keyframe, Shot, Tag, TagPlan } from "@sichter/shared/model";
import type { CancellationToken } from "../core/Cancellation.ts";
import type { Disposable } from "../core/Disposable.ts";
import type { Progress } from "../core/Progress.ts";
import type { KeywordProvider } from "./KeywordProvider.ts";
import type { RgbImage } from "../media/FrameSource.ts";
import type { MediaInfo } from "../media/MediaInfo.ts";
import type { TagWriterAnalysis } from "./TagWriter.ts";
import type { KeyframeSelectionResult, KeyframeStepOptions } from "./KeyframeSelection.ts";
import type { ShotDetectionMode, ShotDetectionOutcome, ShotStepOptions } from "./ShotDetection.ts";

/**
 * What an extension's `activate(context, api)` receives. Types only: an extension written in plain
 * JavaScript needs nothing from the engine's code, and one in TypeScript may import these types.
 */

export interface ExtensionContext {
  /** `publisher.name` from the manifest. */
  readonly id: string;
  /** A folder only this extension may write; it survives updates of the extension. */
  readonly storagePath: string;
  /** Disposed when the extension is deactivated (shutdown, disable). */
  readonly subscriptions: Disposable[];
  /** The user's settings for this extension, validated against its `configuration` contribution. */
  readonly configuration: Readonly<Record<string, unknown>>;
  readonly log: { info(message: string): void; warn(message: string): void; error(message: string): void };
}

export interface ExtensionAnalysisInput {
  /** The whole probe result: keyframe index, frame times, packet sizes and the rest. */
  readonly media: MediaInfo;
  /** Shots in order; `transition` is the cut, dissolve or fade that starts the shot (or null). */
  readonly shots: readonly Shot[];
  /** Empty for an analyzer that starts after shots, and for the shot and keyframe steps. */
  readonly keyframes: readonly Keyframe[];
  readonly language: "de" | "en";
  /**
   * Exact frames decoded by the engine (the extension never needs ffmpeg of its own). Frames the
   * shot step decoded on its way come from the job's frame store without a decode: on long-GOP
   * clips every entry of `media.keyframes` at 64 px wide, and every frame of the stretches around
   * shot changes at that width (decoded without H.264's deblocking filter: a grey level or two off
   * exact frames here and there).
   */
  readonly frames: { rgb(frame: number, width: number, count?: number): Promise<RgbImage[]> };
}

/** A tag an analyzer proposes; the engine adds status "suggested" and the provenance. */
export interface ExtensionTag {
  readonly label: string;
  readonly kind?: string;
  readonly language?: string;
  readonly source?: "ocr" | "vision" | "speech" | "technical" | "motion";
  readonly confidence: number;
  readonly startFrame: number;
  readonly endFrame: number;
}

/**
 * What an analyzer returns: tags, and (built-ins only) text read on screen. The shot and keyframe
 * steps return their own results in its place (see ShotDetectionOutcome, KeyframeSelectionResult).
 */
export interface ExtensionAnalysisResult {
  /**
   * Proposed tags. Built-ins may return whole tags (status and provenance as they set them); the
   * engine gives everyone else's status "suggested" and their provenance, and refuses `user` tags.
   */
  readonly tags: ReadonlyArray<ExtensionTag | Tag>;
  readonly text?: ReadonlyArray<{ startFrame: number; endFrame: number; text: string }>;
}

/** Progress as an extension reports it: `stage` defaults to the contribution's id. */
export interface ExtensionProgress {
  report(value: { readonly stage?: string; readonly fraction: number }): void;
}

export interface ExtensionAnalyzer {
  analyze(
    input: ExtensionAnalysisInput,
    progress: ExtensionProgress,
    token: CancellationToken,
  ): Promise<ExtensionAnalysisResult>;
}

/** The clip a plan belongs to, as a tag writer gets it. */
export interface WrittenClip {
  readonly path: string;
  readonly frameRate: string;
  readonly startTimecode: string;
  readonly frameCount: number;
  /** What the user asked for this run (`sichter analyze --embed --lang de`, the panel's options). */
  readonly request: { readonly metadata: "sidecar" | "embed" | "none"; readonly language: "de" | "en" };
  /** The whole analysis (tag set, analyzers, thumbnails): given to the built-in writers only. */
  readonly analysis?: TagWriterAnalysis;
}

export interface ExtensionTagWriter {
  /**
   * Resolves with where it wrote (a URL, an asset id) for the user's report, plus any flat facts
   * worth reporting; throws when it could not.
   */
  write(
    plan: unknown,
    clip: WrittenClip,
    token: CancellationToken,
  ): Promise<({ target?: string } & Record<string, unknown>) | void>;
}

export type {
  ImageAnswer,
  KeywordProvider as ExtensionKeywordProvider,
  KeywordRequestContext,
  OutboundRequest,
  OutboundResponse,
  ProviderImage,
  TileAnswer,
} from "./KeywordProvider.ts";

/** What the shot step gets: the probed clip, how to decode, and the job folder for its pictures. */
export interface ShotStepInput extends ShotStepOptions {
  readonly media: MediaInfo;
  readonly mode: ShotDetectionMode;
  readonly outDir: string;
}

/** The shot step (an analyzer contribution that `"produces": "shots"`). */
export interface ExtensionShotDetector {
  /** Files it names in its result are bare names inside `outDir`. */
  detect(input: ShotStepInput, progress: Progress, token: CancellationToken): Promise<ShotDetectionOutcome>;
}

/** What the keyframe step gets: the clip, its shots, and the job folder for the keyframe JPEGs. */
export interface KeyframeStepInput extends KeyframeStepOptions {
  readonly media: MediaInfo;
  readonly shots: readonly Shot[];
  readonly outDir: string;
}

/** The keyframe step (an analyzer contribution that `"produces": "keyframes"`). */
export interface ExtensionKeyframeSelector {
  select(input: KeyframeStepInput, progress: Progress, token: CancellationToken): Promise<KeyframeSelectionResult>;
}

/** A catalogued clip and its tag plan now (rejected tags left out, labels in the asked language). */
export interface CatalogPlanView {
  readonly clip: Clip & { readonly id: number };
  readonly plan: TagPlan;
}

export interface CatalogAccess {
  /** `clip`: a catalog id or a media path. Fails with SICHTER_E_NOT_IN_CATALOG for a clip never analysed. */
  plan(clip: string | number, language: "de" | "en"): Promise<CatalogPlanView>;
}

export interface SichterApi {
  readonly analyzers: { register(id: string, analyzer: ExtensionAnalyzer): Disposable };
  readonly shotDetectors: { register(id: string, detector: ExtensionShotDetector): Disposable };
  readonly keyframeSelectors: { register(id: string, selector: ExtensionKeyframeSelector): Disposable };
  /** Writers get the tag plan after each analysis (after the engine's own XMP). */
  readonly tagWriters: { register(id: string, writer: ExtensionTagWriter): Disposable };
  /**
   * Keyword providers get keyframes (single or as contact sheets) already cleaned by the privacy
   * guard, and send their requests through `context.send`, never on their own.
   */
  readonly keywordProviders: { register(id: string, provider: KeywordProvider): Disposable };
  /** Handlers of contributed commands; a panel runs them through `commands.execute`. */
  readonly commands: { register(id: string, handler: (...args: unknown[]) => unknown): Disposable };
  /**
   * The ONNX runtime (the engine's `onnxruntime-node`), only for extensions whose manifest lists the
   * "onnxRuntime" permission; otherwise undefined. Native addons are outside Node's permission model
   * (their code can read and write anything the user can), which is why this is an explicit, listed
   * permission rather than something every extension gets.
   */
  readonly onnx?: typeof import("onnxruntime-node");
  /**
   * Read access to the catalog through the engine, only for extensions whose manifest lists the
   * "catalog" permission (and only while one of their commands runs); otherwise undefined. The
   * extension never opens the catalog itself: the engine answers with what it would write.
   */
  readonly catalog?: CatalogAccess;
}

export interface ExtensionModule {
  activate(context: ExtensionContext, api: SichterApi): void | Promise<void>;
  deactivate?(): void | Promise<void>;
}
