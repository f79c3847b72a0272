import fs from "node:fs";
import path from "node:path";
import { ErrorCode, formatErrorMessage, type SichterClient } from "@sichter/shared/protocol";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeClip, makeCutClip } from "../../../engine/test/fixtures.ts";
import { copyNewsClip } from "./support/newsClip.ts";
import type { PanelEngine } from "./support/panelEngine.ts";
import { openPanelPage, panelHome, startPanelRun, stopPanelRun } from "./support/panelRun.ts";

let browser: Browser;
let engine: PanelEngine;
let client: SichterClient;
let page: Page;
let stapel: string;
let long: string;

beforeAll(async () => {
  const home = panelHome("sichter-auto-mark-e2e-");
  // Three short generated clips and a text file that only looks like a video.
  stapel = path.join(home, "Media", "Stapel Landtag");
  fs.mkdirSync(stapel, { recursive: true });
  await Promise.all([
    makeClip(path.join(stapel, "A001 Totale.mp4"), { seconds: 2 }),
    makeCutClip(path.join(stapel, "A002 Schnitte.mp4"), [20, 25, 15]),
    makeClip(path.join(stapel, "A003 Halbtotale.mp4"), { seconds: 1, size: "256x144" }),
  ]);
  fs.writeFileSync(path.join(stapel, "Notizen.mp4"), "Drehplan Landtag, 18 Uhr: Plenarsaal, danach Interviews.\n");
  // Three full news clips: long enough to reload and cancel while they run.
  long = path.join(home, "Media", "Lang");
  for (const name of ["Plenum 1.mp4", "Plenum 2.mp4", "Plenum 3.mp4"]) await copyNewsClip(long, name);
  ({ browser, engine } = await startPanelRun(home, ["--media", stapel, "--media", long]));
  client = engine.client();
  page = await openPanelPage(browser, engine, { locale: "en-GB", width: 320, height: 900 }, "Connected");
});
afterAll(() => stopPanelRun({ client, browser, engine }));

async function openFolder(name: string): Promise<void> {
  await page.getByRole("tab", { name: "Media" }).click();
  const allFolders = page.getByRole("button", { name: "All folders" });
  if (await allFolders.count()) await allFolders.click();
  await page.getByRole("button", { name, exact: true }).click();
}

const clipRow = (name: string) =>
  page.locator(".auto-mark-clip", { has: page.locator(".auto-mark-name", { hasText: name }) });

