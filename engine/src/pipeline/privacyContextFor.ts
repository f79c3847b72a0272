import type { Database } from "better-sqlite3";
import type { ExtensionRegistry } from "../extensionHost/ExtensionRegistry.ts";
import { privacyModeOf } from "../extensionHost/privacyMode.ts";
import type { ProviderGates } from "../keywording/privacy/PrivacyGuard.ts";
import { loadPrivacySettings } from "../keywording/privacy/PrivacySettings.ts";
import { TransparencyLog } from "../keywording/privacy/TransparencyLog.ts";
import { estimateCost, loadPriceTable } from "../keywording/usage/PriceTable.ts";
import { UsageLedger } from "../keywording/usage/UsageLedger.ts";
import type { PrivacyContext } from "./PrivacyContext.ts";

export interface PrivacyContextOptions {
  readonly registry: Pick<ExtensionRegistry, "extensions">;
  readonly configDir: string;
  /** The catalog database, opened only when something is actually sent (local-only never opens it here). */
  readonly database: () => Database;
  readonly gates: ProviderGates;
}

/**
 * How runs may send pictures and where their records go: the mode from the enabled extensions,
 * the user's privacy settings, and the transparency log and usage ledger in the catalog, filed
 * under each run's job id. The settings are read here, once: a broken privacy.json or prices.json
 * stops the work before anything is analysed or sent.
 */
export function privacyContextFor(options: PrivacyContextOptions): (jobId: string) => PrivacyContext {
  const { mode } = privacyModeOf(options.registry);
  const settings = loadPrivacySettings(options.configDir);
  const prices = loadPriceTable();
  // Made on the first record, not before: a local-only run never opens the catalog here.
  let log: TransparencyLog | undefined;
  let ledger: UsageLedger | undefined;
  return (jobId) => ({
    mode,
    settings,
    gates: options.gates,
    onRecord: (record) => (log ??= new TransparencyLog(options.database())).record(jobId, record),
    onUsage: (usage) => {
      const cost = estimateCost(prices, usage.provider, usage);
      (ledger ??= new UsageLedger(options.database())).record({
        ...usage,
        estimatedCost: cost.amount,
        currency: cost.currency,
      });
    },
  });
}
