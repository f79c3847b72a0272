import type { KeyValueStorage } from "../../connection/TokenStore.ts";
import { createStore, type Store } from "../Store.ts";
import { DEFAULT_SETTINGS, parsePanelSettings, type PanelSettings } from "./PanelSettings.ts";

/** The one storage key of the panel's settings (a JSON value, see PanelSettings). */
export const SETTINGS_KEY = "sichter.settings";

export type SettingsChange = Partial<Omit<PanelSettings, "version">>;

/**
 * The panel's settings, kept in the host's key-value storage and read back on the next start.
 * Storage can be missing or refuse writes (private windows, policies): the settings then last as
 * long as the panel, and nothing fails.
 */
export class SettingsController {
  readonly #storage: KeyValueStorage | null;
  readonly #store;

  constructor(storage: KeyValueStorage | null) {
    this.#storage = storage;
    this.#store = createStore<PanelSettings>(this.#read());
  }

  get state(): Store<PanelSettings> {
    return this.#store;
  }

  update(change: SettingsChange): void {
    // Through the parser: a caller's slip (an unknown colour) becomes the default, never stored.
    const next = parsePanelSettings({ ...this.#store.get(), ...change });
    this.#store.set(next);
    try {
      this.#storage?.setItem(SETTINGS_KEY, JSON.stringify(next));
    } catch {
      // Kept in memory only.
    }
  }

  reset(): void {
    this.update(DEFAULT_SETTINGS);
  }

  #read(): PanelSettings {
    try {
      const text = this.#storage?.getItem(SETTINGS_KEY);
      return text ? parsePanelSettings(JSON.parse(text)) : DEFAULT_SETTINGS;
    } catch {
      return DEFAULT_SETTINGS;
    }
  }
}
