import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";
import { sichterDirs } from "../../core/SichterHome.ts";
import { ContributionId } from "../../extensionApi/ContributionId.ts";
import { Currency, DEFAULT_CURRENCY } from "./Currency.ts";

const Price = z.number().nonnegative();

/** What one provider charges. Every price defaults to 0, so a file may list only what applies. */
const ProviderPricesFile = z.strictObject({
  /** Defaults to the file's `currency`. */
  currency: Currency.optional(),
  perRequest: Price.default(0),
  perImage: Price.default(0),
  per1kInputTokens: Price.default(0),
  per1kOutputTokens: Price.default(0),
});

/**
 * `<config>/prices.json`, e.g.
 *   { "currency": "EUR",
 *     "providers": { "sichter.openai-vision": { "perImage": 0.0009, "per1kInputTokens": 0.0023, "per1kOutputTokens": 0.0092 } } }
 * Strict, so a typo ("perImages") is an error naming it instead of a price silently left at 0.
 */
const PriceFile = z.strictObject({
  currency: Currency.default(DEFAULT_CURRENCY),
  providers: z.record(ContributionId, ProviderPricesFile).default({}),
});

export interface ProviderPrices {
  readonly currency: string;
  readonly perRequest: number;
  readonly perImage: number;
  readonly per1kInputTokens: number;
  readonly per1kOutputTokens: number;
}

export interface PriceTable {
  /** For providers the table does not list (their cost is 0). */
  readonly currency: string;
  readonly providers: ReadonlyMap<string, ProviderPrices>;
}

/** No prices known: everything costs 0 EUR. What a fresh install (no prices.json) uses. */
export const DEFAULT_PRICE_TABLE: PriceTable = Object.freeze({ currency: DEFAULT_CURRENCY, providers: new Map() });

export function pricesPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(sichterDirs(env).config, "prices.json");
}

/**
 * Reads the price table; no file means DEFAULT_PRICE_TABLE. A file that is unreadable, not JSON or
 * breaks the schema is an error naming the file and the field, never a silent zero: a wrong price
 * would go unnoticed until the invoice.
 */
export function loadPriceTable(file: string = pricesPath()): PriceTable {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return DEFAULT_PRICE_TABLE;
    if (code === "EACCES" || code === "EPERM")
      throw new SichterError(ErrorCode.PERMISSION_DENIED, { path: file }, { cause: error });
    throw invalid(file, error instanceof Error ? error.message : String(error));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(file, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return parsePriceTable(json, file);
}

/** Validates an already parsed price file; `source` names it in errors. */
export function parsePriceTable(json: unknown, source: string): PriceTable {
  const parsed = PriceFile.safeParse(json);
  if (!parsed.success) throw invalid(source, parsed.error.issues.map(describeIssue).join("; "));
  const { currency, providers } = parsed.data;
  return {
    currency,
    providers: new Map(Object.entries(providers).map(([id, p]) => [id, { ...p, currency: p.currency ?? currency }])),
  };
}

export interface BillableCounts {
  readonly requests: number;
  readonly images: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** The estimated cost of one batch, in the provider's currency, rounded to micro-units. */
export function estimateCost(
  table: PriceTable,
  provider: string,
  counts: BillableCounts,
): { amount: number; currency: string } {
  const prices = table.providers.get(provider);
  if (!prices) return { amount: 0, currency: table.currency };
  const amount =
    prices.perRequest * counts.requests +
    prices.perImage * counts.images +
    (prices.per1kInputTokens * counts.inputTokens) / 1000 +
    (prices.per1kOutputTokens * counts.outputTokens) / 1000;
  return { amount: Math.round(amount * 1e6) / 1e6, currency: prices.currency };
}

function invalid(file: string, detail: string): SichterError {
  return new SichterError(ErrorCode.CONFIG_INVALID, { file, detail });
}

/** `providers["sichter.openai-vision"].perImage: Invalid input: expected number, received string` */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => `${fieldPath([...issue.path, key])}: unknown field`).join("; ");
  }
  return `${fieldPath(issue.path) || "(file)"}: ${issue.message}`;
}

function fieldPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((s, i) => {
      if (typeof s === "number") return `[${s}]`;
      const name = String(s);
      if (/^[A-Za-z_$][\w$]*$/.test(name)) return i === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name)}]`;
    })
    .join("");
}
