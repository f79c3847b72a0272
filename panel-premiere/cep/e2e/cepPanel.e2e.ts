import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTENDSCRIPT_MARKER_COLOR_INDEX } from "@sichter/premiere-common";
import { ExtendScriptPremiere, type EsProjectItem } from "@sichter/premiere-simulator";
import type { SichterClient } from "@sichter/shared/protocol";
import { framesToTicks, parseFrameRate } from "@sichter/shared/timecode";
import { type EngineProcess, startEngine } from "../../../engine/test/engineProcess.ts";
import { copyNewsClip } from "../../../shared/ui/e2e/support/newsClip.ts";
import { launchChromium } from "../../../shared/ui/e2e/support/panelBrowser.ts";
import { sidecarKeywords } from "../../../shared/ui/e2e/support/sidecarKeywords.ts";
import { buildPage } from "../../scripts/buildPage.ts";
import { closeCepPanel, openCepPanel } from "./cepPanelPage.ts";

/**
 * The CEP panel's own page (Premiere 25.0-25.5), built as it ships and opened from its file in
 * Debian's chromium, so its WebSocket carries `Origin: null` as in CEP; CEP's evalScript runs the
 * compiled JSX in an ES3 VM against the ExtendScript simulator; a real engine analyses the clip.
 * Analyse, review, apply: the markers and the XMP then read back from the simulated Premiere.
 */
const CEP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

let dir: string;
let engine: EngineProcess;
let client: SichterClient;
let browser: Browser;
let page: Page;
let clip: string;
let frameRate: string;
let premiere: ExtendScriptPremiere;
let item: EsProjectItem;

beforeAll(async () => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sichter-cep-e2e-")));
  const media = path.join(dir, "Beitrag");
  clip = await copyNewsClip(media, "Landtag Brandenburg.mp4");
  const pageDir = path.join(dir, "cep-page");
  const [, launched] = await Promise.all([buildPage(CEP_ROOT, pageDir), launchChromium()]);
  [engine, browser] = [await startEngine(path.join(dir, "home"), ["--media", media]), launched];
  client = engine.client();
  const probe = (await client.request("media.probe", { paths: [clip] })).items[0]!.probe!;
  frameRate = probe.frameRate;
  premiere = new ExtendScriptPremiere();
  item = premiere.addClip({ name: "Landtag Brandenburg", mediaPath: clip, frameRate });
  // The same clip on V1 of the active sequence from sequence frame 50, its first 20 s shown.
  premiere.addSequence("Beitrag 18 Uhr", frameRate, [
    { item, track: 0, startFrame: 50, inFrame: 0, durationFrames: 500 },
  ]);
  page = await openCepPanel(browser, {
    pageFile: path.join(pageDir, "index.html"),
    enginePort: engine.port,
    premiere,
    uiLocale: "en_US",
    width: 320,
    height: 900,
  });
}, 180_000);

afterAll(async () => {
  client?.dispose();
  if (page) await closeCepPanel(page);
  await browser?.close();
  engine?.child.kill("SIGTERM");
  // Seen on a heavily loaded machine: the engine logged engine.stopped but its process stayed. That
  // is the engine's to fix, not this page's; the test ends it rather than time out and leave it behind.
  const stopped = await Promise.race([
    engine?.exited.then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), 60_000)),
  ]);
  if (!stopped) {
    console.warn("the engine did not exit within 60 s of SIGTERM after logging engine.stopped; killed");
    engine?.child.kill("SIGKILL");
    await engine?.exited;
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, 180_000);

const row = (label: string) =>
  page.locator("li.tag", { has: page.locator(".tag-label", { hasText: new RegExp(`^${label}$`) }) }).first();

async function decide(label: string, key: "a" | "r", chip: string): Promise<void> {
  await row(label).locator(".tag-label").click();
  await page.keyboard.press(key);
  await expect.poll(() => row(label).locator(".chip").textContent()).toBe(chip);
}

