/**
 * What an extension's `activate(context, api)` receives. Types only: an extension written in plain
 * JavaScript needs nothing from the engine's code, and one in TypeScript may import these types.
 */
export interface Disposable {
  dispose(): void;
}

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

export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** RGB24, row-major. */
  readonly data: Uint8Array;
}

export interface ExtensionAnalysisInput {
  /** The probe result; further fields (keyframe index, frame times, packet sizes) are there too. */
  readonly media: {
    readonly path: string;
    readonly keyframes: readonly number[];
    readonly frameRate: string;
    readonly frameCount: number;
    readonly durationSeconds: number;
    readonly width: number;
    readonly height: number;
  };
  /** Shots in order; `transition` is the cut, dissolve or fade that starts the shot (or null). */
  readonly shots: ReadonlyArray<{
    index: number;
    startFrame: number;
    endFrame: number;
    transition: { type: string; startFrame: number; endFrame: number } | null;
  }>;
  readonly keyframes: ReadonlyArray<{ shot: number; frame: number; timecode: string; seconds: number; hash: string }>;
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

export interface CancellationToken {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): Disposable;
}

export interface ExtensionAnalyzer {
  analyze(
    input: ExtensionAnalysisInput,
    progress: { report(value: { stage?: string; fraction: number }): void },
    token: CancellationToken,
  ): Promise<{ tags: ExtensionTag[] }>;
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
  readonly analysis?: import("../../pipeline/TagWriter.ts").TagWriterAnalysis;
}

export interface ExtensionTagWriter {
  /**
   * Resolves with where it wrote (a URL, an asset id) for the user's report, plus any flat facts
   * worth reporting; throws when it could not.
   */
  write(plan: unknown, clip: WrittenClip, token: CancellationToken): Promise<({ target?: string } & Record<string, unknown>) | void>;
}

export type {
  ImageAnswer, KeywordProvider as ExtensionKeywordProvider, KeywordRequestContext, OutboundRequest, OutboundResponse, ProviderImage, TileAnswer,
} from "../../keywording/KeywordProvider.ts";

export interface SichterApi {
  readonly analyzers: { register(id: string, analyzer: ExtensionAnalyzer): Disposable };
  /** Writers get the tag plan after each analysis (after the engine's own XMP). */
  readonly tagWriters: { register(id: string, writer: ExtensionTagWriter): Disposable };
  /**
   * Keyword providers get keyframes (single or as contact sheets) already cleaned by the privacy
   * guard, and send their requests through `context.send`, never on their own.
   */
  readonly keywordProviders: { register(id: string, provider: import("../../keywording/KeywordProvider.ts").KeywordProvider): Disposable };
  /** Handlers of contributed commands; a panel runs them through `commands.execute`. */
  readonly commands: { register(id: string, handler: (...args: unknown[]) => unknown): Disposable };
  /**
   * The ONNX runtime (the engine's `onnxruntime-node`), only for extensions whose manifest lists the
   * "onnxRuntime" permission; otherwise undefined. Native addons are outside Node's permission model
   * (their code can read and write anything the user can), which is why this is an explicit, listed
   * permission rather than something every extension gets.
   */
  readonly onnx?: typeof import("onnxruntime-node");
}

export interface ExtensionModule {
  activate(context: ExtensionContext, api: SichterApi): void | Promise<void>;
  deactivate?(): void | Promise<void>;
}
