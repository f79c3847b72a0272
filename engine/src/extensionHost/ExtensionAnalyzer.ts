import { Tag } from "@sichter/shared/model";
import type { Analyzer, AnalysisInput, AnalyzerResult } from "../extensionApi/Analyzer.ts";
import { CancellationToken } from "../core/Cancellation.ts";
import { analyzeInExtension } from "./analyzeInExtension.ts";
import { Progress } from "../core/Progress.ts";
import { FrameStoreReader } from "../media/FrameStoreReader.ts";
import { storedFrameSource } from "../media/storedFrameSource.ts";
import { ExtensionFailure } from "./host/ExtensionFailure.ts";
import type { ExtensionProcess } from "./host/ExtensionProcess.ts";

export interface ExtensionAnalyzerOptions {
  /** Contribution id ("newsroom.classifier"); recorded in every tag's provenance. */
  readonly id: string;
  readonly extensionId: string;
  readonly version: string;
  readonly timeoutSeconds: number;
  /** From the contribution: see `Analyzer.startsAfter`. */
  readonly startsAfter?: "shots" | "keyframes";
  /** A built-in: its tags keep the provenance and kinds its analyzer gave them. */
  readonly trusted?: boolean;
  /** Starts (activates) the extension's process on first use: extensions load only when needed. */
  readonly host: () => Promise<ExtensionProcess>;
}

/**
 * An analyzer contribution of an extension, seen by the pipeline as any other Analyzer. The
 * extension gets the clip's facts and asks for frames; what it returns is validated like every
 * tag, and a failure of any kind becomes this analyzer's failure, not the analysis's.
 */
export class ExtensionAnalyzer implements Analyzer {
  readonly id: string;
  readonly version: string;
  readonly startsAfter: "shots" | "keyframes";

  constructor(private readonly options: ExtensionAnalyzerOptions) {
    this.id = options.id;
    this.version = options.version;
    this.startsAfter = options.startsAfter ?? "keyframes";
  }

  /** Starts the extension's process, if it is not running yet. */
  async prepare(): Promise<void> {
    await this.options.host();
  }

  async analyze(
    input: AnalysisInput,
    progress: Progress = Progress.None,
    token: CancellationToken = CancellationToken.None,
  ): Promise<AnalyzerResult> {
    const { media } = input;
    // Built-ins read the job's frame store themselves; the others ask, and get what it holds.
    const store = new FrameStoreReader(this.options.trusted ? undefined : input.frameStore);
    const frames = storedFrameSource(store, media, input.frames);
    const result = (await analyzeInExtension(
      this.options,
      // The whole probe result (keyframe index, frame times, packet sizes) and the shots with
      // their transitions: plain data, cheap to copy, and what analyzers need to be exact.
      // The frame store's files stay in the job folder, whose paths only built-ins get: the
      // permission model keeps the others out of that folder, and their frames.rgb is answered
      // from the store where it holds the frames.
      {
        media,
        shots: input.shots,
        keyframes: input.keyframes,
        language: input.language,
        ...(this.options.trusted && input.frameStore && { frameStore: input.frameStore }),
      },
      progress,
      token,
      async (request) => {
        if (request.method !== "frames.rgb") throw new Error(`an analyzer may not ask for ${request.method}`);
        const p = request.params;
        return frames.rgb(p.frame, p.width, p.count, token);
      },
    ).finally(() => store.dispose())) as { tags?: unknown; text?: AnalyzerResult["text"] } | null;
    const text = result?.text;
    return { tags: this.toTags(result?.tags, input), ...(this.options.trusted && Array.isArray(text) && { text }) };
  }

  private toTags(raw: unknown, input: AnalysisInput): Tag[] {
    if (!Array.isArray(raw))
      throw new ExtensionFailure("threw", this.options.extensionId, `analyzer ${this.id} returned no tags array`);
    if (this.options.trusted) {
      return raw.map((item, i) => {
        const tag = Tag.safeParse(item);
        if (!tag.success)
          throw new ExtensionFailure(
            "threw",
            this.options.extensionId,
            `analyzer ${this.id} returned an invalid tag ${i}`,
          );
        return tag.data;
      });
    }
    return raw.map((item, i) => {
      const tag = Tag.safeParse({
        kind: `${this.id}`,
        language: input.language,
        source: "vision",
        ...(item as object),
        status: "suggested",
        provenance: [{ producer: this.id, version: this.version }],
      });
      if (!tag.success) {
        throw new ExtensionFailure(
          "threw",
          this.options.extensionId,
          `analyzer ${this.id} returned an invalid tag ${i}: ${tag.error.issues[0]?.message ?? "invalid"}`,
        );
      }
      if (tag.data.source === "user")
        throw new ExtensionFailure("threw", this.options.extensionId, `analyzer ${this.id} may not create user tags`);
      return tag.data;
    });
  }
}
