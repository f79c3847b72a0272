import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";

/**
 * The API key: the `apiKey` setting if set (discouraged: it sits in the settings file), else the
 * environment variable the `apiKeyEnv` setting names. Errors name the variable, never a key: error
 * messages end up in logs and on screen.
 */
export function resolveApiKey(
  provider: string,
  settings: { readonly apiKey: string | undefined; readonly apiKeyEnv: string },
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (settings.apiKey !== undefined) return checked(provider, settings.apiKey.trim(), "the apiKey setting");
  // The engine's own variables (token location, paths) are never a provider's to read.
  if (/^SICHTER_/i.test(settings.apiKeyEnv)) {
    throw notConfigured(
      provider,
      `apiKeyEnv names ${settings.apiKeyEnv}, one of Sichter's own variables; name the variable that holds the API key`,
    );
  }
  const value = env[settings.apiKeyEnv]?.trim();
  if (value === undefined || value === "") {
    throw notConfigured(
      provider,
      `no API key: set the environment variable ${settings.apiKeyEnv} (setting apiKeyEnv) or the setting apiKey`,
    );
  }
  return checked(provider, value, `the environment variable ${settings.apiKeyEnv}`);
}

/** A key with a line break or space inside would split or corrupt the Authorization header. */
function checked(provider: string, key: string, where: string): string {
  if (key === "") throw notConfigured(provider, `${where} is empty`);
  if (/[\s\u0000-\u001f\u007f]/.test(key))
    throw notConfigured(provider, `the API key in ${where} contains spaces or control characters`);
  return key;
}

function notConfigured(provider: string, detail: string): SichterError {
  return new SichterError(ErrorCode.PROVIDER_NOT_CONFIGURED, { provider, detail });
}
