import type { Disposable, HostTheme, UiLocale } from "@sichter/ui/src/host/HostAdapter.ts";
import { localeOf } from "@sichter/ui/src/i18n/localeOf.ts";

/** The event CEP sends when the user changes Premiere's brightness. */
export const THEME_COLOR_CHANGED = "com.adobe.csxs.events.ThemeColorChanged";

/**
 * The part of CEP's runtime object (`window.__adobe_cep__`, what Adobe's CSInterface wraps) the panel
 * uses: evalScript, the host environment (a JSON string) and events.
 */
export interface CepRuntime {
  evalScript(code: string, callback: (result: string) => void): void;
  getHostEnvironment(): string;
  addEventListener(type: string, listener: (event: unknown) => void, context?: unknown): void;
  removeEventListener(type: string, listener: (event: unknown) => void, context?: unknown): void;
}

interface HostEnvironment {
  readonly appUILocale?: string;
  readonly appSkinInfo?: {
    readonly panelBackgroundColor?: {
      readonly color?: { readonly red?: number; readonly green?: number; readonly blue?: number };
    };
  };
}

function environmentOf(runtime: CepRuntime): HostEnvironment {
  try {
    return JSON.parse(runtime.getHostEnvironment()) as HostEnvironment;
  } catch {
    return {};
  }
}

/** Premiere's panel background tells its brightness: light from mid grey up. */
export function themeOfEnvironment(environment: HostEnvironment): HostTheme {
  const color = environment.appSkinInfo?.panelBackgroundColor?.color;
  if (!color) return "dark";
  const luminance = 0.299 * (color.red ?? 0) + 0.587 * (color.green ?? 0) + 0.114 * (color.blue ?? 0);
  return luminance >= 128 ? "light" : "dark";
}

/** `CSInterface.evalScript` as a promise. */
export function evalScriptOf(runtime: CepRuntime): (code: string) => Promise<string> {
  return (code) => new Promise((resolve) => runtime.evalScript(code, resolve));
}

/** Theme and language of the Premiere around a CEP panel, in the shape PremiereCepAdapterOptions takes. */
export function cepSurroundings(runtime: CepRuntime) {
  return {
    locale: (): UiLocale => localeOf(environmentOf(runtime).appUILocale),
    theme: (): HostTheme => themeOfEnvironment(environmentOf(runtime)),
    onThemeChange: (listener: (theme: HostTheme) => void): Disposable => {
      const onChanged = () => listener(themeOfEnvironment(environmentOf(runtime)));
      runtime.addEventListener(THEME_COLOR_CHANGED, onChanged);
      return { dispose: () => runtime.removeEventListener(THEME_COLOR_CHANGED, onChanged) };
    },
  };
}