describe("the CEP panel's page in chromium with the simulated Premiere 25.5", () => {
  it("is a file page whose WebSocket the engine lets in with the pasted token", async () => {
    expect(page.url()).toMatch(/^file:\/\//);
    await page.getByLabel("Access token").fill(engine.token);
    await page.getByRole("button", { name: "Connect" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 20_000 }).toBe("Connected");
    // The engine saw the page's null origin and opened the connection.
    const log = fs.readFileSync(path.join(dir, "home", "data", "logs", "engine.log"), "utf8");
    expect(log).toMatch(/connection\.opened[^\n]*"origin":"null"/);
  });

  it("analyses the selected clip, applies the review and says undo cannot take it back in one step", async () => {
    premiere.selection = [item];
    await page.getByRole("heading", { name: "Landtag Brandenburg", level: 2 }).waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Analyse", exact: true }).click();
    // An analysis of the 30 s news clip on a loaded two-core machine can take minutes.
    await row("Köln Hauptbahnhof").waitFor({ timeout: 240_000 });
    await decide("Köln Hauptbahnhof", "r", "rejected");
    await decide("Rathaus Köln", "a", "accepted");

    const note = page.getByRole("note").filter({ hasText: "Undo cannot take an apply back in one step in this host." });
    await note.waitFor();
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect.poll(() => page.locator(".apply-outcome").textContent(), { timeout: 30_000 }).toMatch(/^Written \d/);

    // Clip markers at every shot's first frame, exact in ticks, coloured with ExtendScript's indices.
    const catalogued = await client.request("catalog.clip", { path: clip });
    const rate = parseFrameRate(frameRate);
    const markers = [...item.markerCollection.markers].sort((a, b) => (a.startTicks < b.startTicks ? -1 : 1));
    expect(catalogued.shots.length).toBeGreaterThan(1);
    expect(markers.map((m) => m.startTicks)).toEqual(catalogued.shots.map((s) => framesToTicks(s.startFrame, rate)));
    expect(markers.map((m) => m.endTicksValue - m.startTicks)).toEqual(
      catalogued.shots.map((s) => framesToTicks(s.endFrame - s.startFrame, rate)),
    );
    expect(
      markers.every(
        (m) => Object.values(EXTENDSCRIPT_MARKER_COLOR_INDEX).includes(m.colorIndex) && m.type === "Comment",
      ),
    ).toBe(true);
    // The keywords in the item's XMP (read by exiftool) and the project column.
    const packet = path.join(dir, "packet.xmp");
    fs.writeFileSync(packet, item.xmp);
    expect(await sidecarKeywords(packet)).toContain("Rathaus Köln");
    expect(item.xmp).not.toContain("Köln Hauptbahnhof");
    expect(item.projectMetadata.get("SichterKeywords")).toContain("Rathaus Köln");
    expect(fs.readdirSync(path.dirname(clip))).toEqual(["Landtag Brandenburg.mp4"]);
  }, 300_000);

  it("applies from the timeline: the clip under the playhead gets sequence markers through its position", async () => {
    const sequence = premiere.activeSequence!;
    const rate = parseFrameRate(frameRate);
    const heading = page.getByRole("heading", { name: "Landtag Brandenburg", level: 2 });
    // The playhead past the clip: following it, the panel has no clip; then onto it at sequence frame 60.
    sequence.playerTicks = framesToTicks(5000, rate);
    await page.getByLabel("Current clip follows").selectOption({ label: "Playhead" });
    await heading.waitFor({ state: "detached", timeout: 20_000 });
    sequence.playerTicks = framesToTicks(60, rate);
    await heading.waitFor({ timeout: 20_000 });
    await page.locator("li.tag").first().waitFor();
    await page
      .getByRole("button", { name: /^Apply/ })
      .first()
      .click();
    await expect.poll(() => sequence.markers.markers.length, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator(".apply-outcome").textContent(), { timeout: 30_000 }).toMatch(/^Written \d/);
    const catalogued = await client.request("catalog.clip", { path: clip });
    // The instance shows media frames 0-499 from sequence frame 50.
    const shown = catalogued.shots.filter((s) => s.startFrame < 500).map((s) => framesToTicks(s.startFrame + 50, rate));
    const onSequence = [...sequence.markers.markers].map((m) => m.startTicks).sort((a, b) => (a < b ? -1 : 1));
    expect(onSequence).toEqual(shown);
    expect(shown.length).toBeGreaterThan(0);
  });
});
