import { describe, expect, it } from "vitest";
import type { KeyValueStorage } from "../../connection/TokenStore.ts";
import { DEFAULT_SETTINGS } from "./PanelSettings.ts";
import { SETTINGS_KEY, SettingsController } from "./SettingsController.ts";

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe("SettingsController", () => {
  it("keeps a change in the host's storage, where the next panel start reads it", () => {
    const storage = memoryStorage();
    const settings = new SettingsController(storage);
    const seen: string[] = [];
    settings.state.subscribe(() => seen.push(settings.state.get().theme));
    settings.update({
      theme: "dark",
      uiLocale: "de",
      markerColours: { ...DEFAULT_SETTINGS.markerColours, ocr: "cyan" },
    });
    expect(seen).toEqual(["dark"]);
    expect(JSON.parse(storage.map.get(SETTINGS_KEY)!)).toMatchObject({ version: 1, theme: "dark", uiLocale: "de" });
    const next = new SettingsController(storage).state.get();
    expect(next).toMatchObject({ theme: "dark", uiLocale: "de" });
    expect(next.markerColours.ocr).toBe("cyan");
  });

  it("stores nothing a caller slipped in: an unknown colour becomes the default", () => {
    const settings = new SettingsController(memoryStorage());
    settings.update({ markerColours: { ...DEFAULT_SETTINGS.markerColours, shot: "magenta" as never } });
    expect(settings.state.get().markerColours.shot).toBe("blue");
  });

  it("starts from the defaults on unreadable storage and keeps working when storage refuses writes", () => {
    const broken: KeyValueStorage = {
      getItem: () => "{not json",
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {},
    };
    const settings = new SettingsController(broken);
    expect(settings.state.get()).toEqual(DEFAULT_SETTINGS);
    settings.update({ keywordLanguage: "en" });
    expect(settings.state.get().keywordLanguage).toBe("en");
    expect(new SettingsController(null).state.get()).toEqual(DEFAULT_SETTINGS);
  });

  it("goes back to the defaults on reset", () => {
    const storage = memoryStorage();
    const settings = new SettingsController(storage);
    settings.update({ theme: "light", write: { ...DEFAULT_SETTINGS.write, motion: false } });
    settings.reset();
    expect(settings.state.get()).toEqual(DEFAULT_SETTINGS);
    expect(new SettingsController(storage).state.get()).toEqual(DEFAULT_SETTINGS);
  });
});
