import fs from "node:fs";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

/** Debian's chromium package; SICHTER_CHROMIUM points elsewhere. Nothing is ever downloaded. */
export const CHROMIUM = process.env.SICHTER_CHROMIUM ?? "/usr/bin/chromium";

/**
 * Headless chromium as the panel's end-to-end tests need it: no sandbox (CI runs as root), no GPU, and
 * none of the browser's own traffic (updates, sync, safe browsing) so a run stays on loopback.
 * playwright-core gives every launch a fresh, temporary profile (user data dir).
 */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `No chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set SICHTER_CHROMIUM.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-default-apps",
      "--disable-extensions",
    ],
  });
}

export interface PanelContextOptions {
  readonly locale?: "de-DE" | "en-GB";
  readonly colorScheme?: "light" | "dark";
  /** A docked panel is narrow: 320 px is the width the panel must work at. */
  readonly width?: number;
  readonly height?: number;
}

export function panelContext(browser: Browser, options: PanelContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    locale: options.locale ?? "en-GB",
    colorScheme: options.colorScheme ?? "light",
    viewport: { width: options.width ?? 320, height: options.height ?? 640 },
    deviceScaleFactor: 1,
    reducedMotion: "reduce",
  });
}
