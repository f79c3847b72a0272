import { SettingReader } from "@sichter/engine/extension-api";

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

/** The provider's settings with defaults filled in (see SettingReader for what is checked). */
export function readGoogleSettings(provider: string, configuration: Readonly<Record<string, unknown>>): GoogleSettings {
  const read = new SettingReader(provider, configuration);
  const webDetection = configuration.webDetection ?? GOOGLE_DEFAULTS.webDetection;
  if (typeof webDetection !== "boolean") throw read.fail("the setting webDetection must be true or false");
  return {
    endpoint: read.baseUrl("endpoint", GOOGLE_DEFAULTS.endpoint),
    apiKeyEnv: read.text("apiKeyEnv", GOOGLE_DEFAULTS.apiKeyEnv)!,
    apiKey: read.text("apiKey"),
    maxResults: read.integer("maxResults", GOOGLE_DEFAULTS.maxResults, 1, 50),
    imagesPerRequest: read.integer("imagesPerRequest", GOOGLE_DEFAULTS.imagesPerRequest, 1, MAX_IMAGES_PER_REQUEST),
    webDetection,
  };
}
