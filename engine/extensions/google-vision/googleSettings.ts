import { ErrorCode } from "@sichter/shared/protocol";
import { SichterError } from "../../src/core/SichterError.ts";

export interface GoogleSettings {
  readonly endpoint: string;
  readonly apiKeyEnv: string;
  readonly apiKey: string | undefined;
  readonly maxResults: number;
  readonly imagesPerRequest: number;
  readonly webDetection: boolean;
}

/** Vision's documented limit of images in one images:annotate request. */
export const MAX_IMAGES_PER_REQUEST = 16;

/** The manifest's defaults, repeated here so the provider also works with settings nobody validated. */
export const GOOGLE_DEFAULTS = {
  endpoint: "https://vision.googleapis.com/v1",
  apiKeyEnv: "GOOGLE_API_KEY",
  maxResults: 10,
  imagesPerRequest: MAX_IMAGES_PER_REQUEST,
  webDetection: false,
} as const;

/**
 * The provider's settings with defaults filled in. The engine validates them against the manifest
 * first; these checks turn a settings file edited by hand into PROVIDER_NOT_CONFIGURED naming the
 * setting, instead of a request Vision refuses.
 */
export function readGoogleSettings(provider: string, configuration: Readonly<Record<string, unknown>>): GoogleSettings {
  const fail = (detail: string) => new SichterError(ErrorCode.PROVIDER_NOT_CONFIGURED, { provider, detail });
  const text = (key: string, fallback?: string): string | undefined => {
    const value = configuration[key] ?? fallback;
    if (value === undefined) return undefined;
    if (typeof value !== "string" || value.trim() === "") throw fail(`the setting ${key} must be a non-empty string`);
    return value.trim();
  };
  const integer = (key: string, fallback: number, min: number, max: number): number => {
    const value = configuration[key] ?? fallback;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) throw fail(`the setting ${key} must be a whole number from ${min} to ${max}`);
    return value;
  };

  const endpoint = text("endpoint", GOOGLE_DEFAULTS.endpoint)!.replace(/\/+$/, "");
  if (!URL.canParse(endpoint)) throw fail("the setting endpoint must be an absolute URL");
  const webDetection = configuration.webDetection ?? GOOGLE_DEFAULTS.webDetection;
  if (typeof webDetection !== "boolean") throw fail("the setting webDetection must be true or false");
  return {
    endpoint,
    apiKeyEnv: text("apiKeyEnv", GOOGLE_DEFAULTS.apiKeyEnv)!,
    apiKey: text("apiKey"),
    maxResults: integer("maxResults", GOOGLE_DEFAULTS.maxResults, 1, 50),
    imagesPerRequest: integer("imagesPerRequest", GOOGLE_DEFAULTS.imagesPerRequest, 1, MAX_IMAGES_PER_REQUEST),
    webDetection,
  };
}
