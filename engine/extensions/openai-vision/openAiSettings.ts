import { SettingReader } from "@sichter/engine/extension-api";

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

/** The provider's settings with defaults filled in (see SettingReader for what is checked). */
export function readOpenAiSettings(provider: string, configuration: Readonly<Record<string, unknown>>): OpenAiSettings {
  const read = new SettingReader(provider, configuration);
  const model = read.text("model");
  if (model === undefined) throw read.fail('choose a vision model in the setting model (e.g. "gpt-4o-mini")');
  const detail = configuration.detail ?? OPENAI_DEFAULTS.detail;
  if (detail !== "low" && detail !== "high" && detail !== "auto")
    throw read.fail('the setting detail must be "low", "high" or "auto"');
  return {
    baseUrl: read.baseUrl("baseUrl", OPENAI_DEFAULTS.baseUrl),
    model,
    apiKeyEnv: read.text("apiKeyEnv", OPENAI_DEFAULTS.apiKeyEnv)!,
    apiKey: read.text("apiKey"),
    maxKeywords: read.integer("maxKeywords", OPENAI_DEFAULTS.maxKeywords, 1, 50),
    detail,
  };
}
