import type { BrowserEnvironment } from "../src/host/browser/BrowserHostAdapter.ts";

/** A browser's colour-scheme query and language, switchable from a test. */
export function fakeBrowserEnvironment(
  language: string,
  dark: boolean,
): BrowserEnvironment & { setDark(dark: boolean): void; listeners(): number } {
  const listeners = new Set<() => void>();
  const query = {
    matches: dark,
    addEventListener: (_: "change", listener: () => void) => void listeners.add(listener),
    removeEventListener: (_: "change", listener: () => void) => void listeners.delete(listener),
  };
  return {
    navigator: { language },
    matchMedia: () => query,
    setDark(value) {
      query.matches = value;
      for (const listener of [...listeners]) listener();
    },
    listeners: () => listeners.size,
  };
}
