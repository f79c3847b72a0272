import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResolveSimulator, type SimMediaPoolItem, type SimTimeline } from "@sichter/resolve-simulator";
import type { MethodResult } from "@sichter/shared/protocol";
import { makeCutClip } from "../../../engine/test/fixtures.ts";
import { EVENT } from "../src/ipcChannels.ts";
import { type ResolvePluginPage, openResolvePluginPage } from "./support/resolvePluginPage.ts";

/**
 * Auto-mark inside Resolve, the editor's path: the panel's Auto-mark tab analyses every clip of the
 * current timeline with a real engine, then the Resolve host writes timeline markers at the shot
 * starts each instance shows, and the summary lists every instance. Also the clip source switch.
 * SICHTER_SCREENSHOTS=<folder> keeps a picture of the summary.
 */
let opened: ResolvePluginPage;
let sim: ResolveSimulator;
let timeline: SimTimeline;
let schnitteItem: SimMediaPoolItem;
let schnittePath: string;
let cuts: number[];
const keep = process.env.SICHTER_SCREENSHOTS;

beforeAll(async () => {
  sim = new ResolveSimulator({ version: "21.1" });
  opened = await openResolvePluginPage(sim, {
    width: 320,
    height: 900,
    prepare: async (dir) => {
      const media = path.join(dir, "Media");
      fs.mkdirSync(media, { recursive: true });
      const schnitte = path.join(media, "A002 Schnitte.mp4");
      cuts = await makeCutClip(schnitte, [20, 25, 15]);
      const clip = sim.addClip({ name: "A002 Schnitte", filePath: schnitte, fps: "25", frames: 60 });
      schnitteItem = clip;
      schnittePath = schnitte;
      const other = sim.addClip({
        name: "B-Roll fehlt",
        filePath: path.join(media, "fehlt.mp4"),
        fps: "25",
        frames: 50,
      });
      timeline = sim.addTimeline({ name: "Beitrag 18 Uhr", fps: "25" });
      // The whole clip from record frame 0, then a clip whose file is missing, then the clip's tail again.
      sim.place(timeline, { clip, inFrame: 0, outFrame: 60, recordFrame: 0 });
      sim.place(timeline, { clip: other, inFrame: 0, outFrame: 50, recordFrame: 60 });
      sim.place(timeline, { clip, inFrame: 30, outFrame: 60, recordFrame: 110 });
      sim.setPlayhead(timeline, 10);
      sim.selectMediaPoolClips(other);
      return ["--media", media];
    },
  });
}, 180_000);

afterAll(async () => {
  await opened?.close();
});

