import fs from "node:fs";
import path from "node:path";
import type { SichterClient, StoredTag } from "@sichter/shared/protocol";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSamples } from "../../../bench/samples/ensureSamples.ts";
import { analyseThroughEngine } from "./support/engineAnalysis.ts";
import { copyNewsClip } from "./support/newsClip.ts";
import type { PanelEngine } from "./support/panelEngine.ts";
import { openPanelPage, panelHome, startPanelRun, stopPanelRun } from "./support/panelRun.ts";
import { sidecarKeywords } from "./support/sidecarKeywords.ts";

/**
 * The clip view with a real engine and chromium: review, apply (the sidecar read back with
 * exiftool), the player seeking to a tag's exact frame, and a ProRes clip that Chromium cannot play
 * shown as its filmstrip.
 */
let browser: Browser;
let engine: PanelEngine;
let client: SichterClient;
let page: Page;
let media: string;
let news: string;
let prores: string;

beforeAll(async () => {
  const home = panelHome("sichter-clip-e2e-");
  media = path.join(home, "Beitrag");
  news = await copyNewsClip(media, "Landtag Brandenburg.mp4");
  const set = await ensureSamples();
  prores = path.join(media, "Interview ProRes.mov");
  fs.copyFileSync(set.samples.find((s) => s.file === "prores-intra-720p25.mov")!.path, prores);
  ({ browser, engine } = await startPanelRun(home, ["--media", media]));
  client = engine.client();
  // As `sichter analyze` would: the sidecar holds every suggestion before anyone reviewed them.
  await analyseThroughEngine(client, news, "sidecar");
  await analyseThroughEngine(client, prores);
  page = await openPanelPage(browser, engine, { locale: "en-GB", width: 320, height: 900 }, "Connected");
});
afterAll(() => stopPanelRun({ client, browser, engine }));

const group = (title: string) => page.locator(".tag-group", { has: page.locator(".group-title", { hasText: title }) });
const row = (label: string, inGroup = "On-screen text: keywords") =>
  group(inGroup).locator("li.tag", { has: page.locator(".tag-label", { hasText: new RegExp(`^${label}$`) }) });

async function openClip(name: string): Promise<void> {
  await page.getByRole("tab", { name: "Media" }).click();
  if ((await page.locator(".entry-file").count()) === 0) await page.getByRole("button", { name: "Beitrag" }).click();
  await page.locator(".entry-file", { hasText: name }).click();
  await page.getByRole("heading", { name, level: 2 }).waitFor();
}

async function storedTags(): Promise<StoredTag[]> {
  return (await client.request("catalog.clip", { path: news })).tags;
}

/** The video's time once it has settled after a seek. */
async function videoTime(): Promise<number> {
  return page.locator("video").evaluate((video: HTMLVideoElement) => (video.seeking ? -1 : video.currentTime));
}

