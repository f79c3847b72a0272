import fs from "node:fs";
import path from "node:path";
import type { SichterClient } from "@sichter/shared/protocol";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyLandtagClip, copyNewsClip } from "./support/newsClip.ts";
import { analyseThroughEngine } from "./support/engineAnalysis.ts";
import { panelContext } from "./support/panelBrowser.ts";
import { startPanelEngine, type PanelEngine } from "./support/panelEngine.ts";
import { panelHome, startPanelRun, stopPanelRun } from "./support/panelRun.ts";
import {
  PANEL_COMBOS as combos,
  screenshotFolder,
  shootView,
  shotName as name,
  type PanelCombo as Combo,
} from "./support/panelScreenshots.ts";

/**
 * The main views in light and dark, German and English, in a 320 px wide docked panel: each must fit
 * without a horizontal scrollbar. With SICHTER_SCREENSHOTS=<folder> (docs/screenshots for the ones in
 * the repository) the pictures are kept; otherwise they go to a temporary folder.
 */
const WIDTH = 320;
const shots = screenshotFolder();

let browser: Browser;
let engine: PanelEngine;
let client: SichterClient;
let clip: string;

beforeAll(async () => {
  const home = panelHome("sichter-shots-engine-");
  clip = await copyLandtagClip(home);
  const media = path.dirname(clip);
  await copyNewsClip(media, "Plenarsaal Totale.mp4");
  ({ browser, engine } = await startPanelRun(home, ["--media", media]));
  client = engine.client();
  // The engine's own language for the suggestions, as `sichter serve` analyses by default.
  await analyseThroughEngine(client, clip, "none", "de");
  // Some decisions, so the review shows every state.
  const { tags } = await client.request("catalog.clip", { path: clip });
  const keyword = (label: string) => tags.find((t) => t.kind === "keyword" && t.label === label)!;
  await client.request("tags.review", { tagId: keyword("Landtag Brandenburg").id, action: "accept" });
  await client.request("tags.review", { tagId: keyword("Potsdam").id, action: "reject" });
});
afterAll(async () => {
  await stopPanelRun({ client, browser, engine });
  shots.remove();
});

async function open(combo: Combo, url: string): Promise<Page> {
  const context = await panelContext(browser, {
    locale: combo.locale,
    colorScheme: combo.colorScheme,
    width: WIDTH,
    height: 720,
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Takes the picture and checks the view fits the narrow panel. */
const shoot = (page: Page, view: string, combo: Combo) => shootView(page, shots, view, combo);

describe.each(combos)("the panel at 320 px, $locale, $colorScheme", (combo) => {
  const de = combo.locale === "de-DE";

  it("media and review", async () => {
    const page = await open(combo, engine.pairingLink);
    await page.getByRole("button", { name: "Landtag" }).click();
    const file = page.locator(".entry-file", { hasText: path.basename(clip) });
    await expect.poll(() => page.locator(".entry-file .entry-meta", { hasText: "0:30" }).count()).toBe(2);
    await shoot(page, "media", combo);
    await file.click();
    await page.locator("li.tag").first().waitFor();
    await page.locator("li.tag").first().focus();
    await shoot(page, "review", combo);

    // The same clip analysed again: the progress view, then cancelled.
    await page.getByRole("button", { name: de ? "Erneut analysieren" : "Analyse again" }).click();
    const bar = page.getByRole("progressbar");
    await expect
      .poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 30_000 })
      .toBeGreaterThan(5);
    await shoot(page, "progress", combo);
    await page.getByRole("button", { name: de ? "Abbrechen" : "Cancel", exact: true }).click();
    await page.getByText(de ? "Analyse abgebrochen." : "Analysis cancelled.").waitFor({ timeout: 30_000 });
    await page.context().close();
  });

  it("search", async () => {
    const page = await open(combo, engine.pairingLink);
    await page.getByRole("tab", { name: de ? "Suche" : "Search" }).click();
    await page.getByLabel(de ? "Katalog durchsuchen" : "Search the catalog").fill("schafer");
    await page.keyboard.press("Enter");
    await page.locator(".result").first().waitFor();
    // The results' pictures come after them.
    await expect
      .poll(() =>
        page
          .locator("img.result-thumb")
          .evaluateAll(
            (imgs: HTMLImageElement[]) => imgs.length > 0 && imgs.every((img) => img.complete && img.naturalWidth > 0),
          ),
      )
      .toBe(true);
    await shoot(page, "search", combo);
    await page.context().close();
  });

  it("wrong token", async () => {
    const page = await open(combo, `${engine.pageUrl}#token=stale`);
    await page.locator('[data-state="wrong-token"]').waitFor();
    await shoot(page, "wrong-token", combo);
    await page.context().close();
  });
});

/**
 * Nothing of the panel's shell (top bar, tab row, the analyse button) reaches past the right edge,
 * and the page has no horizontal scrollbar; the message names what is too wide.
 */
async function shellFits(page: Page, what: string): Promise<void> {
  const { overflow, outside, wider } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const shell = document.querySelectorAll<HTMLElement>(
      ".topbar, .topbar *, [role=tablist], [role=tablist] *, .analysis .button",
    );
    // What a sideways scroller of its own holds (the filmstrip) does not widen the page.
    const clipped = (element: HTMLElement): boolean => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    const outside = [...document.querySelectorAll<HTMLElement>("body *")].filter(
      (element) => element.getBoundingClientRect().right > width + 0.5 && !clipped(element),
    );
    return {
      overflow: document.documentElement.scrollWidth - width,
      // The innermost of what reaches past the edge: what to fix when the page scrolls sideways.
      outside: outside
        .filter((element) => !outside.some((other) => other !== element && element.contains(other)))
        .map(
          (element) =>
            `${element.tagName.toLowerCase()}.${element.className} "${(element.textContent ?? "").slice(0, 30)}"`,
        ),
      wider: [...shell]
        // Cut-off words count too; a visually hidden text for screen readers (1 px wide) does not.
        .filter(
          (element) =>
            element.getBoundingClientRect().right > width + 0.5 ||
            (element.clientWidth > 1 && element.scrollWidth > element.clientWidth + 1),
        )
        .map(
          (element) =>
            `${element.tagName.toLowerCase()}.${element.className} "${(element.textContent ?? "").slice(0, 30)}" (${Math.round(element.getBoundingClientRect().right)} px)`,
        ),
    };
  });
  expect(wider, `${what}: the shell is wider than the panel`).toEqual([]);
  expect(overflow, `${what} scrolls sideways: ${outside.join(", ")}`).toBeLessThanOrEqual(0);
}

