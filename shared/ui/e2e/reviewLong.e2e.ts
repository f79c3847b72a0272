import fs from "node:fs";
import path from "node:path";
import type { SichterClient } from "@sichter/shared/protocol";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSamples } from "../../../bench/samples/ensureSamples.ts";
import { analyseThroughEngine } from "./support/engineAnalysis.ts";
import { panelContext } from "./support/panelBrowser.ts";
import type { PanelEngine } from "./support/panelEngine.ts";
import { panelHome, startPanelRun, stopPanelRun } from "./support/panelRun.ts";
import { countRowRenders, takeRowRenders } from "./support/rowRenderCounter.ts";

/**
 * The review of the 5-minute news sample (about 250 tags) in a 320 x 720 panel: only the rows near
 * the screen are drawn, the keyboard reaches every tag, the rows say their place to a screen reader,
 * and scrolling through the whole list never shows an empty stretch. Timings are printed, not
 * asserted (a loaded CI machine is no benchmark).
 */
const SAMPLE = "h264-news-5min-1080p25.mp4";

let browser: Browser;
let engine: PanelEngine;
let client: SichterClient;
let page: Page;
let total: number;

beforeAll(async () => {
  const set = await ensureSamples({ long: true, only: [SAMPLE] });
  const home = panelHome("sichter-long-e2e-");
  const media = path.join(home, "Sendung");
  fs.mkdirSync(media);
  const clip = path.join(media, "Nachrichten 5 Minuten.mp4");
  // 160 MB: a hard link where the sample's disk allows it (the engine only reads it).
  try {
    fs.linkSync(set.samples[0]!.path, clip);
  } catch {
    fs.copyFileSync(set.samples[0]!.path, clip);
  }
  ({ browser, engine } = await startPanelRun(home, ["--media", media]));
  client = engine.client();
  await analyseThroughEngine(client, clip);
  total = (await client.request("catalog.clip", { path: clip })).tags.length;
  const context = await panelContext(browser, { locale: "en-GB", width: 320, height: 720 });
  await countRowRenders(context);
  page = await context.newPage();
  await page.goto(engine.pairingLink);
  await page.getByRole("status").filter({ hasText: "Connected" }).waitFor();
}, 600_000);
afterAll(() => stopPanelRun({ client, browser, engine }));

const drawnRows = () => page.locator("li.tag").count();
const focusedRow = () =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active?.matches("li.tag")
      ? {
          id: active.id,
          position: Number(active.getAttribute("aria-posinset")),
          size: Number(active.getAttribute("aria-setsize")),
          label: active.querySelector(".tag-label")?.textContent ?? "",
        }
      : null;
  });

