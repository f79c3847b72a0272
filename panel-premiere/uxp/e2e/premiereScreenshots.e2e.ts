import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SichterClient } from "@sichter/shared/protocol";
import { type EngineProcess, startEngine } from "../../../engine/test/engineProcess.ts";
import { analyseThroughEngine } from "../../../shared/ui/e2e/support/engineAnalysis.ts";
import { copyNewsClip } from "../../../shared/ui/e2e/support/newsClip.ts";
import { launchChromium } from "../../../shared/ui/e2e/support/panelBrowser.ts";
import { shootFitting } from "../../../shared/ui/e2e/support/panelScreenshots.ts";
import { buildSimulatedPage } from "./buildSimulatedPage.ts";
import { closePremierePanel, openPremierePanel, simulatedPremiere } from "./premierePanelPage.ts";

/**
 * The UXP panel docked in the simulated Premiere at a docked panel's widths, in Premiere's dark and
 * light appearance: the clip view of a reviewed clip must fit without a horizontal scrollbar. With
 * SICHTER_SCREENSHOTS=<folder> (docs/screenshots for the ones in the repository) the pictures are
 * kept as premiere-clip-<width>-de-<theme>.png, with the review, the settings and the apply report
 * docked 300 px wide and dark; otherwise they go to a temporary folder.
 */
const keep = process.env.SICHTER_SCREENSHOTS;
const outDir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), "sichter-premiere-shots-"));
const combos = [
  { width: 300, theme: "darkest", palette: "dark" },
  { width: 400, theme: "darkest", palette: "dark" },
  { width: 300, theme: "light", palette: "light" },
  { width: 400, theme: "light", palette: "light" },
] as const;

let dir: string;
let engine: EngineProcess;
let client: SichterClient;
let browser: Browser;
let clip: string;
let clipSpec: { name: string; mediaPath: string; frameRate: string; durationFrames: number };

beforeAll(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sichter-premiere-shots-engine-")));
  const media = path.join(dir, "Landtag");
  clip = await copyNewsClip(media, "Landtag Potsdam.mp4");
  const plugin = path.join(dir, "plugin");
  const [, launched] = await Promise.all([buildSimulatedPage(plugin), launchChromium()]);
  [engine, browser] = [await startEngine(path.join(dir, "home"), ["--media", media, "--panel", plugin]), launched];
  client = engine.client();
  await analyseThroughEngine(client, clip);
  // Some decisions, so the review shows every state.
  const { tags } = await client.request("catalog.clip", { path: clip });
  const keyword = (label: string) => tags.find((t) => t.kind === "keyword" && t.label === label)!;
  await client.request("tags.review", { tagId: keyword("Landtag Brandenburg").id, action: "accept" });
  await client.request("tags.review", { tagId: keyword("Potsdam").id, action: "reject" });
  const probe = (await client.request("media.probe", { paths: [clip] })).items[0]!.probe!;
  clipSpec = { name: "Landtag Potsdam", mediaPath: clip, frameRate: probe.frameRate, durationFrames: probe.frameCount };
}, 180_000);

afterAll(async () => {
  client?.dispose();
  await browser?.close();
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  if (!keep) fs.rmSync(outDir, { recursive: true, force: true });
});

async function dockedPanel(width: number, theme: string): Promise<Page> {
  const page = await openPremierePanel(browser, {
    pageUrl: `http://127.0.0.1:${engine.port}/`,
    enginePort: engine.port,
    width,
    height: 760,
    setup: { uiLocale: "de_DE", theme, clips: [clipSpec] },
  });
  await page.getByLabel("Zugangstoken").fill(engine.token);
  await page.getByRole("button", { name: "Verbinden" }).click();
  await page.getByRole("status").filter({ hasText: "Verbunden" }).waitFor();
  await simulatedPremiere(page).select([0]);
  await page.getByRole("heading", { name: "Landtag Potsdam", level: 2 }).waitFor();
  await page.locator("li.tag").first().waitFor();
  return page;
}

describe("the UXP panel docked in the simulated Premiere", () => {
  for (const { width, theme, palette } of combos) {
    it(`fits ${width} px wide in Premiere's ${theme} appearance`, async () => {
      const page = await dockedPanel(width, theme);
      try {
        expect(await page.locator("html").getAttribute("data-theme")).toBe(palette);
        const overflow = await page.evaluate(() => {
          const root = (
            globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
          ).document.documentElement;
          return root.scrollWidth - root.clientWidth;
        });
        expect(overflow).toBe(0);
        await page.screenshot({ path: path.join(outDir, `premiere-clip-${width}-de-${palette}.png`) });
      } finally {
        await closePremierePanel(page);
      }
    });
  }

  it("shows the review list docked 300 px wide in Premiere's dark appearance", async () => {
    const page = await dockedPanel(300, "darkest");
    try {
      const list = page.locator("li.tag");
      await list.first().locator(".tag-label").click();
      await list.first().scrollIntoViewIfNeeded();
      await shootFitting(page, path.join(outDir, "premiere-review-300-de-dark.png"), "review 300 px");
    } finally {
      await closePremierePanel(page);
    }
  });

  it("shows the settings docked 300 px wide in Premiere's dark appearance", async () => {
    const page = await dockedPanel(300, "darkest");
    try {
      await page.getByRole("button", { name: "Einstellungen und Datenschutz" }).click();
      await page.getByRole("heading", { name: "Einstellungen", exact: true }).waitFor();
      await shootFitting(page, path.join(outDir, "premiere-settings-300-de-dark.png"), "settings 300 px");
    } finally {
      await closePremierePanel(page);
    }
  });

  it("shows what was written into Premiere after applying, 300 px wide and dark", async () => {
    const page = await dockedPanel(300, "dark");
    try {
      await page.getByRole("button", { name: "Anwenden", exact: true }).click();
      const report = page.locator(".apply-report");
      await report.waitFor({ timeout: 30_000 });
      expect((await simulatedPremiere(page).clipState(0)).undoLabels).toEqual(["Sichter: Clip verschlagworten"]);
      await page.locator(".apply-section, .apply-outcome").first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(outDir, "premiere-apply-300-de-dark.png") });
    } finally {
      await closePremierePanel(page);
    }
  });
});
