import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeClip } from "../../../engine/test/fixtures.ts";
import { copyNewsClip } from "./support/newsClip.ts";
import type { PanelEngine } from "./support/panelEngine.ts";
import { openPanelPage, panelHome, startPanelRun, stopPanelRun } from "./support/panelRun.ts";
import {
  PANEL_COMBOS as combos,
  screenshotFolder,
  shotName,
  type PanelCombo as Combo,
} from "./support/panelScreenshots.ts";

/**
 * The auto-mark views (a run in progress, the summary with a failure) in light and dark, German and
 * English, in a 320 px wide docked panel, and at 200 % zoom (160 CSS px): nothing may be wider than the
 * panel. SICHTER_SCREENSHOTS=<folder> keeps the pictures (docs/screenshots for the repository's).
 */
const shots = screenshotFolder();

let browser: Browser;
let engine: PanelEngine;

beforeAll(async () => {
  const home = panelHome("sichter-shots-auto-mark-");
  const short = path.join(home, "Landtag Kurz");
  fs.mkdirSync(short, { recursive: true });
  await makeClip(path.join(short, "A001 Totale Plenarsaal.mp4"), { seconds: 2 });
  await makeClip(path.join(short, "A002 Halbtotale Rednerpult.mp4"), { seconds: 1 });
  fs.writeFileSync(path.join(short, "Drehplan.mp4"), "Drehplan: Plenarsaal 18 Uhr\n");
  const long = path.join(home, "Landtag Plenum");
  for (const name of ["Plenum Totale.mp4", "Plenum Rednerpult.mp4", "Plenum Zuschauer.mp4"])
    await copyNewsClip(long, name);
  ({ browser, engine } = await startPanelRun(home, ["--media", short, "--media", long]));
});
afterAll(async () => {
  await stopPanelRun({ browser, engine });
  shots.remove();
});

function open(combo: Combo, width = 320): Promise<Page> {
  return openPanelPage(browser, engine, { locale: combo.locale, colorScheme: combo.colorScheme, width, height: 720 });
}

/** Nothing in `scope` reaches past the panel's right edge; the message names what does. */
async function fits(page: Page, what: string, scope = "body"): Promise<void> {
  const wider = await page.evaluate((within) => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>(`${within} *`)]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)} px)`,
      );
  }, scope);
  expect(wider, `${what} is wider than the panel`).toEqual([]);
}

async function shoot(page: Page, view: string, combo: Combo): Promise<void> {
  await fits(page, `${view} ${combo.locale} ${combo.colorScheme}`);
  await page.screenshot({ path: path.join(shots.dir, shotName(view, combo)), animations: "disabled", caret: "hide" });
}

async function autoMark(page: Page, folder: string, de: boolean): Promise<void> {
  await page.getByRole("button", { name: folder, exact: true }).click();
  await page.getByRole("button", { name: de ? /^Ordner als Stapel analysieren/ : /^Auto-mark this folder/ }).click();
}

describe.each(combos)("auto-mark at 320 px, $locale, $colorScheme", (combo) => {
  const de = combo.locale === "de-DE";

  it("a run in progress, then cancelled", async () => {
    const page = await open(combo);
    await autoMark(page, "Landtag Plenum", de);
    await page.locator('.auto-mark-clip[data-state="running"]').waitFor({ timeout: 60_000 });
    await expect
      .poll(
        async () =>
          Number(
            await page
              .locator(".auto-mark-clip .progress-fill")
              .first()
              .evaluate((e) => parseFloat((e as HTMLElement).style.width)),
          ),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(5);
    await shoot(page, "auto-mark-progress", combo);
    await page.getByRole("button", { name: de ? "Alle abbrechen" : "Cancel all" }).click();
    await page.locator('.auto-mark[data-state="finished"]').waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: de ? "Zusammenfassung schließen" : "Close summary" }).click();
    await page.context().close();
  });

  it("the summary with a failure", async () => {
    const page = await open(combo);
    await autoMark(page, "Landtag Kurz", de);
    await page.locator('.auto-mark[data-state="finished"]').waitFor({ timeout: 120_000 });
    await page.locator(".auto-mark-failure").waitFor();
    await shoot(page, "auto-mark-summary", combo);
    await page.getByRole("button", { name: de ? "Zusammenfassung schließen" : "Close summary" }).click();
    await page.context().close();
  });
});

describe("auto-mark and search at 200 % zoom (160 px)", () => {
  // The views and the tabs; the top bar is the panel's own.
  it("fit without a horizontal scrollbar", async () => {
    const combo = combos[2];
    const page = await open(combo, 160);
    await autoMark(page, "Landtag Kurz", true);
    await page.locator('.auto-mark[data-state="finished"]').waitFor({ timeout: 120_000 });
    await fits(page, "the auto-mark summary at 200 %", ".main");
    await page.getByRole("tab", { name: "Suche" }).click();
    await page.getByLabel("Katalog durchsuchen").fill("plenarsaal");
    await page.keyboard.press("Enter");
    await page
      .locator(".search-view [aria-live]")
      .filter({ hasText: /Clip|Nichts/ })
      .waitFor();
    await fits(page, "the search at 200 %", ".main");
    await page.context().close();
  });
});