describe("the clip view with a real engine", () => {
  it("reviews by keyboard, applies, and the sidecar holds exactly the accepted keywords", async () => {
    await openClip("Landtag Brandenburg.mp4");
    const sidecar = path.join(media, "Landtag Brandenburg.xmp");
    expect(await sidecarKeywords(sidecar)).toEqual(
      expect.arrayContaining(["Köln Hauptbahnhof", "Rathaus Köln", "Bürgermeisterin Anna Schäfer"]),
    );

    await row("Köln Hauptbahnhof").locator(".tag-label").click();
    await page.keyboard.press("r");
    await expect.poll(() => row("Köln Hauptbahnhof").locator(".chip").textContent()).toBe("rejected");
    await row("Bürgermeisterin Anna Schäfer").locator(".tag-label").click();
    await page.keyboard.press("a");
    await expect.poll(() => row("Bürgermeisterin Anna Schäfer").locator(".chip").textContent()).toBe("accepted");
    await row("Rathaus Köln").locator(".tag-label").click();
    await page.keyboard.press("e");
    await page.getByLabel("Label", { exact: true }).fill("Rathaus Köln, Ratssaal");
    await page.keyboard.press("Enter");
    // The next key right away, as a person types on: the list has the focus again before the engine answers.
    await page.keyboard.press("n");
    await page.getByLabel("New tag for the whole clip").fill("Stadtrat");
    await page.keyboard.press("Enter");
    await expect.poll(() => row("Stadtrat", "Added by you").locator(".chip").textContent()).toBe("accepted");
    expect(await row("Rathaus Köln, Ratssaal").locator(".chip").textContent()).toBe("accepted");

    await page.getByRole("button", { name: "Apply", exact: true }).click();
    const outcome = page.locator(".apply-outcome");
    await expect.poll(() => outcome.textContent(), { timeout: 30_000 }).toMatch(/^Written \d/);

    const accepted = ["Bürgermeisterin Anna Schäfer", "Rathaus Köln, Ratssaal", "Stadtrat"];
    // The engine's own account of what a person accepted says the same.
    const stored = await storedTags();
    expect(
      stored
        .filter((t) => t.status === "accepted" && (t.kind === "keyword" || t.source === "user"))
        .map((t) => t.label)
        .sort(),
    ).toEqual(accepted.sort());
    expect((await sidecarKeywords(sidecar)).sort()).toEqual(accepted.sort());

    // The report names the sidecar, the keywords it holds now and the markers written.
    const report = page.locator(".apply-report");
    expect(await report.locator(".report-entry", { hasText: "Sidecar" }).locator("dd").textContent()).toBe(
      "Landtag Brandenburg.xmp",
    );
    expect((await report.locator(".report-keywords li").allTextContents()).sort()).toEqual(accepted.sort());
    const markersTitle = await report.locator(".report-entry dt", { hasText: "Markers" }).textContent();
    const shots = (await client.request("catalog.clip", { path: news })).shots.length;
    expect(Number(/\((\d+)\)/.exec(markersTitle ?? "")?.[1])).toBeGreaterThanOrEqual(shots);

    // Applying again is allowed and changes nothing that is right already.
    await page.getByRole("button", { name: "Apply again" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Apply again" }).isEnabled()).toBe(true);
    await expect.poll(() => outcome.textContent()).toMatch(/^Written \d/);
    expect((await sidecarKeywords(sidecar)).sort()).toEqual(accepted.sort());
  });

  it("seeks the video to the exact frame of a clicked tag, a tag chosen by Enter, a marker and a keyframe", async () => {
    const video = page.locator("video");
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
    const tags = await storedTags();
    const frameOf = (label: string) => tags.find((t) => t.label === label && t.kind === "keyword")!.startFrame;
    const expectFrame = async (frame: number) => {
      await expect.poll(videoTime).toBeGreaterThanOrEqual(frame / 25);
      const time = await videoTime();
      // Inside the frame, at its start (the player adds a tenth of a millisecond against rounding).
      expect(time).toBeLessThan((frame + 1) / 25);
      expect(time - frame / 25).toBeLessThan(0.001);
      expect(await page.locator(".player-position").textContent()).toMatch(new RegExp(`^Frame ${frame} · `));
    };

    const schaefer = frameOf("Bürgermeisterin Anna Schäfer");
    expect(schaefer).toBeGreaterThan(0);
    await row("Bürgermeisterin Anna Schäfer").locator(".tag-label").click();
    await expectFrame(schaefer);

    const station = frameOf("Köln Hauptbahnhof");
    await row("Köln Hauptbahnhof").focus();
    await page.keyboard.press("Enter");
    await expectFrame(station);

    // A marker on the timeline: the second shot's start.
    const secondShot = (await client.request("catalog.clip", { path: news })).shots[1]!.startFrame;
    await page.locator(`.timeline-marker[data-frame="${secondShot}"]`).dispatchEvent("click");
    await expectFrame(secondShot);
    expect(await page.getByRole("slider", { name: "Markers: shots and tags" }).getAttribute("aria-valuetext")).toMatch(
      /Shot 2/,
    );

    // The timeline's keys: the next marker after the second shot's start.
    await page.getByRole("slider", { name: "Markers: shots and tags" }).focus();
    await page.keyboard.press("ArrowLeft");
    const previous = Number(await page.getByRole("slider").getAttribute("aria-valuenow"));
    expect(previous).toBeLessThan(secondShot);
    await expectFrame(previous);

    // A keyframe of the filmstrip, by keyboard.
    const keyframes = page.locator(".frame-button");
    await keyframes.nth(1).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expectFrame(Number(await keyframes.nth(2).getAttribute("data-frame")));
    expect(await keyframes.nth(2).getAttribute("aria-current")).toBe("true");
  });

  it("shows a ProRes clip as its filmstrip and says plainly why there is no video", async () => {
    await openClip("Interview ProRes.mov");
    await page
      .getByText(
        "This clip cannot play in the panel: the browser does not decode ProRes video. Its keyframes below show what it holds.",
      )
      .waitFor();
    expect(await page.locator("video").count()).toBe(0);
    const keyframes = page.locator(".frame-button");
    expect(await keyframes.count()).toBeGreaterThan(1);
    // The strip is the viewer now: the chosen keyframe is shown large with its shot and timecode.
    await keyframes.first().focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    const label = await keyframes.nth(1).getAttribute("aria-label");
    const timecode = /at (\S+)$/.exec(label ?? "")?.[1];
    expect(await page.locator(".filmstrip-preview figcaption").textContent()).toContain(timecode);
    expect(await page.locator(".filmstrip-preview img").getAttribute("alt")).toBe(`Keyframe at ${timecode}`);
    // Its thumbnails load from the engine with the token.
    await expect
      .poll(() =>
        page.locator(".filmstrip-preview img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBeGreaterThan(0);
  });
});
