/** Billing: what keyword providers were asked, what it cost, per minute of footage. No personal data. */
export { Currency, DEFAULT_CURRENCY } from "./Currency.ts";
export {
  DEFAULT_PRICE_TABLE,
  estimateCost,
  loadPriceTable,
  parsePriceTable,
  pricesPath,
  type BillableCounts,
  type PriceTable,
  type ProviderPrices,
} from "./PriceTable.ts";
export { UsageEntry } from "./UsageEntry.ts";
export { UsageLedger, type UsageRange } from "./UsageLedger.ts";
export type { CostAmount, ProviderUsage, UsageSummary, UsageTotals } from "./UsageSummary.ts";
export { usageReport } from "./usageReport.ts";
