import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SichterClient } from "@sichter/shared/protocol";
import { framesToTicks, parseFrameRate } from "@sichter/shared/timecode";
import { type EngineProcess, startEngine } from "../../../engine/test/engineProcess.ts";
import { makeCutClip } from "../../../engine/test/fixtures.ts";
import { analyseThroughEngine } from "../../../shared/ui/e2e/support/engineAnalysis.ts";
import { copyNewsClip } from "../../../shared/ui/e2e/support/newsClip.ts";
import { launchChromium } from "../../../shared/ui/e2e/support/panelBrowser.ts";
import { buildSimulatedPage } from "./buildSimulatedPage.ts";
import { closePremierePanel, openPremierePanel, simulatedPremiere } from "./premierePanelPage.ts";

/**
 * The UXP panel in chromium with the simulated Premiere and a real engine, on the timeline side:
 * a search result opens its clip (imported first when the project lacks it) in the Source Monitor
 * at the hit's frame, or moves the playhead there once the active sequence shows it; the current
 * clip follows the playhead; the active sequence is auto-marked with progress, a summary and a cancel
 * (a short generated clip for the run that completes, so the file takes seconds, not minutes more).
 */
const SEQUENCE = "Beitrag 18 Uhr";
const SHORT_SEQUENCE = "Kurz";
/** Where the clip sits in the sequence, and which of its frames it shows. */
const PLACED = { startFrame: 100, inFrame: 0 };

let dir: string;
let engine: EngineProcess;
let client: SichterClient;
let browser: Browser;
let page: Page;
let clip: string;
let cuts: string;
let frameRate: string;
let frameCount: number;

beforeAll(async () => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sichter-uxp-timeline-e2e-")));
  const media = path.join(dir, "Beitrag");
  clip = await copyNewsClip(media, "Landtag Brandenburg.mp4");
  cuts = path.join(media, "Schnitte.mp4");
  await makeCutClip(cuts, [20, 25, 15]);
  const plugin = path.join(dir, "plugin");
  const [, launched] = await Promise.all([buildSimulatedPage(plugin), launchChromium()]);
  [engine, browser] = [await startEngine(path.join(dir, "home"), ["--media", media, "--panel", plugin]), launched];
  client = engine.client();
  // The news clip's analysis can take minutes on a loaded two-core machine: the hook allows for it.
  await analyseThroughEngine(client, clip);
  const probe = (await client.request("media.probe", { paths: [clip] })).items[0]!.probe!;
  [frameRate, frameCount] = [probe.frameRate, probe.frameCount];
  page = await openPremierePanel(browser, {
    pageUrl: `http://127.0.0.1:${engine.port}/`,
    enginePort: engine.port,
    width: 400,
    height: 900,
    // The news clip is on disk, not yet in the project; the short one is in it.
    setup: {
      uiLocale: "en_US",
      theme: "dark",
      clips: [{ name: "Schnitte", mediaPath: cuts, frameRate: "25/1", durationFrames: 60 }],
      files: [{ name: "Landtag Brandenburg", mediaPath: clip, frameRate, durationFrames: frameCount }],
    },
  });
  await page.getByLabel("Access token").fill(engine.token);
  await page.getByRole("button", { name: "Connect" }).click();
  await page.getByRole("status").filter({ hasText: "Connected" }).waitFor({ timeout: 20_000 });
}, 420_000);