describe("auto-mark in the browser panel with a real engine", () => {
  it("queues a whole folder at once, shows each clip's progress and sums up with the failure's code", async () => {
    await openFolder("Stapel Landtag");
    await page.getByRole("button", { name: /^Auto-mark this folder: analyse its 4 video files at once$/ }).click();
    expect(await page.getByRole("tab", { name: "Auto-mark" }).getAttribute("aria-selected")).toBe("true");
    await page.getByRole("heading", { name: "Auto-marking Stapel Landtag" }).waitFor();
    const bar = page.getByRole("progressbar", { name: "Auto-mark progress" });
    expect(await bar.getAttribute("aria-valuetext")).toMatch(/^\d of 4 clips done – \d+ %$/);
    expect(await page.locator(".auto-mark-clip").count()).toBe(4);

    // All four went to the engine at once: one job each.
    const queued = async () =>
      new Set((await client.request("job.list", {})).jobs.map((job) => path.basename(job.clipPath)));
    await expect
      .poll(queued)
      .toEqual(new Set(["A001 Totale.mp4", "A002 Schnitte.mp4", "A003 Halbtotale.mp4", "Notizen.mp4"]));

    await page.getByRole("heading", { name: "Auto-mark of Stapel Landtag finished" }).waitFor({ timeout: 120_000 });
    expect(await bar.getAttribute("aria-valuetext")).toBe("4 of 4 clips done – 100 %");
    expect(await page.locator(".auto-mark-counts").textContent()).toBe("3 analysed · 1 failed · 0 cancelled");
    for (const name of ["A001 Totale.mp4", "A002 Schnitte.mp4", "A003 Halbtotale.mp4"])
      expect(await clipRow(name).getAttribute("data-state")).toBe("completed");

    // The failure with the engine's code, in the user's language.
    const { jobs: ended } = await client.request("job.list", { states: ["failed"] });
    const code = ended.find((job) => path.basename(job.clipPath) === "Notizen.mp4")!.error!.code;
    // A text file: nothing ffmpeg can read.
    expect(code).toBe(ErrorCode.PROBE_NOT_MEDIA);
    const failure = page.locator(".auto-mark-failure");
    expect(await failure.getAttribute("data-code")).toBe(code);
    expect(await failure.locator(".notice-code").textContent()).toBe(`Code: ${code}`);
    expect(await failure.locator(".auto-mark-message").textContent()).toBe(
      formatErrorMessage(ErrorCode.PROBE_NOT_MEDIA, { path: "Notizen.mp4" }, "en"),
    );
    expect(await clipRow("Notizen.mp4").locator(".auto-mark-state").textContent()).toBe(`Failed · ${code}`);

    await page.getByRole("button", { name: "Switch the panel to German" }).click();
    expect(await page.locator(".auto-mark-counts").textContent()).toBe(
      "3 analysiert · 1 fehlgeschlagen · 0 abgebrochen",
    );
    expect(await failure.locator(".auto-mark-message").textContent()).toBe(
      formatErrorMessage(ErrorCode.PROBE_NOT_MEDIA, { path: "Notizen.mp4" }, "de"),
    );
    expect(await failure.locator(".notice-code").textContent()).toBe(`Code: ${code}`);
    await page.getByRole("button", { name: "Panel auf Englisch umstellen" }).click();

    // The analysed clips are in the catalog now.
    expect((await client.request("catalog.clip", { path: path.join(stapel, "A002 Schnitte.mp4") })).shots.length).toBe(
      3,
    );
    await page.getByRole("button", { name: "Close summary" }).click();
    await page.getByText("Analyses every clip of a folder at once.", { exact: false }).waitFor();
  });

  it("keeps a run across a page reload and cancels all of it", async () => {
    await openFolder("Lang");
    await page.getByRole("button", { name: /^Auto-mark this folder/ }).click();
    await expect.poll(() => clipRow("Plenum 1.mp4").getAttribute("data-state"), { timeout: 30_000 }).toBe("running");

    await page.reload();
    await page.getByRole("status").filter({ hasText: "Connected" }).waitFor();
    await page.getByRole("tab", { name: "Auto-mark" }).click();
    await page.getByRole("heading", { name: "Auto-marking Lang" }).waitFor();
    // Found again from storage and the engine's job list: the running clip goes on showing its stage.
    await expect
      .poll(() => clipRow("Plenum 1.mp4").locator(".auto-mark-state").textContent(), { timeout: 30_000 })
      .toMatch(/ – \d+ %$/);
    expect(await clipRow("Plenum 3.mp4").getAttribute("data-state")).toBe("queued");

    await page.getByRole("button", { name: "Cancel all" }).click();
    await page.getByRole("heading", { name: "Auto-mark of Lang finished" }).waitFor({ timeout: 60_000 });
    // The one running may have ended just before the cancel reached it; the queued ones never start.
    const [, analysed, cancelled] =
      /^(\d) analysed · 0 failed · (\d) cancelled$/.exec(
        (await page.locator(".auto-mark-counts").textContent()) ?? "",
      ) ?? [];
    expect(Number(analysed) + Number(cancelled)).toBe(3);
    expect(Number(cancelled)).toBeGreaterThanOrEqual(2);
    expect(await clipRow("Plenum 3.mp4").getAttribute("data-state")).toBe("cancelled");
    const { jobs } = await client.request("job.list", { states: ["queued", "running"] });
    expect(jobs).toEqual([]);
  });
});