describe("the review of a 5-minute clip", () => {
  it("draws a screenful of rows, quickly", async () => {
    expect(total).toBeGreaterThanOrEqual(200);
    await page.getByRole("button", { name: "Sendung" }).click();
    const file = page.locator(".entry-file", { hasText: "Nachrichten 5 Minuten.mp4" });
    await file.waitFor();
    // From the click to the first drawn tag: catalog.clip over the socket, then React's render.
    const rendered = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (document.querySelector("li.tag")) {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true });
          document.querySelector<HTMLElement>(".entry-file")!.click();
        }),
    );
    const counts = await page.locator(".review .muted").first().textContent();
    const [accepted, rejected, open] = (counts ?? "").match(/\d+/g)!.map(Number);
    expect(accepted! + rejected! + open!).toBe(total);
    const drawn = await drawnRows();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(60);
    console.log(
      `[review 5 min] ${total} tags: first rows ${rendered.toFixed(0)} ms after the click, ${drawn} of ${total} rows drawn`,
    );
  });

  it("reaches the last and the first tag by keyboard, focus and place in the group kept", async () => {
    await page.locator("li.tag").first().focus();
    expect(await focusedRow()).toMatchObject({ position: 1 });
    await page.keyboard.press("End");
    await expect.poll(focusedRow).toMatchObject({ position: expect.any(Number) });
    const last = (await focusedRow())!;
    expect(last.position).toBe(last.size);
    // The last row is on screen, and far fewer rows than tags are drawn.
    expect(
      await page.evaluate(() => document.activeElement!.getBoundingClientRect().bottom <= window.innerHeight),
    ).toBe(true);
    expect(await drawnRows()).toBeLessThan(60);
    await page.keyboard.press("r");
    await expect.poll(() => page.locator(`#${last.id} .chip`).textContent()).toBe("rejected");

    // Scrolled away with the wheel, the focused row far off screen: Home still takes the focus to the
    // first row, not onto the page's body with the row that held it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect
      .poll(() => page.locator(`#${last.id}`).evaluate((row) => row.getBoundingClientRect().top > window.innerHeight))
      .toBe(true);
    await page.keyboard.press("Home");
    await expect.poll(async () => (await focusedRow())?.position).toBe(1);
    for (let i = 0; i < 30; i++) await page.keyboard.press("ArrowDown");
    const thirty = (await focusedRow())!;
    // 30 moves from the first row: the 31st tag, or a later group's row when the first group is shorter.
    expect(thirty.id).not.toBe(last.id);
    expect(await page.evaluate(() => document.activeElement!.getBoundingClientRect().top >= 0)).toBe(true);
  });

  it("scrolls through the whole list without an empty stretch, screen-reader order intact", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const result = await page.evaluate(async () => {
      const list = document.querySelector<HTMLElement>(".review-groups")!;
      const frames: number[] = [];
      const blanks: number[] = [];
      let maxDrawn = 0;
      let previous = performance.now();
      const bottom = document.documentElement.scrollHeight - window.innerHeight;
      for (let y = 0; y <= bottom; y += 60) {
        window.scrollTo(0, y);
        await new Promise(requestAnimationFrame);
        const now = performance.now();
        frames.push(now - previous);
        previous = now;
        maxDrawn = Math.max(maxDrawn, document.querySelectorAll("li.tag").length);
        // What is under the middle of the panel, once the list covers it, is drawn: never the stand-in
        // space of rows that are not.
        const box = list.getBoundingClientRect();
        const middle = window.innerHeight / 2;
        if (box.top < middle && box.bottom > middle) {
          const hit = document.elementFromPoint(160, middle);
          if (!hit || !list.contains(hit) || hit.closest(".row-gap")) blanks.push(y);
        }
      }
      const sorted = [...frames].sort((a, b) => a - b);
      return {
        steps: frames.length,
        p95: sorted[Math.floor(sorted.length * 0.95)]!,
        longest: sorted.at(-1)!,
        over33: frames.filter((f) => f > 33.4).length,
        maxDrawn,
        blanks,
      };
    });
    console.log(
      `[review 5 min] scrolled in ${result.steps} steps of 60 px: frame p95 ${result.p95.toFixed(1)} ms, longest ${result.longest.toFixed(1)} ms, ${result.over33} frames over 33 ms, at most ${result.maxDrawn} rows drawn`,
    );
    expect(result.blanks).toEqual([]);
    expect(result.maxDrawn).toBeLessThan(60);

    // Drawn rows in DOM order: within each group their places rise, and each group says its size.
    const order = await page.evaluate(() =>
      [...document.querySelectorAll(".tag-group")].map((group) => ({
        label: group.getAttribute("aria-label"),
        places: [...group.querySelectorAll("li.tag")].map((row) => [
          Number(row.getAttribute("aria-posinset")),
          Number(row.getAttribute("aria-setsize")),
        ]),
      })),
    );
    for (const group of order) {
      const places = group.places.map(([position]) => position!);
      expect(places).toEqual([...places].sort((a, b) => a - b));
      for (const [, size] of group.places) expect(group.label).toContain(`${size} tags`);
    }
  });

  it("renders only the rows that come into the drawn window when the list scrolls by a row", async () => {
    const list = page.locator(".review-groups");
    const listTop = await list.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    const rowHeight = await page
      .locator("li.tag")
      .first()
      .evaluate((row) => row.getBoundingClientRect().height);
    const drawnIds = () => page.evaluate(() => [...document.querySelectorAll("li.tag")].map((row) => row.id));
    const settled = () =>
      page.evaluate(
        () =>
          new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))),
      );
    // Mid-list, where rows come and go at both ends of the drawn window.
    await page.evaluate((y) => window.scrollTo(0, y), listTop + 40 * rowHeight);
    await settled();
    await takeRowRenders(page);
    let entered = 0;
    for (let step = 1; step <= 8; step++) {
      const before = new Set(await drawnIds());
      await page.evaluate((by) => window.scrollBy(0, by), rowHeight);
      await settled();
      const rendered = await takeRowRenders(page);
      const came = (await drawnIds()).filter((id) => !before.has(id));
      entered += came.length;
      // Each row that came renders once; rows that stay drawn do not render again.
      expect({ step, rendered: [...rendered].sort() }).toEqual({ step, rendered: [...came].sort() });
    }
    expect(entered).toBeGreaterThan(0);
  });
});
