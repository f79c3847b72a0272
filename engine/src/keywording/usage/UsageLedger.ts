import type { Database } from "better-sqlite3";
import { ErrorCode } from "@sichter/shared/errors";
import { StatementCache } from "../../catalog/StatementCache.ts";
import { SichterError } from "../../core/SichterError.ts";
import { UsageEntry } from "./UsageEntry.ts";
import { totalsOf, type ProviderUsage, type UsageGroup, type UsageSummary } from "./UsageSummary.ts";
import { guardSqlite } from "../../catalog/sqliteFailure.ts";

export interface UsageRange {
  /** Inclusive. */
  readonly since?: Date;
  /** Exclusive, so consecutive months (since 11-01, until 12-01) neither overlap nor leave a gap. */
  readonly until?: Date;
}

const GROUPS_SQL = `
  SELECT provider, currency,
         sum(requests) AS requests, sum(images) AS images, sum(keyframes) AS keyframes,
         sum(bytes_sent) AS bytesSent, sum(input_tokens) AS inputTokens, sum(output_tokens) AS outputTokens,
         sum(estimated_cost) AS estimatedCost, sum(footage_seconds) AS footageSeconds
  FROM usage_ledger
  WHERE (@since IS NULL OR at >= @since) AND (@until IS NULL OR at < @until)
  GROUP BY provider, currency
  ORDER BY provider, currency`;

const INSERT_SQL = `
  INSERT INTO usage_ledger (at, provider, requests, images, keyframes, bytes_sent, input_tokens, output_tokens,
                            estimated_cost, currency, footage_seconds)
  VALUES (@at, @provider, @requests, @images, @keyframes, @bytesSent, @inputTokens, @outputTokens,
          @estimatedCost, @currency, @footageSeconds)`;

/**
 * The billing record of keyword-provider use: one row per request batch in the catalog's
 * `usage_ledger` table (migration 4). It lives in the catalog file so it shares its WAL, lock and
 * migrations; get one with `new UsageLedger(catalog.database)`, as the job queue does.
 */
export class UsageLedger {
  private readonly sql: StatementCache;

  constructor(private readonly db: Database) {
    this.sql = new StatementCache(db);
  }

  /** Validates and stores one batch; returns its row id. Refuses any field the ledger must not hold. */
  record(entry: UsageEntry): number {
    const parsed = UsageEntry.safeParse(entry);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((i) =>
          i.code === "unrecognized_keys"
            ? `not allowed in the usage ledger: ${i.keys.join(", ")}`
            : `${i.path.join(".")}: ${i.message}`,
        )
        .join("; ");
      throw new SichterError(ErrorCode.INTERNAL, { detail: `usage ledger entry refused: ${detail}` });
    }
    const { at, ...counts } = parsed.data;
    const row = { ...counts, at: toMinute(at ?? new Date()) };
    return this.guard(() => Number(this.sql.get(INSERT_SQL).run(row).lastInsertRowid));
  }

  /** Totals per provider and overall, with the per-minute-of-footage ratios. */
  summary(range: UsageRange = {}): UsageSummary {
    const since = range.since ? iso(range.since, "since") : null;
    const until = range.until ? iso(range.until, "until") : null;
    const groups = this.guard(() => this.sql.get<UsageGroup>(GROUPS_SQL).all({ since, until }));
    const byProvider = new Map<string, UsageGroup[]>();
    for (const g of groups) byProvider.set(g.provider, [...(byProvider.get(g.provider) ?? []), g]);
    const providers: ProviderUsage[] = [...byProvider].map(([provider, rows]) => ({ provider, ...totalsOf(rows) }));
    return { since, until, providers, total: totalsOf(groups) };
  }

  private guard<T>(fn: () => T): T {
    return guardSqlite(this.db.name, fn);
  }
}

/** Minute precision is all billing needs; finer times would only make rows easier to link to work. */
function toMinute(date: Date): string {
  return new Date(Math.floor(date.getTime() / 60_000) * 60_000).toISOString();
}

function iso(date: Date, name: string): string {
  if (Number.isNaN(date.getTime()))
    throw new SichterError(ErrorCode.INTERNAL, { detail: `usage summary: ${name} is not a valid date` });
  return date.toISOString();
}
