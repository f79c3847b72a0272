import { describe, expect, it } from "vitest";
import type { HostTheme } from "@sichter/ui/src/host/HostAdapter.ts";
import { type UxpDocumentTheme, uxpSurroundings } from "../src/page/uxpSurroundings.ts";

/** UXP's document.theme as documented: the current name and an onUpdated event with add/remove. */
function documentTheme(initial: string) {
  let current = initial;
  const listeners = new Set<(theme: string) => void>();
  const theme: UxpDocumentTheme = {
    getCurrent: () => current,
    onUpdated: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
  return {
    theme,
    listeners,
    switchTo(name: string) {
      current = name;
      for (const listener of listeners) listener(name);
    },
  };
}

describe("uxpSurroundings", () => {
  it("reduces Premiere's five themes to Sichter's two palettes", () => {
    const names = ["darkest", "dark", "medium", "light", "lightest"];
    expect(names.map((name) => uxpSurroundings(documentTheme(name).theme, undefined).theme())).toEqual([
      "dark",
      "dark",
      "dark",
      "light",
      "light",
    ]);
  });

  it("follows a theme change until disposed", () => {
    const host = documentTheme("dark");
    const seen: HostTheme[] = [];
    const subscription = uxpSurroundings(host.theme, undefined).onThemeChange((theme) => seen.push(theme));
    host.switchTo("lightest");
    subscription.dispose();
    host.switchTo("darkest");
    expect(seen).toEqual(["light"]);
    expect(host.listeners.size).toBe(0);
  });

  it("speaks German in a German Premiere and English otherwise", () => {
    expect(uxpSurroundings(undefined, { uiLocale: "de_DE" }).locale()).toBe("de");
    expect(uxpSurroundings(undefined, { uiLocale: "fr_FR" }).locale()).toBe("en");
    expect(uxpSurroundings(undefined, {}).locale()).toBe("en");
  });
});
