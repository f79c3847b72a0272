import type { Disposable, HostTheme, UiLocale } from "@sichter/ui/src/host/HostAdapter.ts";
import { localeOf } from "@sichter/ui/src/i18n/localeOf.ts";

/** UXP's theme names; Premiere follows its Appearance setting with them. */
export type UxpThemeName = "darkest" | "dark" | "medium" | "light" | "lightest";

/** The part of UXP's `document.theme` the panel reads. */
export interface UxpDocumentTheme {
  getCurrent(): string;
  onUpdated: {
    addListener(listener: (theme: string) => void): void;
    removeListener(listener: (theme: string) => void): void;
  };
}

/** The part of `require("uxp").host` the panel reads ("de_DE", "en_US", ...). */
export interface UxpHostInfo {
  readonly uiLocale?: string;
}

/** The two palettes Sichter carries (Premiere offers no `--uxp-host-*` variables): light for the two light themes. */
export function hostThemeOf(name: string): HostTheme {
  return name === "light" || name === "lightest" ? "light" : "dark";
}

/** Theme and language of the Premiere around the panel, in the shape PremiereUxpAdapterOptions takes. */
export function uxpSurroundings(theme: UxpDocumentTheme | undefined, host: UxpHostInfo | undefined) {
  return {
    locale: (): UiLocale => localeOf(host?.uiLocale),
    theme: (): HostTheme => hostThemeOf(theme?.getCurrent() ?? "dark"),
    onThemeChange: (listener: (theme: HostTheme) => void): Disposable => {
      if (!theme) return { dispose: () => {} };
      const onUpdated = (name: string) => listener(hostThemeOf(name));
      theme.onUpdated.addListener(onUpdated);
      return { dispose: () => theme.onUpdated.removeListener(onUpdated) };
    },
  };
}
