import vm from "node:vm";
import { ExtendScriptPremiere } from "@sichter/premiere-simulator";
import { type CepRuntime, THEME_COLOR_CHANGED } from "../src/cepSurroundings.ts";
import { contextWithSichterJsx } from "./es3Vm.ts";

/**
 * CEP's runtime object as a panel sees it (`window.__adobe_cep__`), over the ExtendScript simulator:
 * evalScript runs the code in the ES3 VM holding the real compiled JSX and answers later with a
 * string, or "EvalScript error." when the script throws, as CEP does.
 */
export function simulatedCepRuntime(
  options: { locale?: string; background?: { red: number; green: number; blue: number } } = {},
) {
  const premiere = new ExtendScriptPremiere();
  const context = contextWithSichterJsx();
  premiere.install(context);
  const evaluated: string[] = [];
  const listeners = new Map<string, Set<(event: unknown) => void>>();
  let background = options.background ?? { red: 35, green: 35, blue: 35 };
  const runtime: CepRuntime = {
    evalScript(code, callback) {
      evaluated.push(code);
      setTimeout(() => {
        let result: string;
        try {
          result = String(vm.runInContext(code, context));
        } catch {
          result = "EvalScript error.";
        }
        callback(result);
      }, 0);
    },
    getHostEnvironment: () =>
      JSON.stringify({
        appName: "PPRO",
        appVersion: "25.5.0",
        appUILocale: options.locale ?? "de_DE",
        appSkinInfo: { panelBackgroundColor: { color: { ...background, alpha: 255 } } },
      }),
    addEventListener(type, listener) {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(listener);
    },
    removeEventListener(type, listener) {
      listeners.get(type)?.delete(listener);
    },
  };
  return {
    premiere,
    runtime,
    evaluated,
    listeners,
    /** The user switches Premiere's brightness. */
    setBackground(color: { red: number; green: number; blue: number }) {
      background = color;
      for (const listener of listeners.get(THEME_COLOR_CHANGED) ?? []) listener({ type: THEME_COLOR_CHANGED });
    },
  };
}
