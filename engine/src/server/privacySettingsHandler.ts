import type { MethodResultInput } from "@sichter/shared/protocol";
import type { ExtensionRegistry } from "../extensionHost/ExtensionRegistry.ts";
import { loadPrivacySettings, PrivacySettings } from "../keywording/privacy/PrivacySettings.ts";
import { privacyModeOf } from "../extensionHost/privacyMode.ts";

/**
 * `privacy.settings`: the mode, the providers and the limits every outbound image obeys, read from
 * `<config>/privacy.json` at each call, as each analysis reads it (an edit counts from the next job).
 * Without a config folder (in-process benchmarks) the defaults; a broken file is CONFIG_INVALID.
 */
export function privacySettingsHandlers(state: {
  readonly extensions?: Pick<ExtensionRegistry, "extensions">;
  readonly configDir?: string;
}): {
  "privacy.settings": () => MethodResultInput<"privacy.settings">;
} {
  return {
    "privacy.settings": () => {
      const settings = state.configDir === undefined ? PrivacySettings.parse({}) : loadPrivacySettings(state.configDir);
      const privacy = privacyModeOf(state.extensions ?? { extensions: [] });
      return {
        mode: privacy.mode,
        providers: privacy.providers.map(({ id, title, cloud, enabled }) => ({ id, title, cloud, enabled })),
        images: {
          maxLongSide: settings.maxLongSide,
          format: "jpeg",
          contactSheets: {
            enabled: settings.contactSheets.enabled,
            tilesPerSheet: settings.contactSheets.tilesPerSheet,
          },
          duplicateBits: settings.duplicateBits,
        },
      };
    },
  };
}
