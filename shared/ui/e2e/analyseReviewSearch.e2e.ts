import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyNewsClip } from "./support/newsClip.ts";
import type { PanelEngine } from "./support/panelEngine.ts";
import { openPanelPage, panelHome, startPanelRun, stopPanelRun } from "./support/panelRun.ts";

let browser: Browser;
let engine: PanelEngine;
let page: Page;
let clip: string;

beforeAll(async () => {
  const home = panelHome("sichter-panel-e2e-");
  const media = path.join(home, "Rohmaterial");
  clip = await copyNewsClip(media);
  ({ browser, engine } = await startPanelRun(home, ["--media", media]));
  page = await openPanelPage(browser, engine, { locale: "en-GB", width: 320, height: 900 }, "Connected");
});
afterAll(() => stopPanelRun({ browser, engine }));

/** A tag's row; OCR's keywords and the lines they came from share labels, so rows are taken from one group. */
const group = (title: string) => page.locator(".tag-group", { has: page.locator(".group-title", { hasText: title }) });
const row = (label: string, inGroup = "On-screen text: keywords") =>
  group(inGroup).locator("li.tag", { has: page.locator(".tag-label", { hasText: new RegExp(`^${label}$`) }) });

describe("the browser panel with a real engine", () => {
  it("picks a clip in the allowed media folders", async () => {
    // Without a clip the panel opens on its media browser.
    expect(await page.getByRole("tab", { name: "Media" }).getAttribute("aria-selected")).toBe("true");
    await page.getByRole("button", { name: "Rohmaterial" }).click();
    const file = page.locator(".entry-file", { hasText: path.basename(clip) });
    // Duration and timecode range come from the engine's probe, after the listing.
    await expect.poll(() => file.locator(".entry-meta").first().textContent()).toBe("0:30 · 00:00:00:00–00:00:29:21");
    expect(await file.locator(".entry-meta").nth(1).textContent()).toBe("not analysed yet");
    await file.click();
    expect(await page.getByRole("tab", { name: "Clip" }).getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => page.getByText("Not analysed yet.").count()).toBe(1);
  });

  it("analyses a clip with visible progress and shows its tags grouped by source", async () => {
    await page.getByRole("button", { name: "Analyse", exact: true }).click();
    const bar = page.getByRole("progressbar", { name: "Analysis progress" });
    await bar.waitFor();
    // The engine's stages appear in words, with the percentage.
    await expect
      .poll(async () => (await bar.getAttribute("aria-valuetext")) ?? "", { timeout: 30_000 })
      .toMatch(/^(?!Starting).+ – \d+ %$/);

    await page.getByRole("heading", { name: "Tags", level: 2 }).waitFor({ timeout: 120_000 });
    expect(await page.locator(".group-title").allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^On-screen text: keywords \d+$/),
        expect.stringMatching(/^On-screen text: lines read \d+$/),
        expect.stringMatching(/^Camera motion \d+$/),
      ]),
    );
    await row("Bürgermeisterin Anna Schäfer").waitFor();

    // The media browser now knows it as analysed.
    await page.getByRole("tab", { name: "Media" }).click();
    await expect.poll(() => page.locator(".entry-file .entry-meta").nth(1).textContent()).toMatch(/^analysed \d/);
    await page.getByRole("tab", { name: "Clip" }).click();
  });

  it("rejects, edits and adds tags by keyboard, and the decisions survive a reload", async () => {
    await row("Köln Hauptbahnhof").locator(".tag-label").click();
    await page.keyboard.press("r");
    await expect.poll(() => row("Köln Hauptbahnhof").locator(".chip").textContent()).toBe("rejected");

    await row("Rathaus Köln").locator(".tag-label").click();
    await page.keyboard.press("e");
    const editor = page.getByLabel("Label", { exact: true });
    await editor.fill("Rathaus Köln, Ratssaal");
    await page.keyboard.press("Enter");
    await expect.poll(() => row("Rathaus Köln, Ratssaal").locator(".chip").textContent()).toBe("accepted");

    await page.keyboard.press("n");
    await page.getByLabel("New tag for the whole clip").fill("Stadtrat");
    await page.keyboard.press("Enter");
    await expect.poll(() => row("Stadtrat", "Added by you").locator(".chip").textContent()).toBe("accepted");

    await page.reload();
    await row("Stadtrat", "Added by you").waitFor();
    expect(await row("Köln Hauptbahnhof").locator(".chip").textContent()).toBe("rejected");
    expect(await row("Rathaus Köln, Ratssaal").locator(".chip").textContent()).toBe("accepted");
  });

  it("finds the clip by a lower-third word typed without umlauts and opens it", async () => {
    await page.getByRole("tab", { name: "Search" }).click();
    await page.getByLabel("Search the catalog").fill("schafer");
    await page.keyboard.press("Enter");
    const result = page.locator(".result", { hasText: path.basename(clip) });
    await result.waitFor();
    expect(await result.locator(".hit-label").allTextContents()).toContain("Bürgermeisterin Anna Schäfer");
    await result.getByRole("button", { name: `Open ${path.basename(clip)}` }).click();
    expect(await page.getByRole("tab", { name: "Clip" }).getAttribute("aria-selected")).toBe("true");
    await row("Stadtrat", "Added by you").waitFor();
  });

  it("shows a running analysis again after a reload, and cancels it", async () => {
    await page.getByRole("button", { name: "Analyse again" }).click();
    await page.getByRole("progressbar").waitFor();
    await page.reload();
    await page.getByRole("progressbar").waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: "Cancel", exact: true }).click({ timeout: 10_000 });
    await page.getByText("Analysis cancelled.").waitFor({ timeout: 30_000 });
    // The earlier analysis and its decisions are still there.
    expect(await row("Köln Hauptbahnhof").locator(".chip").textContent()).toBe("rejected");
  });
});
