import { ErrorCode } from "@sichter/shared/protocol";
import { SichterError } from "../../src/core/SichterError.ts";

export type ImageDetail = "low" | "high" | "auto";

export interface OpenAiSettings {
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKeyEnv: string;
  readonly apiKey: string | undefined;
  readonly maxKeywords: number;
  readonly detail: ImageDetail;
}

/** The manifest's defaults, repeated here so the provider also works with settings nobody validated. */
export const OPENAI_DEFAULTS = {
  baseUrl: "https://api.openai.com/v1",
  apiKeyEnv: "OPENAI_API_KEY",
  maxKeywords: 10,
  detail: "low",
} as const;

/**
 * The provider's settings with defaults filled in. The engine validates them against the manifest
 * before they arrive; the checks here only turn a gap (no model chosen) or a settings file edited
 * by hand into PROVIDER_NOT_CONFIGURED naming the setting, instead of a failed request later.
 */
export function readOpenAiSettings(provider: string, configuration: Readonly<Record<string, unknown>>): OpenAiSettings {
  const fail = (detail: string) => new SichterError(ErrorCode.PROVIDER_NOT_CONFIGURED, { provider, detail });
  const text = (key: string, fallback?: string): string | undefined => {
    const value = configuration[key] ?? fallback;
    if (value === undefined) return undefined;
    if (typeof value !== "string" || value.trim() === "") throw fail(`the setting ${key} must be a non-empty string`);
    return value.trim();
  };

  const model = text("model");
  if (model === undefined) throw fail('choose a vision model in the setting model (e.g. "gpt-4o-mini")');
  const baseUrl = text("baseUrl", OPENAI_DEFAULTS.baseUrl)!.replace(/\/+$/, "");
  if (!URL.canParse(baseUrl)) throw fail("the setting baseUrl must be an absolute URL");
  const maxKeywords = configuration.maxKeywords ?? OPENAI_DEFAULTS.maxKeywords;
  if (typeof maxKeywords !== "number" || !Number.isInteger(maxKeywords) || maxKeywords < 1) {
    throw fail("the setting maxKeywords must be a whole number of at least 1");
  }
  const detail = configuration.detail ?? OPENAI_DEFAULTS.detail;
  if (detail !== "low" && detail !== "high" && detail !== "auto") throw fail('the setting detail must be "low", "high" or "auto"');
  return {
    baseUrl,
    model,
    apiKeyEnv: text("apiKeyEnv", OPENAI_DEFAULTS.apiKeyEnv)!,
    apiKey: text("apiKey"),
    maxKeywords,
    detail,
  };
}
