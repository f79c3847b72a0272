import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { abortSignalFor, CancellationToken } from "../../core/Cancellation.ts";
import { SichterError, toSichterError } from "../../core/SichterError.ts";
import type { OutboundRequest, OutboundResponse, ProviderImage } from "../../extensionApi/KeywordProvider.ts";
import {
  CircuitBreakers,
  ConcurrencyLimit,
  DEFAULT_RETRY_POLICY,
  outcomeOf,
  withRetries,
  type RetryPolicy,
  type Sleep,
} from "../resilience/index.ts";
import { assertCleanJpeg } from "./jpegSegments.ts";
import { isOutboundError } from "./OutboundError.ts";
import { checkEndpoint, type OutboundMode } from "./OutboundPolicy.ts";
import { postJson } from "./postJson.ts";
import type { PrivacySettings } from "./PrivacySettings.ts";
import type { TransparencyRecord } from "./TransparencyRecord.ts";

const BASE64_RUN = /[A-Za-z0-9+/=]{200,}/g;

/** Per provider, what one job sent: the usage ledger's row and the job's report are made from it. */
export interface ProviderTraffic {
  requests: number;
  images: number;
  keyframes: number;
  bytesSent: number;
}

/**
 * Shared by every job of the engine process: a provider that is down stays "down" across jobs,
 * and the concurrency limit holds engine-wide, not per job.
 */
export class ProviderGates {
  readonly breakers = new CircuitBreakers();
  private readonly limits = new Map<string, ConcurrencyLimit>();

  limit(provider: string, concurrency: number): ConcurrencyLimit {
    let limit = this.limits.get(provider);
    if (!limit) this.limits.set(provider, (limit = new ConcurrencyLimit(concurrency)));
    return limit;
  }
}

export interface PrivacyGuardOptions {
  readonly mode: OutboundMode;
  readonly settings: PrivacySettings;
  /** The clip's path: no request may carry it, its folder or its file name. */
  readonly clipPath: string;
  readonly gates: ProviderGates;
  readonly onRecord?: (record: TransparencyRecord) => void;
  readonly retryPolicy?: RetryPolicy;
  /** Tests shorten the backoff waits. */
  readonly sleep?: Sleep;
}

/**
 * The single place through which any byte leaves the machine. A provider builds its request; the
 * guard checks the mode and the endpoint (HTTPS off loopback, no redirects, verified
 * certificates), that the images in it are ones it cleaned and that nothing names the clip, then
 * sends with retries, circuit breaker and concurrency limit, and writes down what went out.
 */
export class PrivacyGuard {
  private readonly images = new Map<string, { width: number; height: number; bytes: number; keyframes: number }>();
  private readonly traffic = new Map<string, ProviderTraffic>();
  private readonly forbidden: string[];
  readonly records: TransparencyRecord[] = [];

  constructor(private readonly options: PrivacyGuardOptions) {
    const resolved = path.resolve(options.clipPath);
    // Any of these in a request would tell the provider which file (and whose folder) it is.
    const names = [resolved, path.dirname(resolved), path.basename(resolved), options.clipPath].filter(
      (s) => s.length >= 3 && s !== path.sep,
    );
    // Bodies are JSON and headers are searched as JSON: a quote, a control character or a Windows
    // backslash in a name appears escaped there, so the escaped spelling is searched for too.
    this.forbidden = [...new Set([...names, ...names.map((s) => JSON.stringify(s).slice(1, -1))])];
  }

  get mode(): OutboundMode {
    return this.options.mode;
  }

  /**
   * Accepts an image for sending: it must be a clean JPEG within the size limit. Anything else is
   * refused here, before a provider ever sees it.
   */
  admit(image: ProviderImage): ProviderImage {
    const bytes = Buffer.from(image.jpegBase64, "base64");
    // The record states the picture's own size, not what the image object claims about it.
    const { width, height } = assertCleanJpeg(bytes, this.options.settings.maxLongSide);
    this.images.set(image.id, { width, height, bytes: bytes.length, keyframes: image.tiles.length });
    return image;
  }

  /** What each provider was sent in this job so far. */
  trafficOf(provider: string): ProviderTraffic {
    return { ...(this.traffic.get(provider) ?? { requests: 0, images: 0, keyframes: 0, bytesSent: 0 }) };
  }

