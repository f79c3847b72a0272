import type { WireTransparencyRecord } from "@sichter/shared/protocol";

/** What one job sent off the machine, per provider: the lines of the "what was sent" view. */
export interface ProviderSummary {
  readonly provider: string;
  /** Scheme and host, as recorded. */
  readonly endpoints: readonly string[];
  readonly requests: number;
  readonly images: number;
  readonly keyframes: number;
  readonly bytes: number;
  /** Largest long side of an image sent, in pixels; null when no image was sent. */
  readonly largestSide: number | null;
  readonly firstAt: string;
  readonly lastAt: string;
  /** Codes of requests that failed for good. */
  readonly errors: readonly string[];
}

/**
 * A job's transparency records (job.privacy) summed per provider, in the order they first sent.
 * No records means nothing left the machine.
 */
export function summariseTransparency(records: readonly WireTransparencyRecord[]): ProviderSummary[] {
  const byProvider = new Map<string, ProviderSummary>();
  for (const record of records) {
    const largest = record.imageSizes.reduce<number | null>(
      (most, size) => Math.max(most ?? 0, size.width, size.height),
      null,
    );
    const seen = byProvider.get(record.provider);
    if (!seen) {
      byProvider.set(record.provider, {
        provider: record.provider,
        endpoints: [record.endpoint],
        requests: 1,
        images: record.images,
        keyframes: record.keyframes,
        bytes: record.bytesSent,
        largestSide: largest,
        firstAt: record.at,
        lastAt: record.at,
        errors: record.error ? [record.error] : [],
      });
      continue;
    }
    byProvider.set(record.provider, {
      ...seen,
      endpoints: seen.endpoints.includes(record.endpoint) ? seen.endpoints : [...seen.endpoints, record.endpoint],
      requests: seen.requests + 1,
      images: seen.images + record.images,
      keyframes: seen.keyframes + record.keyframes,
      bytes: seen.bytes + record.bytesSent,
      largestSide: largest === null ? seen.largestSide : Math.max(seen.largestSide ?? 0, largest),
      firstAt: record.at < seen.firstAt ? record.at : seen.firstAt,
      lastAt: record.at > seen.lastAt ? record.at : seen.lastAt,
      errors: record.error && !seen.errors.includes(record.error) ? [...seen.errors, record.error] : seen.errors,
    });
  }
  return [...byProvider.values()];
}
