import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SichterClient } from "@sichter/shared/protocol";
import { framesToTicks, parseFrameRate } from "@sichter/shared/timecode";
import { type EngineProcess, startEngine } from "../../../engine/test/engineProcess.ts";
import { copyNewsClip } from "../../../shared/ui/e2e/support/newsClip.ts";
import { launchChromium } from "../../../shared/ui/e2e/support/panelBrowser.ts";
import { sidecarKeywords } from "../../../shared/ui/e2e/support/sidecarKeywords.ts";
import { buildSimulatedPage } from "./buildSimulatedPage.ts";
import { closePremierePanel, openPremierePanel, simulatedPremiere } from "./premierePanelPage.ts";

/**
 * The UXP panel's built page in Debian's chromium with the Premiere simulator as its host (inside the
 * page, where UXP's `require` is) and a real engine on loopback: the user path of the browser host,
 * analyse, review, apply, and then Premiere's own state read back from the simulator.
 */
const FOREIGN_KEYWORD = "Archiv Landtag";
// What another tool (or the editor) wrote into the clip's XMP before Sichter came.
const FOREIGN_XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
  `<dc:subject><rdf:Bag><rdf:li>${FOREIGN_KEYWORD}</rdf:li></rdf:Bag></dc:subject>` +
  "</rdf:Description></rdf:RDF></x:xmpmeta>";

let dir: string;
let engine: EngineProcess;
let client: SichterClient;
let browser: Browser;
let page: Page;
let clip: string;
let frameRate: string;

beforeAll(async () => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sichter-uxp-e2e-")));
  const media = path.join(dir, "Beitrag");
  clip = await copyNewsClip(media, "Landtag Brandenburg.mp4");
  const plugin = path.join(dir, "plugin");
  const [, launched] = await Promise.all([buildSimulatedPage(plugin), launchChromium()]);
  // The engine serves the page, so its WebSocket carries the engine's own origin (UXP's plugin
  // origin the engine accepts as well); the CEP page's e2e opens its page from a file instead.
  [engine, browser] = [await startEngine(path.join(dir, "home"), ["--media", media, "--panel", plugin]), launched];
  client = engine.client();
  const probe = (await client.request("media.probe", { paths: [clip] })).items[0]!.probe!;
  frameRate = probe.frameRate;
  page = await openPremierePanel(browser, {
    pageUrl: `http://127.0.0.1:${engine.port}/`,
    enginePort: engine.port,
    width: 400,
    height: 900,
    setup: {
      uiLocale: "en_US",
      theme: "dark",
      clips: [
        { name: "Landtag Brandenburg", mediaPath: clip, frameRate, durationFrames: probe.frameCount, xmp: FOREIGN_XMP },
      ],
    },
  });
}, 180_000);

afterAll(async () => {
  client?.dispose();
  if (page) await closePremierePanel(page);
  await browser?.close();
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const row = (label: string) =>
  page.locator("li.tag", { has: page.locator(".tag-label", { hasText: new RegExp(`^${label}$`) }) }).first();

async function decide(label: string, key: "a" | "r", chip: string): Promise<void> {
  await row(label).locator(".tag-label").click();
  await page.keyboard.press(key);
  await expect.poll(() => row(label).locator(".chip").textContent()).toBe(chip);
}

describe("the UXP panel in chromium with the simulated Premiere", () => {
  it("pairs with the pasted token, in Premiere's language and dark theme", async () => {
    await page.getByLabel("Access token").fill(engine.token);
    await page.getByRole("button", { name: "Connect" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 20_000 }).toBe("Connected");
    expect(await page.locator("html").getAttribute("data-theme")).toBe("dark");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
  });

  it("follows the Project panel selection, analyses, reviews and applies as one undo step", async () => {
    await page.getByRole("heading", { name: "Landtag Brandenburg", level: 2 }).waitFor({ state: "detached" });
    await simulatedPremiere(page).select([0]);
    await page.getByRole("heading", { name: "Landtag Brandenburg", level: 2 }).waitFor();

    await page.getByRole("button", { name: "Analyse", exact: true }).click();
    await row("Köln Hauptbahnhof").waitFor({ timeout: 90_000 });
    await decide("Köln Hauptbahnhof", "r", "rejected");
    await decide("Bürgermeisterin Anna Schäfer", "a", "accepted");
    await decide("Rathaus Köln", "a", "accepted");

    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect.poll(() => page.locator(".apply-outcome").textContent(), { timeout: 30_000 }).toMatch(/^Written \d/);

    const state = await simulatedPremiere(page).clipState(0);
    // Clip markers: one at each shot's first frame, exact in Premiere's ticks.
    const catalogued = await client.request("catalog.clip", { path: clip });
    const rate = parseFrameRate(frameRate);
    expect(catalogued.shots.length).toBeGreaterThan(1);
    expect(state.markers.map((m) => BigInt(m.start))).toEqual(
      catalogued.shots.map((s) => framesToTicks(s.startFrame, rate)),
    );
    expect(state.markers.map((m) => BigInt(m.duration))).toEqual(
      catalogued.shots.map((s) => framesToTicks(s.endFrame - s.startFrame, rate)),
    );
    // The XMP packet, read by exiftool: the accepted keywords beside the one that was there before.
    const accepted = catalogued.tags.filter((t) => t.status === "accepted" && t.kind === "keyword").map((t) => t.label);
    expect(accepted.sort()).toEqual(["Bürgermeisterin Anna Schäfer", "Rathaus Köln"]);
    const packet = path.join(dir, "packet.xmp");
    fs.writeFileSync(packet, state.xmp);
    expect((await sidecarKeywords(packet)).sort()).toEqual([FOREIGN_KEYWORD, ...accepted].sort());
    expect(state.xmp).not.toContain("Köln Hauptbahnhof");
    // One step on Premiere's undo stack, and no action outside lockedAccess or a transaction.
    expect(state.undoLabels).toEqual(["Sichter: tag clip"]);
    expect(state.violations).toBe(0);
    // The media file itself is untouched: Premiere keeps the XMP, no sidecar beside the clip.
    expect(fs.readdirSync(path.dirname(clip))).toEqual(["Landtag Brandenburg.mp4"]);
  });
});
