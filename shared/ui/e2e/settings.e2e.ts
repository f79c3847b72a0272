import fs from "node:fs";
import path from "node:path";
import type { SichterClient } from "@sichter/shared/protocol";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyLandtagClip } from "./support/newsClip.ts";
import { analyseThroughEngine } from "./support/engineAnalysis.ts";
import type { panelContext } from "./support/panelBrowser.ts";
import type { PanelEngine } from "./support/panelEngine.ts";
import { openPanelPage, panelHome, startPanelRun, stopPanelRun } from "./support/panelRun.ts";
import { PANEL_COMBOS, screenshotFolder, shootFitting, shotName } from "./support/panelScreenshots.ts";

/**
 * Settings and "what was sent" in the browser panel against a real engine: the language switch, the
 * theme override, the engine's privacy limits shown before anything is sent, and a local-only
 * analysis whose record says nothing left. With SICHTER_SCREENSHOTS=<folder> the 320 px pictures
 * (light/dark, de/en) are kept, as screenshots.e2e.ts does for the other views.
 */
const shots = screenshotFolder();

let browser: Browser;
let engine: PanelEngine;
let client: SichterClient;
let clip: string;

beforeAll(async () => {
  const home = panelHome("sichter-settings-e2e-");
  clip = await copyLandtagClip(home);
  // A smaller image cap than the design's 768 px: the panel must show the engine's number, not its own.
  fs.mkdirSync(path.join(home, "config"), { recursive: true });
  fs.writeFileSync(path.join(home, "config", "privacy.json"), JSON.stringify({ maxLongSide: 640 }));
  ({ browser, engine } = await startPanelRun(home, ["--media", path.dirname(clip)]));
  client = engine.client();
  // The engine's own language for the suggestions, as `sichter serve` analyses by default.
  await analyseThroughEngine(client, clip, "none", "de");
});
afterAll(async () => {
  await stopPanelRun({ client, browser, engine });
  shots.remove();
});

function openPanel(options: Parameters<typeof panelContext>[1]): Promise<Page> {
  return openPanelPage(browser, engine, { width: 320, height: 720, ...options }, /Connected|Verbunden/);
}

const shoot = (page: Page, file: string) => shootFitting(page, path.join(shots.dir, file), file);

describe("settings in the browser panel", () => {
  it("switches the panel's language in the settings, and keeps it after a reload", async () => {
    const page = await openPanel({ locale: "en-GB" });
    await page.getByRole("button", { name: "Settings and privacy" }).click();
    await page.getByRole("heading", { name: "Settings", level: 2 }).waitFor();
    expect(await page.getByLabel("Panel language").inputValue()).toBe("host");

    await page.getByLabel("Panel language").selectOption("de");
    await page.getByRole("heading", { name: "Einstellungen", level: 2 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("de");
    await page.getByRole("button", { name: "Zurück zum Panel" }).click();
    await page.getByRole("tab", { name: "Suche" }).waitFor();

    await page.reload();
    await page.getByRole("status").filter({ hasText: "Verbunden" }).waitFor();
    await page.getByRole("tab", { name: "Suche" }).waitFor();
    expect(JSON.parse((await page.evaluate(() => window.localStorage.getItem("sichter.settings")))!)).toMatchObject({
      uiLocale: "de",
    });

    // Back to following the browser's language.
    await page.getByRole("button", { name: "Einstellungen und Datenschutz" }).click();
    await page.getByLabel("Sprache des Panels").selectOption("host");
    await page.getByRole("heading", { name: "Settings", level: 2 }).waitFor();
    await page.context().close();
  });

  it("overrides the system's theme and follows it again", async () => {
    const page = await openPanel({ locale: "en-GB", colorScheme: "light" });
    const theme = () => page.evaluate(() => document.documentElement.getAttribute("data-theme"));
    expect(await theme()).toBe("light");
    await page.getByRole("button", { name: "Settings and privacy" }).click();
    await page.getByLabel("Theme").selectOption("dark");
    expect(await theme()).toBe("dark");
    await page.getByLabel("Theme").selectOption("host");
    expect(await theme()).toBe("light");
    await page.context().close();
  });

  it("shows before anything is sent that the engine is local-only and what would leave, with the engine's own size cap", async () => {
    const page = await openPanel({ locale: "en-GB" });
    await page.getByRole("button", { name: "Settings and privacy" }).click();
    await page.getByText("Local only: nothing leaves this computer.").waitFor();
    await page.getByText("At most 640 px on the long side").waitFor();
    await page.getByText("No file names, no paths: images are named by random ids").waitFor();
    const openai = page.locator(".provider", { hasText: "OpenAI-compatible vision model" });
    expect(await openai.locator(".chip").allTextContents()).toEqual(["cloud", "off"]);
    await page.context().close();
  });

  it("after a local-only analysis, 'what was sent' says that nothing left this computer", async () => {
    const page = await openPanel({ locale: "en-GB" });
    await page.getByRole("button", { name: "Settings and privacy" }).click();
    await page.getByRole("button", { name: "What was sent" }).click();
    // The opening button is gone: the keyboard lands on the new view's heading.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("What was sent");
    const job = page.locator(".sent-job", { hasText: path.basename(clip) });
    await job.waitFor();
    expect(await job.locator(".sent-nothing").textContent()).toBe("Nothing left this computer.");
    expect(await job.locator(".sent-when").textContent()).toMatch(/^analysed \d/);
    await page.context().close();
  });

  it("marker sources and colours stay chosen across a reload", async () => {
    const page = await openPanel({ locale: "en-GB" });
    await page.getByRole("button", { name: "Settings and privacy" }).click();
    await page.getByLabel("Write markers: Camera motion").uncheck();
    await page.getByLabel("Marker colour: On-screen text").selectOption("cyan");
    await page.reload();
    await page.getByRole("button", { name: "Settings and privacy" }).click();
    expect(await page.getByLabel("Write markers: Camera motion").isChecked()).toBe(false);
    expect(await page.getByLabel("Marker colour: On-screen text").inputValue()).toBe("cyan");
    await page.getByRole("button", { name: "Reset panel settings" }).click();
    expect(await page.getByLabel("Write markers: Camera motion").isChecked()).toBe(true);
    await page.context().close();
  });
});

describe("settings and 'what was sent' at 320 px", () => {
  it.each(PANEL_COMBOS)("fit the docked panel, $locale $colorScheme", async (combo) => {
    const de = combo.locale === "de-DE";
    const page = await openPanel(combo);
    await page.getByRole("button", { name: de ? "Einstellungen und Datenschutz" : "Settings and privacy" }).click();
    await page.locator("[data-mode]").waitFor();
    await page.getByLabel(de ? "Sprache des Panels" : "Panel language").focus();
    await shoot(page, shotName("settings", combo));
    await page.getByRole("button", { name: de ? "Was gesendet wurde" : "What was sent" }).click();
    await page.locator(".sent-job").first().waitFor();
    await shoot(page, shotName("sent", combo));
    await page.context().close();
  });
});
