import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, keywordLanguageOf, parsePanelSettings, themeOf, uiLocaleOf } from "./PanelSettings.ts";

describe("PanelSettings", () => {
  it("gives the defaults for nothing stored or something that is not settings", () => {
    for (const stored of [undefined, null, 3, "de", [], {}])
      expect(parsePanelSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it("keeps every field that is right and defaults only the broken ones", () => {
    const parsed = parsePanelSettings({
      uiLocale: "de",
      keywordLanguage: "fr",
      theme: "sepia",
      write: { ocr: false, vision: "no" },
      markerColours: { ocr: "cyan", motion: "magenta" },
      future: true,
    });
    expect(parsed.uiLocale).toBe("de");
    expect(parsed.keywordLanguage).toBeNull();
    expect(parsed.theme).toBe("host");
    expect(parsed.write).toEqual({ shot: true, ocr: false, vision: true, technical: true, motion: true, user: true });
    expect(parsed.markerColours).toEqual({ ...DEFAULT_SETTINGS.markerColours, ocr: "cyan" });
    expect(parsed).not.toHaveProperty("future");
  });

  it("follows the host until the user chooses: language, keyword language, theme", () => {
    expect(uiLocaleOf(DEFAULT_SETTINGS, "de")).toBe("de");
    expect(uiLocaleOf({ ...DEFAULT_SETTINGS, uiLocale: "en" }, "de")).toBe("en");
    expect(keywordLanguageOf(DEFAULT_SETTINGS, "en")).toBe("en");
    expect(keywordLanguageOf({ ...DEFAULT_SETTINGS, keywordLanguage: "de" }, "en")).toBe("de");
    expect(themeOf(DEFAULT_SETTINGS, "dark")).toBe("dark");
    expect(themeOf({ ...DEFAULT_SETTINGS, theme: "light" }, "dark")).toBe("light");
  });
});
