import fs from "node:fs";
import path from "node:path";
import type { SichterClient } from "@sichter/shared/protocol";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSamples } from "../../../bench/samples/ensureSamples.ts";
import { analyseThroughEngine } from "./support/engineAnalysis.ts";
import { copyLandtagClip } from "./support/newsClip.ts";
import { panelContext } from "./support/panelBrowser.ts";
import type { PanelEngine } from "./support/panelEngine.ts";
import { panelHome, startPanelRun, stopPanelRun } from "./support/panelRun.ts";
import {
  PANEL_COMBOS as combos,
  screenshotFolder,
  shootView,
  type PanelCombo as Combo,
} from "./support/panelScreenshots.ts";

/**
 * The clip view's parts in light and dark, German and English, in a 320 px wide docked panel: the
 * player with its timeline and filmstrip, a clip Chromium cannot play, the review's key overlay and
 * an apply report. Each must fit without a horizontal scrollbar. With SICHTER_SCREENSHOTS=<folder>
 * (docs/screenshots for the ones in the repository) the pictures are kept.
 */
const WIDTH = 320;
const shots = screenshotFolder("sichter-clip-shots-");

let browser: Browser;
let engine: PanelEngine;
let client: SichterClient;

beforeAll(async () => {
  const home = panelHome("sichter-clip-shots-engine-");
  const news = await copyLandtagClip(home);
  const media = path.dirname(news);
  const prores = path.join(media, "Interview Plenarsaal.mov");
  fs.copyFileSync((await ensureSamples()).samples.find((s) => s.file === "prores-intra-720p25.mov")!.path, prores);
  ({ browser, engine } = await startPanelRun(home, ["--media", media]));
  client = engine.client();
  await analyseThroughEngine(client, news);
  await analyseThroughEngine(client, prores);
  // Some decisions, so the apply report has keywords to name.
  const { tags } = await client.request("catalog.clip", { path: news });
  for (const label of ["Landtag Brandenburg", "Bürgermeisterin Anna Schäfer", "Plenarsaal"]) {
    const tag = tags.find((t) => t.kind === "keyword" && t.label === label);
    if (tag) await client.request("tags.review", { tagId: tag.id, action: "accept" });
  }
});
afterAll(async () => {
  await stopPanelRun({ client, browser, engine });
  shots.remove();
});

async function openClip(combo: Combo, file: string): Promise<Page> {
  const de = combo.locale === "de-DE";
  const context = await panelContext(browser, {
    locale: combo.locale,
    colorScheme: combo.colorScheme,
    width: WIDTH,
    height: 720,
  });
  const page = await context.newPage();
  await page.goto(engine.pairingLink);
  await page.getByRole("button", { name: "Landtag" }).click();
  await page.locator(".entry-file", { hasText: file }).click();
  await page.getByRole("heading", { name: de ? "Schlagwörter" : "Tags", level: 2 }).waitFor();
  return page;
}

/** Takes the picture of what the panel shows now and checks the view fits the narrow panel. */
const shoot = (page: Page, view: string, combo: Combo) => shootView(page, shots, view, combo);

/** Scrolls so `selector`'s top is near the panel's top. */
async function scrollTo(page: Page, selector: string): Promise<void> {
  await page.evaluate(
    (s) => window.scrollTo(0, document.querySelector(s)!.getBoundingClientRect().top + window.scrollY - 8),
    selector,
  );
}

describe.each(combos)("the clip view at 320 px, $locale, $colorScheme", (combo) => {
  const de = combo.locale === "de-DE";

  it("player, filmstrip, key overlay and apply report", async () => {
    const page = await openClip(combo, "Landtag Potsdam.mp4");
    // Show a frame with a lower third: the keyframe of the third shot.
    // The video in place first, so the strip below it no longer moves when the click comes.
    await expect
      .poll(() => page.locator("video").evaluate((v: HTMLVideoElement) => v.readyState))
      .toBeGreaterThanOrEqual(1);
    const keyframe = page.locator(".frame-shot-start .frame-button").nth(2);
    const frame = Number(await keyframe.getAttribute("data-frame"));
    await keyframe.click();
    await expect
      .poll(() =>
        page
          .locator("video")
          .evaluate((v: HTMLVideoElement) => !v.seeking && v.readyState >= 3 && Math.floor(v.currentTime * 25)),
      )
      .toBe(frame);
    await page
      .locator(".frame-image")
      .last()
      .evaluate((img: HTMLImageElement) => img.decode().catch(() => undefined));
    await scrollTo(page, ".player");
    await shoot(page, "player", combo);

    await page.getByRole("button", { name: de ? "Tasten der Schlagwortliste" : "Keys of the tag list" }).click();
    await scrollTo(page, ".review");
    await shoot(page, "review-keys", combo);
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: de ? "Anwenden" : "Apply", exact: true }).click();
    await expect
      .poll(() => page.locator(".apply-outcome").getAttribute("class"), { timeout: 30_000 })
      .toContain("apply-ok");
    await scrollTo(page, ".apply");
    await shoot(page, "apply", combo);
    await page.context().close();
  });

  it("a clip the browser cannot play", async () => {
    const page = await openClip(combo, "Interview Plenarsaal.mov");
    await page.locator(".player-fallback").waitFor();
    await page.locator(".frame-button").nth(1).click();
    await page
      .locator(".filmstrip-preview img")
      .evaluate((img: HTMLImageElement) => img.decode().catch(() => undefined));
    await scrollTo(page, ".player-fallback");
    await shoot(page, "filmstrip-fallback", combo);
    await page.context().close();
  });
});

describe("the clip view at 200 % zoom (a 320 px panel is 160 px of CSS then)", () => {
  it.each(["en-GB", "de-DE"] as const)(
    "%s: player, filmstrip, apply report, keys and tags stay inside the panel",
    async (locale) => {
      const de = locale === "de-DE";
      const context = await panelContext(browser, { locale, width: 160, height: 360 });
      const page = await context.newPage();
      await page.goto(engine.pairingLink);
      await page.getByRole("button", { name: "Landtag" }).click();
      await page.locator(".entry-file", { hasText: "Landtag Potsdam.mp4" }).click();
      await page.locator("li.tag").first().waitFor();
      await page.getByRole("button", { name: de ? "Anwenden" : "Apply", exact: true }).click();
      await page.locator(".apply-report").waitFor({ timeout: 30_000 });
      await page.getByRole("button", { name: de ? "Tasten der Schlagwortliste" : "Keys of the tag list" }).click();
      // Everything of the clip view ends inside the panel; only the filmstrip scrolls sideways, in itself.
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll(".clip-view *")]
          .filter(
            (e) =>
              !e.closest(".filmstrip-items > li") &&
              e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5,
          )
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? "").slice(0, 30)}`),
      );
      expect(outside).toEqual([]);
      await context.close();
    },
  );
});
