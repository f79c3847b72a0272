import type { CancellationToken } from "../core/Cancellation.ts";

/**
 * One picture a provider may send: a keyframe or a contact sheet of several, already re-encoded by
 * the privacy guard (clean JPEG, long side capped). Tiles name what is where, so an answer per tile
 * can be mapped back to its keyframe; a single keyframe is a sheet of one tile.
 */
export interface ProviderImage {
  /** Random id; never derived from a path or file name. */
  readonly id: string;
  readonly jpegBase64: string;
  readonly width: number;
  readonly height: number;
  /** In reading order; labels ("1", "2", ...) are drawn visibly into the picture. */
  readonly tiles: ReadonlyArray<{ readonly label: string }>;
  /** Grid of the sheet (1 x 1 for a single keyframe). */
  readonly columns: number;
  readonly rows: number;
}

export interface ProviderKeyword {
  readonly label: string;
  readonly language: "de" | "en";
  /** 0..1 */
  readonly confidence: number;
}

/** What a provider says about one tile of one image. */
export interface TileAnswer {
  readonly label: string;
  readonly keywords: readonly ProviderKeyword[];
  readonly description?: string;
  /** IPTC Media Topic guesses (code like "medtop:20000568", label, confidence). */
  readonly mediaTopics?: ReadonlyArray<{ readonly code: string; readonly label: string; readonly confidence: number }>;
}

export interface ImageAnswer {
  readonly imageId: string;
  readonly tiles: readonly TileAnswer[];
  /** Tokens the provider billed for this request, when its answer says so. */
  readonly usage?: { readonly inputTokens: number; readonly outputTokens: number };
}

/** An HTTP request as a provider builds it; the privacy guard decides whether and how it goes out. */
export interface OutboundRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text. */
  readonly body: string;
  /** Ids of the ProviderImages whose bytes are in the body (for the transparency record). */
  readonly imageIds: readonly string[];
}

export interface OutboundResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface KeywordRequestContext {
  /** Keyword languages wanted, first = the newsroom's language. */
  readonly languages: ReadonlyArray<"de" | "en">;
  /**
   * The provider's settings (validated against its configuration contribution). Filled in by the
   * extension host from the extension's own settings; the engine's side never holds them.
   */
  readonly configuration: Readonly<Record<string, unknown>>;
  /**
   * The only way out of the machine. Retries, the circuit breaker, the concurrency limit, the
   * HTTPS rules and the usage ledger are applied here, not by the provider. Resolves with any
   * non-redirect HTTP answer (the provider interprets 4xx bodies); rejects with a SichterError.
   */
  send(request: OutboundRequest, token: CancellationToken): Promise<OutboundResponse>;
}

/**
 * Turns pictures into keywords (DESIGN.md: `provideKeywords(keyframes, context, token)`). A cloud
 * provider builds its wire format and parses the answer; everything about privacy stays with the
 * engine's guard behind `context.send`.
 */
export interface KeywordProvider {
  readonly id: string;
  provideKeywords(
    images: readonly ProviderImage[],
    context: KeywordRequestContext,
    token: CancellationToken,
  ): Promise<ImageAnswer[]>;
}

/** What the engine passes to a provider; its extension host adds the provider's `configuration`. */
export type EngineKeywordRequest = Omit<KeywordRequestContext, "configuration">;
