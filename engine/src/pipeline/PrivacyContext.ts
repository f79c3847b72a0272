import type {
  CloudKeywordingOptions,
  PipelineKeywordProvider,
  ProviderUsage,
} from "../keywording/cloud/cloudKeywords.ts";
import type { OutboundMode } from "../keywording/privacy/OutboundPolicy.ts";
import { PrivacyGuard, type ProviderGates } from "../keywording/privacy/PrivacyGuard.ts";
import type { PrivacySettings } from "../keywording/privacy/PrivacySettings.ts";
import type { TransparencyRecord } from "../keywording/privacy/TransparencyRecord.ts";

/** How one run may send pictures (mode, settings) and where its transparency and usage records go. */
export interface PrivacyContext {
  readonly mode: OutboundMode;
  readonly settings: PrivacySettings;
  /** Engine-wide circuit breakers and concurrency limits. */
  readonly gates: ProviderGates;
  readonly onRecord?: (record: TransparencyRecord) => void;
  readonly onUsage?: (usage: ProviderUsage) => void;
}

/** The cloud stage's options for one clip: a privacy guard of its own, which knows the clip's name to keep it out. */
export function keywordingFor(
  file: string,
  providers: readonly PipelineKeywordProvider[],
  privacy: PrivacyContext,
  language: "de" | "en",
): CloudKeywordingOptions {
  const guard = new PrivacyGuard({
    mode: privacy.mode,
    settings: privacy.settings,
    clipPath: file,
    gates: privacy.gates,
    ...(privacy.onRecord && { onRecord: privacy.onRecord }),
  });
  return {
    providers,
    guard,
    settings: privacy.settings,
    // The newsroom's language first; both are stored, the plan uses the first.
    languages: language === "de" ? ["de", "en"] : ["en", "de"],
    ...(privacy.onUsage && { onUsage: privacy.onUsage }),
  };
}
