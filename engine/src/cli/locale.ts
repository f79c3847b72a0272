import type { Locale } from "@sichter/shared/errors";

/** German when the user's environment says so (SICHTER_LANG wins over the system locale). */
export function detectLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const value = env.SICHTER_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? "";
  return value.toLowerCase().startsWith("de") ? "de" : "en";
}