afterAll(async () => {
  client?.dispose();
  if (page) await closePremierePanel(page);
  await browser?.close();
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The frame of the engine's best hit for `query` in the clip. */
async function bestHitFrame(query: string): Promise<number> {
  const { results } = await client.request("catalog.search", { query });
  const found = results.find((r) => r.file === clip);
  expect(found?.hits.length).toBeGreaterThan(0);
  return found!.hits[0]!.startFrame;
}

async function openFirstResult(query: string): Promise<void> {
  await page.getByRole("tab", { name: "Search" }).click();
  const field = page.getByLabel("Search the catalog");
  await field.fill(query);
  await page.keyboard.press("Enter");
  await page.locator(".result .result-open").first().waitFor();
  await page.locator(".result .result-open").first().click();
}

describe("the UXP panel on Premiere's timeline", () => {
  it("opens a search result that is not in the project: imports it and shows the hit's frame in the Source Monitor", async () => {
    const premiere = simulatedPremiere(page);
    expect(await premiere.projectMedia()).toEqual([cuts]);
    const frame = await bestHitFrame("schafer");
    await openFirstResult("schafer");
    await expect
      .poll(() => premiere.sourceMonitor(), { timeout: 20_000 })
      .toEqual({
        mediaPath: clip,
        position: String(framesToTicks(frame, parseFrameRate(frameRate))),
      });
    expect(await premiere.projectMedia()).toEqual([cuts, clip]);
  });

  it("moves the playhead to the hit once the active sequence shows the clip", async () => {
    const premiere = simulatedPremiere(page);
    await premiere.addSequence({
      name: SEQUENCE,
      frameRate,
      tracks: [[{ mediaPath: clip, ...PLACED, outFrame: frameCount, startFrame: PLACED.startFrame }]],
    });
    const frame = await bestHitFrame("schafer");
    await openFirstResult("schafer");
    const perFrame = framesToTicks(1, parseFrameRate(frameRate));
    await expect
      .poll(async () => (await premiere.sequenceState())?.playhead, { timeout: 20_000 })
      .toBe(String(BigInt(PLACED.startFrame + frame) * perFrame));
    // Nothing imported twice.
    expect(await premiere.projectMedia()).toEqual([cuts, clip]);
  });

  it("follows the clip under the playhead when told to", async () => {
    const premiere = simulatedPremiere(page);
    await page.getByRole("tab", { name: "Clip" }).click();
    await page.getByLabel("Current clip follows").selectOption({ label: "Playhead" });
    const heading = page.getByRole("heading", { name: "Landtag Brandenburg", level: 2 });
    // Before the clip starts (sequence frame 50) nothing is under the playhead; then it is.
    await premiere.setPlayhead(50);
    await heading.waitFor({ state: "detached", timeout: 20_000 });
    await premiere.setPlayhead(PLACED.startFrame + 10);
    await heading.waitFor({ timeout: 20_000 });
    await premiere.setPlayhead(PLACED.startFrame + frameCount + 10);
    await heading.waitFor({ state: "detached", timeout: 20_000 });
  });

  it("cancels an auto-mark while its clip is analysed: no markers are written", async () => {
    const premiere = simulatedPremiere(page);
    const before = (await premiere.sequenceState())!;
    await page.getByRole("tab", { name: "Auto-mark" }).click();
    await page.getByRole("button", { name: "Auto-mark the active sequence" }).click();
    await page.getByRole("heading", { name: `Auto-marking ${SEQUENCE}` }).waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Cancel all" }).click();
    await page.getByText("Cancelled: no markers were written.").waitFor({ timeout: 60_000 });
    await page.getByRole("heading", { name: `Auto-mark of ${SEQUENCE} finished` }).waitFor();
    const after = (await premiere.sequenceState())!;
    expect(after.undoLabels).toEqual(before.undoLabels);
    expect(after.markers).toEqual(before.markers);
    await page.getByRole("button", { name: "Close summary" }).click();
  });
  it("auto-marks the active sequence: progress, then a summary, and markers at the shots it shows in one undo step", async () => {
    const premiere = simulatedPremiere(page);
    // The short clip from sequence frame 10 on, its frames 5 to 59 shown.
    await premiere.addSequence({
      name: SHORT_SEQUENCE,
      frameRate: "25/1",
      tracks: [[{ mediaPath: cuts, inFrame: 5, outFrame: 60, startFrame: 10 }]],
    });
    await page.getByRole("button", { name: "Auto-mark the active sequence" }).click();
    await page.getByRole("progressbar").first().waitFor({ timeout: 20_000 });
    await page.getByRole("heading", { name: `Markers in ${SHORT_SEQUENCE}` }).waitFor({ timeout: 120_000 });
    await page.getByText("One undo step takes them all back.").waitFor();
    const state = (await premiere.sequenceState())!;
    const { shots } = await client.request("catalog.clip", { path: cuts });
    expect(shots.map((s) => s.startFrame)).toEqual([0, 20, 45]);
    // Shot 1 starts before the in point (frame 5) and is not shown; shots 2 and 3 land at 10 + frame - 5.
    expect(state.markers.map((m) => BigInt(m.start))).toEqual([25n, 50n].map((f) => f * 10_160_640_000n));
    expect(state.undoLabels).toEqual(["Sichter: mark sequence"]);
    expect(state.violations).toBe(0);
    await page.getByText("2 markers written").waitFor();
  });
});