describe("auto-mark inside Resolve (plugin page, simulator, real engine)", () => {
  it("offers where the current clip comes from, remembers the choice and follows it", async () => {
    const { page } = opened;
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 20_000 }).toBe("Verbunden");
    const source = page.getByLabel("Aktueller Clip folgt");
    expect(await source.inputValue()).toBe("auto");
    await source.focus();
    await source.selectOption("selection");
    await expect.poll(() => page.locator("body").textContent(), { timeout: 10_000 }).toContain("B-Roll fehlt");
    expect(
      JSON.parse(
        (await page.evaluate(() =>
          (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem(
            "sichter.settings",
          ),
        ))!,
      ).clipSource,
    ).toBe("selection");
    await source.selectOption("playhead");
    await expect.poll(() => page.locator("body").textContent(), { timeout: 10_000 }).toContain("A002 Schnitte");
  });

  it("analyses the timeline's media once each, then writes timeline markers at the shot starts and lists every instance", async () => {
    const { page } = opened;
    await page.getByRole("tab", { name: "Stapel" }).click();
    await page.getByRole("button", { name: "Aktive Sequenz als Stapel analysieren" }).click();
    await page.getByRole("heading", { name: "Marker in Beitrag 18 Uhr" }).waitFor({ timeout: 120_000 });

    const rows = page.locator(".sequence-mark-items .auto-mark-clip");
    expect(
      await rows.evaluateAll((items) =>
        items.map((item) => [item.querySelector(".auto-mark-name")!.textContent, item.getAttribute("data-state")]),
      ),
    ).toEqual([
      ["A002 Schnitte", "written"],
      ["B-Roll fehlt", "skipped"],
      ["A002 Schnitte", "written"],
    ]);
    expect(await rows.nth(1).textContent()).toContain("Übersprungen: nicht analysiert");
    // Shots start at 0, 20 and 45: the first instance shows all three from record frame 0; the
    // second shows source frames 30..59 from record frame 110, so only the shot at 45 (at 125).
    expect(cuts).toEqual([20, 45]);
    const sichter = Object.entries(timeline.GetMarkers())
      .filter(([, marker]) => marker.customData.startsWith("sichter:"))
      .map(([frame]) => Number(frame));
    expect(sichter.sort((a, b) => a - b)).toEqual([0, 20, 45, 125]);
    expect(await page.locator(".sequence-mark .auto-mark-counts").textContent()).toBe(
      "4 geschrieben · 0 schon vorhanden · 0 entfernt",
    );

    if (keep) {
      fs.mkdirSync(keep, { recursive: true });
      await page.screenshot({
        path: path.join(keep, "resolve-auto-mark-320-de-dark.png"),
        fullPage: true,
        animations: "disabled",
        caret: "hide",
      });
    }
  });

  it("says near apply that Resolve cannot take an apply back in one undo step", async () => {
    const { page } = opened;
    await page.getByRole("tab", { name: "Clip" }).click();
    // The clip's second instance: the panel loads the clip's analysis (made by the auto-mark) again.
    sim.setPlayhead(timeline, 120);
    const apply = page.locator("section.apply");
    await apply.getByRole("button", { name: "Anwenden" }).waitFor({ timeout: 20_000 });
    expect(await apply.getByRole("note").textContent()).toBe(
      "Rückgängig kann das Anwenden in diesem Programm nicht in einem Schritt zurücknehmen. Erneutes Anwenden ersetzt nur Sichters eigene Marker und Schlagwörter, nie Ihre.",
    );
    if (keep)
      await apply.screenshot({
        path: path.join(keep, "resolve-apply-undo-320-de-dark.png"),
        animations: "disabled",
        caret: "hide",
      });
  });

  it("stops writing the timeline's markers at Cancel: the clips not yet marked stay as they were", async () => {
    const { page, workflow, window } = opened;
    // A fourth instance, the clip once more from record frame 200.
    sim.place(timeline, { clip: schnitteItem, inFrame: 0, outFrame: 60, recordFrame: 200 });
    // Once the first instance is marked, Resolve answers nothing more until the editor has clicked
    // Cancel and the main process has heard it: the run is caught while it writes, on any machine.
    let release: (() => void) | null = null;
    const progress = window.webContents.listeners.get(EVENT.markSequenceProgress)!;
    progress.add((_event, _run, done) => {
      if (done === 1 && !release) release = workflow.state.monitor!.holdAnswers();
    });
    await page.getByRole("tab", { name: "Stapel" }).click();
    await page.getByRole("button", { name: "Zusammenfassung schließen" }).click();
    await page.getByRole("button", { name: "Aktive Sequenz als Stapel analysieren" }).click();
    const stop = page.getByRole("button", { name: "Markieren abbrechen" });
    // The analyses run again first; on a loaded machine that takes a while.
    await stop.waitFor({ timeout: 150_000 });
    await expect
      .poll(() => page.locator(".sequence-mark-line").textContent())
      .toMatch(/^Marker werden geschrieben: [12] von 4 Clips$/);
    expect(release).not.toBeNull();
    if (keep)
      await page.locator("section.auto-mark").screenshot({
        path: path.join(keep, "resolve-auto-mark-writing-320-de-dark.png"),
        animations: "disabled",
        caret: "hide",
      });
    await stop.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => opened.invoked.includes("sichter:resolve:cancel-mark-sequence")).toBe(true);
    release!();

    await page.getByRole("heading", { name: "Marker in Beitrag 18 Uhr" }).waitFor({ timeout: 30_000 });
    const rows = page.locator(".sequence-mark-items .auto-mark-clip");
    // Instance 2 has no plan and needs no Resolve call, so the run was already in instance 3 when held.
    expect(await rows.evaluateAll((items) => items.map((item) => item.getAttribute("data-state")))).toEqual([
      "unchanged",
      "skipped",
      "unchanged",
      "failed",
    ]);
    expect(await rows.nth(3).textContent()).toContain("Abgebrochen");
    const sichter = Object.entries(timeline.GetMarkers())
      .filter(([, marker]) => marker.customData.startsWith("sichter:"))
      .map(([frame]) => Number(frame));
    // Nothing at record frames 200 and later: the fourth instance was not marked.
    expect(sichter.sort((a, b) => a - b)).toEqual([0, 20, 45, 125]);
  }, 240_000);

  it("moves Resolve's playhead to a search hit's frame in the timeline clip that shows it", async () => {
    const { page, plugin } = opened;
    const { clip } = (await plugin.engine.request("catalog.clip", {
      path: schnittePath,
    })) as MethodResult<"catalog.clip">;
    await plugin.engine.request("tags.review", {
      clipId: clip.id,
      add: { label: "Rathausuhr", startFrame: 40, endFrame: 45 },
    });
    sim.setPlayhead(timeline, 150);
    await page.getByRole("tab", { name: "Suche" }).click();
    await page.getByLabel("Katalog durchsuchen").pressSequentially("Rathausuhr");
    await page.locator(".result", { hasText: "A002 Schnitte" }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    // The hit names only the file: the first instance (source 0..59 from record frame 0) shows frame 40.
    await expect.poll(() => timeline.playhead - timeline.GetStartFrame()).toBe(40);
    expect(timeline.GetCurrentTimecode()).toBe("01:00:01:15");
  });
});
