import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** Every theme in every language the panel speaks: each view is pictured in all four. */
export const PANEL_COMBOS = [
  { locale: "en-GB", colorScheme: "light" },
  { locale: "en-GB", colorScheme: "dark" },
  { locale: "de-DE", colorScheme: "light" },
  { locale: "de-DE", colorScheme: "dark" },
] as const;
export type PanelCombo = (typeof PANEL_COMBOS)[number];

/** The picture's file name, the same scheme as docs/screenshots: panel-<view>-<de|en>-<theme>.png. */
export function shotName(view: string, combo: PanelCombo): string {
  return `panel-${view}-${combo.locale.slice(0, 2)}-${combo.colorScheme}.png`;
}

export interface ScreenshotFolder {
  readonly dir: string;
  /** Removes the folder unless SICHTER_SCREENSHOTS asked to keep the pictures. */
  remove(): void;
}

/** SICHTER_SCREENSHOTS=<folder> keeps the pictures (docs/screenshots for the repository's); otherwise a temporary folder. */
export function screenshotFolder(prefix = "sichter-shots-"): ScreenshotFolder {
  const keep = process.env.SICHTER_SCREENSHOTS;
  const dir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.mkdirSync(dir, { recursive: true });
  return {
    dir,
    remove() {
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Checks the page does not scroll sideways (`what` names it in the failure), then takes the picture of
 * what a docked panel shows: its viewport, not the whole scrolled page.
 */
export async function shootFitting(page: Page, file: string, what: string): Promise<void> {
  // An expression, not a function: the Premiere e2e type-checks this helper without the DOM's types.
  const overflow = Number(
    await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"),
  );
  expect(overflow, `${what} is wider than the panel`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
}

/** shootFitting for a view in one theme and language, named by shotName. */
export function shootView(page: Page, folder: ScreenshotFolder, view: string, combo: PanelCombo): Promise<void> {
  return shootFitting(
    page,
    path.join(folder.dir, shotName(view, combo)),
    `${view} ${combo.locale} ${combo.colorScheme}`,
  );
}