describe("the panel's shell at 200 % zoom (a 320 px panel is 160 px of CSS then)", () => {
  it.each([combos[0], combos[3]])(
    "$locale, $colorScheme: every main view fits without a horizontal scrollbar",
    async (combo) => {
      const de = combo.locale === "de-DE";
      const context = await panelContext(browser, {
        locale: combo.locale,
        colorScheme: combo.colorScheme,
        width: 160,
        height: 720,
      });
      const page = await context.newPage();
      const check = async (view: string): Promise<void> => {
        await shellFits(page, `${view} ${combo.locale} at 160 px`);
        await page.screenshot({
          path: path.join(shots.dir, name(`zoom-${view}`, combo)),
          animations: "disabled",
          caret: "hide",
        });
      };
      await page.goto(engine.pairingLink);
      await page.getByRole("button", { name: "Landtag" }).click();
      await expect.poll(() => page.locator(".entry-file .entry-meta", { hasText: "0:30" }).count()).toBe(2);
      await check("media");
      await page.locator(".entry-file", { hasText: path.basename(clip) }).click();
      await page.locator("li.tag").first().waitFor();
      await check("clip");
      await page.getByRole("tab", { name: de ? "Suche" : "Search" }).click();
      await page.getByLabel(de ? "Katalog durchsuchen" : "Search the catalog").fill("schafer");
      await page.keyboard.press("Enter");
      await page.locator(".result").first().waitFor();
      await check("search");
      await page.getByRole("tab", { name: de ? "Stapel" : "Auto-mark" }).click();
      await check("auto-mark");
      await page.getByRole("button", { name: de ? "Einstellungen und Datenschutz" : "Settings and privacy" }).click();
      await page.getByRole("heading", { name: de ? "Einstellungen" : "Settings", level: 2 }).waitFor();
      await check("settings");
      await context.close();
    },
  );
});

describe("the panel when the engine is not running, 320 px", () => {
  it("shows how to start it, in every theme and language", async () => {
    const gone = await startPanelEngine();
    try {
      const pages = await Promise.all(combos.map((combo) => open(combo, gone.pairingLink)));
      for (const page of pages)
        await page
          .getByRole("status")
          .filter({ hasText: /Connected|Verbunden/ })
          .waitFor();
      await gone.stop();
      for (const [i, page] of pages.entries()) {
        await page.locator('[data-state="not-running"]').waitFor({ timeout: 15_000 });
        await shoot(page, "not-running", combos[i]!);
        await page.context().close();
      }
    } finally {
      await gone.stop();
      fs.rmSync(gone.home, { recursive: true, force: true });
    }
  });
});
