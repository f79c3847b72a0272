import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, panelContext } from "./support/panelBrowser.ts";
import { startPanelEngine, type PanelEngine } from "./support/panelEngine.ts";
import { stopPanelRun } from "./support/panelRun.ts";

let browser: Browser;
let engine: PanelEngine;
const pages: Page[] = [];

beforeAll(async () => {
  [browser, engine] = await Promise.all([launchChromium(), startPanelEngine()]);
});
afterEach(async () => {
  for (const page of pages.splice(0)) await page.context().close();
});
afterAll(() => stopPanelRun({ browser, engine }));

async function newPage(options: Parameters<typeof panelContext>[1] = {}): Promise<Page> {
  const page = await (await panelContext(browser, options)).newPage();
  pages.push(page);
  return page;
}

describe("pairing the browser panel with the engine", () => {
  it("connects from the pairing link, keeps the token and removes it from the address bar", async () => {
    const page = await newPage();
    await page.goto(engine.pairingLink);
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe("Connected");
    expect(page.url()).toBe(engine.pageUrl);
    expect(page.url()).not.toContain(engine.token);
    expect(await page.evaluate(() => window.localStorage.getItem("sichter.engineToken"))).toBe(engine.token);

    // A reload (no fragment any more) connects with the kept token.
    await page.reload();
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe("Connected");
  });

  it("shows the wrong-token state with how to get a new one, in German for a German browser", async () => {
    const page = await newPage({ locale: "de-DE" });
    await page.goto(`${engine.pageUrl}#token=not-the-token`);
    await expect.poll(() => page.locator("[data-state]").getAttribute("data-state")).toBe("wrong-token");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Die Engine hat das Zugangstoken dieser Seite abgelehnt");
    expect(await page.locator("pre.command").textContent()).toBe("npx sichter token");
    expect(page.url()).toBe(engine.pageUrl);

    // Pasting the right token connects without a reload.
    await page.getByLabel("Zugangstoken").fill(engine.token);
    await page.getByRole("button", { name: "Verbinden" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe("Verbunden");
  });

  it("asks for a token when the page is opened without a pairing link", async () => {
    const page = await newPage();
    await page.goto(engine.pageUrl);
    await expect.poll(() => page.locator("[data-state]").getAttribute("data-state")).toBe("needs-token");
  });

  it("says the engine is not running when it stops, with the command that starts it, and reconnects when it is back", async () => {
    const own = await startPanelEngine();
    let again: PanelEngine | undefined;
    try {
      const page = await newPage();
      await page.goto(own.pairingLink);
      await expect.poll(() => page.getByRole("status").first().textContent()).toBe("Connected");
      await own.stop();
      await expect
        .poll(() => page.locator("[data-state]").getAttribute("data-state"), { timeout: 15_000 })
        .toBe("not-running");
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toBe("The Sichter engine is not running");
      expect(await page.locator("pre.command").allTextContents()).toEqual(["npm start", "npx sichter serve"]);

      // The same engine (home, token, port) started again: the page finds it by itself.
      again = await startPanelEngine(["--port", String(own.port)], own.home);
      await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 15_000 }).toBe("Connected");
    } finally {
      await again?.stop();
      await own.stop();
      fs.rmSync(own.home, { recursive: true, force: true });
    }
  });
});
