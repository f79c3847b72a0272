import path from "node:path";
import type { SichterClient } from "@sichter/shared/protocol";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseThroughEngine } from "./support/engineAnalysis.ts";
import { copyNewsClip } from "./support/newsClip.ts";
import type { PanelEngine } from "./support/panelEngine.ts";
import { openPanelPage, panelHome, startPanelRun, stopPanelRun } from "./support/panelRun.ts";

let browser: Browser;
let engine: PanelEngine;
let client: SichterClient;
let page: Page;
let clip: string;
let other: string;

beforeAll(async () => {
  const home = panelHome("sichter-search-e2e-");
  const media = path.join(home, "Archiv");
  clip = await copyNewsClip(media, "Rathaus Pressekonferenz.mp4");
  other = await copyNewsClip(media, "Zweite Kopie.mp4");
  ({ browser, engine } = await startPanelRun(home, ["--media", media]));
  client = engine.client();
  // Only the first is catalogued: a result opens the clip it names, not whichever is current.
  await analyseThroughEngine(client, clip);
  page = await openPanelPage(browser, engine, { locale: "en-GB", width: 320, height: 900 }, "Connected");
});
afterAll(() => stopPanelRun({ client, browser, engine }));

describe("search in the browser panel with a real engine", () => {
  it("finds a lower-third name typed without umlauts, by keyboard, and opens the clip at the matched frame", async () => {
    // Another clip is current, so opening the result has to change it.
    await page.getByRole("button", { name: "Archiv" }).click();
    await page.locator(".entry-file", { hasText: path.basename(other) }).click();
    await page.locator(".clip-name", { hasText: path.basename(other) }).waitFor();

    const { results } = await client.request("catalog.search", { query: "schafer" });
    const hit = results[0]!.hits[0]!;
    expect(hit.label).toContain("Schäfer");

    await page.getByRole("tab", { name: "Search" }).click();
    // Typed, not submitted: the search runs as the user types.
    await page.getByLabel("Search the catalog").pressSequentially("schafer");
    const result = page.locator(".result", { hasText: path.basename(clip) });
    await result.waitFor();
    expect(await result.locator(".hit-label").allTextContents()).toContain("Bürgermeisterin Anna Schäfer");
    // The picture of the keyframe nearest the hit, from the engine with the token.
    const picture = result.locator("img.result-thumb");
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    expect(await picture.getAttribute("src")).toMatch(/\/thumbnails\/.+\?token=/);

    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      `Open ${path.basename(clip)} at ${hit.startTimecode}`,
    );
    await page.keyboard.press("Enter");

    expect(await page.getByRole("tab", { name: "Clip" }).getAttribute("aria-selected")).toBe("true");
    await page.locator(".clip-name", { hasText: path.basename(clip) }).waitFor();
    // The clip view's player is at the hit's frame: its position line and the video's own time.
    const position = page.locator(".player-position");
    await expect
      .poll(() => position.textContent(), { timeout: 15_000 })
      .toBe(`Frame ${hit.startFrame} · ${hit.startTimecode}`);
    const video = page.locator("video.player-video");
    await expect
      .poll(() => video.evaluate((element: HTMLVideoElement) => Math.floor(element.currentTime * 25)), {
        timeout: 15_000,
      })
      .toBe(hit.startFrame);
  });

  it("opens a result at another matched tag's own frame, and Esc goes back to the box", async () => {
    const { results } = await client.request("catalog.search", { query: "koln" });
    const hits = results[0]!.hits;
    expect(hits.length).toBeGreaterThan(1);
    const second = hits[1]!;

    await page.getByRole("tab", { name: "Search" }).click();
    const box = page.getByLabel("Search the catalog");
    await box.fill("koln");
    await page.keyboard.press("Enter");
    await page.locator(".result .hit").nth(1).waitFor();
    await box.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      `Show “${second.label}” in ${path.basename(clip)} at ${second.startTimecode}`,
    );
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await box.getAttribute("id"));
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator(".player-position").textContent(), { timeout: 15_000 })
      .toBe(`Frame ${second.startFrame} · ${second.startTimecode}`);
  });
});
