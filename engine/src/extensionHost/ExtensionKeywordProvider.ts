import { abortSignalFor, CancellationToken } from "../core/Cancellation.ts";
import type { PipelineKeywordProvider } from "../keywording/cloud/cloudKeywords.ts";
import type {
  EngineKeywordRequest,
  ImageAnswer,
  OutboundRequest,
  ProviderImage,
} from "../extensionApi/KeywordProvider.ts";
import { ExtensionFailure } from "./host/ExtensionFailure.ts";
import type { ExtensionProcess } from "./host/ExtensionProcess.ts";

export interface ExtensionKeywordProviderOptions {
  readonly id: string;
  readonly extensionId: string;
  /** Declared in the manifest: keyframes leave the machine (so local-only mode keeps it off). */
  readonly cloud: boolean;
  /** Declared in the manifest: answers per tile of a contact sheet. */
  readonly contactSheets: boolean;
  readonly version: string;
  /** A whole clip's pictures, retries included. */
  readonly timeoutMs: number;
  readonly host: () => Promise<ExtensionProcess>;
}

/**
 * A keyword provider contribution, run in its extension's process. The extension never opens a
 * connection for it: every request it builds comes back here and goes through `context.send`,
 * which is the privacy guard.
 */
export class ExtensionKeywordProvider implements PipelineKeywordProvider {
  readonly id: string;
  readonly cloud: boolean;
  readonly contactSheets: boolean;
  readonly version: string;

  constructor(private readonly options: ExtensionKeywordProviderOptions) {
    this.id = options.id;
    this.cloud = options.cloud;
    this.contactSheets = options.contactSheets;
    this.version = options.version;
  }

  async provideKeywords(
    images: readonly ProviderImage[],
    context: EngineKeywordRequest,
    token = CancellationToken.None,
  ): Promise<ImageAnswer[]> {
    const host = await this.options.host();
    const abort = abortSignalFor(token);
    try {
      const answers = await host.provideKeywords(
        this.id,
        { images, languages: context.languages },
        {
          timeoutMs: this.options.timeoutMs,
          signal: abort.signal,
          onRequest: async (request) => {
            if (request.method !== "privacy.send")
              throw new Error(`a keyword provider may not ask for ${request.method}`);
            return context.send(request.params.request as OutboundRequest, token);
          },
        },
      );
      if (!Array.isArray(answers))
        throw new ExtensionFailure(
          "threw",
          this.options.extensionId,
          `keyword provider ${this.id} returned no array of answers`,
        );
      return answers as ImageAnswer[];
    } finally {
      abort.dispose();
    }
  }
}
