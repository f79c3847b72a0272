import type { UiLocale } from "../host/HostAdapter.ts";

/** The UI language for a BCP 47 tag ("de-AT" -> "de"); English for every language Sichter does not speak. */
export function localeOf(languageTag: string | null | undefined): UiLocale {
  return (languageTag ?? "").trim().toLowerCase().split(/[-_]/)[0] === "de" ? "de" : "en";
}
