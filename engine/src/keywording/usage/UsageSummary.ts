/** An amount of money in one currency (a ledger may hold several when the price table changed). */
export interface CostAmount {
  readonly currency: string;
  readonly amount: number;
}

/** Sums over ledger rows, and what they mean per minute of the footage that was keyworded. */
export interface UsageTotals {
  readonly requests: number;
  readonly images: number;
  readonly keyframes: number;
  readonly bytesSent: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** input + output */
  readonly tokens: number;
  /** One entry per currency, sorted by currency; empty when nothing was recorded. */
  readonly estimatedCost: readonly CostAmount[];
  readonly footageMinutes: number;
  /** null when the rows cover no footage (nothing to divide by). */
  readonly perFootageMinute: { readonly images: number; readonly tokens: number; readonly requests: number } | null;
}

export interface ProviderUsage extends UsageTotals {
  readonly provider: string;
}

export interface UsageSummary {
  /** The range asked for (ISO); null = open. `since` is inclusive, `until` exclusive. */
  readonly since: string | null;
  readonly until: string | null;
  /** Sorted by provider id. */
  readonly providers: readonly ProviderUsage[];
  readonly total: UsageTotals;
}

/** One GROUP BY provider, currency row of the ledger. */
export interface UsageGroup {
  readonly provider: string;
  readonly currency: string;
  readonly requests: number;
  readonly images: number;
  readonly keyframes: number;
  readonly bytesSent: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly estimatedCost: number;
  readonly footageSeconds: number;
}

/** Adds up groups; costs stay apart per currency. Ratios come from unrounded sums. */
export function totalsOf(groups: readonly UsageGroup[]): UsageTotals {
  const sum = (pick: (g: UsageGroup) => number): number => groups.reduce((s, g) => s + pick(g), 0);
  const costs = new Map<string, number>();
  for (const g of groups) costs.set(g.currency, (costs.get(g.currency) ?? 0) + g.estimatedCost);
  const requests = sum((g) => g.requests);
  const images = sum((g) => g.images);
  const inputTokens = sum((g) => g.inputTokens);
  const outputTokens = sum((g) => g.outputTokens);
  const tokens = inputTokens + outputTokens;
  const minutes = sum((g) => g.footageSeconds) / 60;
  return {
    requests,
    images,
    keyframes: sum((g) => g.keyframes),
    bytesSent: sum((g) => g.bytesSent),
    inputTokens,
    outputTokens,
    tokens,
    estimatedCost: [...costs]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, amount]) => ({ currency, amount: round(amount, 6) })),
    footageMinutes: round(minutes, 4),
    perFootageMinute:
      minutes > 0
        ? {
            images: round(images / minutes, 4),
            tokens: round(tokens / minutes, 4),
            requests: round(requests / minutes, 4),
          }
        : null,
  };
}

/** Money to micro-units, ratios to 4 places: enough for a bill, without float noise like 0.30000000000000004. */
function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}