  /** The `send` a provider gets in its KeywordRequestContext. */
  sender(provider: string): (request: OutboundRequest, token: CancellationToken) => Promise<OutboundResponse> {
    return (request, token) => this.send(provider, request, token);
  }

  async send(
    provider: string,
    request: OutboundRequest,
    token: CancellationToken = CancellationToken.None,
  ): Promise<OutboundResponse> {
    const url = checkEndpoint(request.url, this.options.mode, provider);
    const images = request.imageIds.map((id) => {
      const image = this.images.get(id);
      if (!image)
        throw new SichterError(ErrorCode.PRIVACY_IMAGE_REFUSED, {
          detail: `image ${id} did not come through the privacy guard`,
        });
      return image;
    });
    // Image data is left out of the search: a short folder name like "/tmp" turns up in
    // kilobytes of base64 by chance, and refusing a request for that would be noise.
    const text = request.body.replace(BASE64_RUN, "") + JSON.stringify(request.headers);
    const named = this.forbidden.find((f) => text.includes(f));
    if (named !== undefined)
      throw new SichterError(ErrorCode.PRIVACY_IMAGE_REFUSED, {
        detail: "the request names the clip's file or folder",
      });

    const { settings, gates } = this.options;
    const at = new Date().toISOString();
    let attempts = 0;
    let status: number | null = null;
    let bytesSent = 0;
    const abort = abortSignalFor(token);
    try {
      const response = await gates.limit(provider, settings.concurrency).run(
        () =>
          gates.breakers.for(provider).run(() =>
            withRetries(
              async (n) => {
                attempts = n;
                try {
                  const answer = await postJson(url, request.body, {
                    headers: { ...request.headers },
                    ...(settings.caFile !== undefined && { caFile: settings.caFile }),
                    timeoutMs: settings.requestTimeoutSeconds * 1000,
                    signal: abort.signal,
                    provider,
                  });
                  status = answer.status;
                  bytesSent += answer.bytesSent;
                  return outcomeOf(answer);
                } catch (error) {
                  // A timeout after the body went out still sent the pictures.
                  if (isOutboundError(error)) bytesSent += error.bytesSent;
                  throw error;
                }
              },
              {
                provider,
                token,
                isTransient: (error) => isOutboundError(error, "timeout") || isOutboundError(error, "network"),
                policy: this.options.retryPolicy ?? DEFAULT_RETRY_POLICY,
                ...(this.options.sleep && { sleep: this.options.sleep }),
              },
            ),
          ),
        token,
      );
      this.count(provider, images, attempts, bytesSent);
      this.record({ at, provider, url, images, attempts, status, bytesSent, error: null });
      return { status: response.status, headers: response.headers, body: response.body };
    } catch (error) {
      const e = toSichterError(error);
      // Bytes that left count even when the answer never came: they were sent.
      this.count(provider, bytesSent > 0 ? images : [], attempts, bytesSent);
      this.record({ at, provider, url, images, attempts, status, bytesSent, error: e.code });
      throw e;
    } finally {
      abort.dispose();
    }
  }

  private count(
    provider: string,
    images: ReadonlyArray<{ keyframes: number }>,
    attempts: number,
    bytesSent: number,
  ): void {
    const t = this.traffic.get(provider) ?? { requests: 0, images: 0, keyframes: 0, bytesSent: 0 };
    t.requests += attempts;
    t.images += images.length;
    t.keyframes += images.reduce((n, i) => n + i.keyframes, 0);
    t.bytesSent += bytesSent;
    this.traffic.set(provider, t);
  }

  private record(r: {
    at: string;
    provider: string;
    url: URL;
    images: ReadonlyArray<{ width: number; height: number; bytes: number; keyframes: number }>;
    attempts: number;
    status: number | null;
    bytesSent: number;
    error: string | null;
  }): void {
    const record: TransparencyRecord = {
      at: r.at,
      provider: r.provider,
      endpoint: `${r.url.protocol}//${r.url.host}`,
      images: r.images.length,
      keyframes: r.images.reduce((n, i) => n + i.keyframes, 0),
      imageSizes: r.images.map(({ width, height, bytes }) => ({ width, height, bytes })),
      bytesSent: r.bytesSent,
      attempts: r.attempts,
      status: r.status,
      error: r.error,
    };
    this.records.push(record);
    this.options.onRecord?.(record);
  }
}
