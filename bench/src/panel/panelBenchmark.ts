import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { launchChromium, panelContext } from "../../../shared/ui/e2e/support/panelBrowser.ts";
import { startEngine, type EngineProcess } from "../../../engine/test/engineProcess.ts";
import { ensureSamples } from "../../samples/ensureSamples.ts";
import { NEWS_CLIP } from "../analysisBenchmark.ts";
import { frameStats, medianOf, type FrameStats } from "./frameDrops.ts";
import { ARM_REVIEW_TIMER, EMPTY_USABLE, PANEL_USABLE, scrollReview, usableProbe } from "./pageProbes.ts";
import { panelScripts } from "./scriptSize.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const VITE = path.join(ROOT, "node_modules", "vite", "bin", "vite.js");
const UI = path.join(ROOT, "shared", "ui");

/** The quality bar of the panel (issue 20). */
export const TARGETS = { usablePaintMs: 1000, scriptGzipBytes: 250_000, reviewMs: 200, droppedFrames: 0 } as const;

export interface PanelBenchmarkOptions {
  readonly log?: (line: string) => void;
  /** Page loads and review renders measured, each in a fresh browser context; default 5. */
  readonly runs?: number;
  /** Sample to review; default the generated 5-minute news clip. */
  readonly clip?: string;
  /** How long one scroll through the review takes, in ms; default 4000. */
  readonly scrollMs?: number;
}

export interface PanelNumbers {
  readonly usablePaintMs: number[];
  readonly emptyPaintMs: number[];
  readonly scripts: { file: string; bytes: number; gzipBytes: number }[];
  readonly tags: number;
  readonly reviewMs: number[];
  readonly reviewRows: number;
  readonly scroll: FrameStats[];
  /** Where the long frames of each scroll went (Chromium's long animation frames). */
  readonly scrollLong: LongFrames[];
  readonly scroller: string;
  /** The same scroll through a static page of as many plain rows: what this machine drops anyway. */
  readonly staticScroll: FrameStats[];
  readonly staticLong: LongFrames[];
}

/**
 * The panel's quality bar, measured: the panel built from the current source into a folder of its
 * own, served by a real `sichter serve` with the sample's folder allowed, in Debian's chromium
 * (headless, 320 x 720 like a docked panel). The peer is a static empty page served by the same
 * engine and loaded the same way.
 */
export async function panelBenchmark(options: PanelBenchmarkOptions = {}): Promise<string> {
  const log = options.log ?? (() => {});
  const runs = options.runs ?? 5;
  const clipName = options.clip ?? NEWS_CLIP;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-panel-bench-"));
  let engine: EngineProcess | null = null;
  let browser: Browser | null = null;
  try {
    const dist = path.join(work, "panel");
    log("building the panel");
    await buildPanel(dist);
    fs.writeFileSync(
      path.join(dist, "empty.html"),
      "<!doctype html><html><head><meta charset=utf-8><title>empty</title></head><body></body></html>\n",
    );

    const sample = (await ensureSamples({ only: [clipName], long: true, log })).samples[0]!;
    const media = path.join(work, "media");
    fs.mkdirSync(media);
    const clip = path.join(media, clipName);
    linkOrCopy(sample.path, clip);

    [engine, browser] = await Promise.all([
      startEngine(path.join(work, "home"), ["--panel", dist, "--media", media]),
      launchChromium(),
    ]);
    const pageUrl = `http://127.0.0.1:${engine.port}/`;
    const pairingLink = `${pageUrl}#token=${encodeURIComponent(engine.token)}`;
    const tags = await analyse(engine, clip, log);
    fs.writeFileSync(path.join(dist, "list.html"), staticList(tags));

    const usablePaintMs: number[] = [];
    const emptyPaintMs: number[] = [];
    const reviewMs: number[] = [];
    const scroll: FrameStats[] = [];
    const staticScroll: FrameStats[] = [];
    const scrollLong: LongFrames[] = [];
    const staticLong: LongFrames[] = [];
    let reviewRows = 0;
    let scroller = "";
    for (let run = 1; run <= runs; run++) {
      log(`run ${run} of ${runs}`);
      emptyPaintMs.push(await loadUntilUsable(browser, `${pageUrl}empty.html`, EMPTY_USABLE));
      const context = await panelContext(browser, { width: 320, height: 720 });
      try {
        await context.addInitScript({ content: usableProbe(PANEL_USABLE) });
        const page = await context.newPage();
        await page.goto(pairingLink);
        usablePaintMs.push((await page.evaluate("window.__benchUsable")) as number);
        // No clip picked yet: the panel opens on its media browser.
        await page.getByRole("button", { name: path.basename(media) }).click();
        const entry = page.locator(".entry-file", { hasText: clipName });
        await entry.waitFor();
        await page.evaluate(ARM_REVIEW_TIMER);
        await entry.click();
        const review = (await page.evaluate("window.__benchReview")) as { ms: number; rows: number };
        reviewMs.push(review.ms);
        reviewRows = review.rows;
        // Let the picture settle (thumbnails, fonts) before scrolling.
        await page.waitForTimeout(500);
        const scrolled = (await page.evaluate(scrollReview(options.scrollMs ?? 4000))) as {
          stamps: number[];
          distance: number;
          scroller: string;
          long: LongFrames;
        };
        scroll.push(frameStats(scrolled.stamps));
        scrollLong.push(scrolled.long);
        scroller = `${scrolled.scroller}, ${scrolled.distance} px`;
      } finally {
        await context.close();
      }
      const staticRun = await scrollStaticList(browser, `${pageUrl}list.html`, options.scrollMs ?? 4000);
      staticScroll.push(staticRun.stats);
      staticLong.push(staticRun.long);
    }
    const numbers: PanelNumbers = {
      usablePaintMs,
      emptyPaintMs,
      scripts: panelScripts(dist),
      tags,
      reviewMs,
      reviewRows,
      scroll,
      scrollLong,
      scroller,
      staticScroll,
      staticLong,
    };
    return panelTable(numbers, { clip: clipName, runs });
  } finally {
    await browser?.close();
    if (engine) {
      engine.child.kill("SIGTERM");
      await engine.exited;
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The benchmark's report: each number against its target, and the ratio to the empty page. */
export function panelTable(numbers: PanelNumbers, about: { clip: string; runs: number }): string {
  const ms = (value: number) => `${Math.round(value)} ms`;
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  const usable = medianOf(numbers.usablePaintMs);
  const empty = medianOf(numbers.emptyPaintMs);
  const gzip = numbers.scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  const raw = numbers.scripts.reduce((sum, s) => sum + s.bytes, 0);
  const review = medianOf(numbers.reviewMs);
  const reviewWorst = Math.max(...numbers.reviewMs);
  const dropped = numbers.scroll.reduce((sum, s) => sum + s.dropped, 0);
  const frames = numbers.scroll.reduce((sum, s) => sum + s.frames, 0);
  const longest = Math.max(...numbers.scroll.map((s) => s.longestMs));
  const interval = medianOf(numbers.scroll.map((s) => s.intervalMs));
  const staticDropped = numbers.staticScroll.reduce((sum, s) => sum + s.dropped, 0);
  const staticFrames = numbers.staticScroll.reduce((sum, s) => sum + s.frames, 0);
  const staticLongest = Math.max(...numbers.staticScroll.map((s) => s.longestMs));
  return [
    `Panel (built panel, real engine on loopback, Debian chromium headless at 320 x 720; ${about.runs} runs, each in a fresh browser context):`,
    "| measure | result | target | |",
    "| --- | --- | --- | --- |",
    `| first usable paint: pairing link opened to the connected panel painted (median) | ${ms(usable)} (${numbers.usablePaintMs.map(ms).join(", ")}) | ≤ ${ms(TARGETS.usablePaintMs)} | ${verdict(usable <= TARGETS.usablePaintMs)} |`,
    `| peer: a static empty page from the same engine, opened to painted (median) | ${ms(empty)} (${numbers.emptyPaintMs.map(ms).join(", ")}) | | panel / empty page: ${(usable / Math.max(empty, 1)).toFixed(1)}x |`,
    `| panel JavaScript, gzip -9 (${numbers.scripts.map((s) => s.file).join(", ")}) | ${kb(gzip)} (${kb(raw)} on disk) | ≤ ${kb(TARGETS.scriptGzipBytes)} | ${verdict(gzip <= TARGETS.scriptGzipBytes)} |`,
    `| review of ${about.clip} (${numbers.tags} tags, ${numbers.reviewRows} rows in its first painted window): click on the clip to the list painted (median, worst) | ${ms(review)}, ${ms(reviewWorst)} | ≤ ${ms(TARGETS.reviewMs)} | ${verdict(review <= TARGETS.reviewMs)} |`,
    `| dropped frames scrolling that list top to bottom (${frames} frames at ${interval.toFixed(1)} ms; ${numbers.scroller}) | ${dropped} (longest frame ${ms(longest)}) | ${TARGETS.droppedFrames} | ${verdict(dropped <= TARGETS.droppedFrames)} |`,
    `| peer: the same scroll through a static page of ${numbers.tags} plain rows (${staticFrames} frames) | ${staticDropped} (longest frame ${ms(staticLongest)}) | | what this machine drops without the panel |`,
    `| where the panel's long frames (≥ 50 ms) went while scrolling, all runs | ${longFramesLine(sumLongFrames(numbers.scrollLong))} | | peer: ${longFramesLine(sumLongFrames(numbers.staticLong))} |`,
  ].join("\n");
}

/** Chromium's long animation frames (≥ 50 ms) during one scroll, as scrollReview sums them up. */
export interface LongFrames {
  readonly frames: number;
  readonly totalMs: number;
  readonly scriptMs: number;
  readonly forcedLayoutMs: number;
  readonly renderMs: number;
  readonly top: readonly { name: string; ms: number }[];
}

/** All runs' long frames as one; the invokers that took longest overall. */
export function sumLongFrames(runs: readonly LongFrames[]): LongFrames {
  const invokers = new Map<string, number>();
  for (const run of runs) for (const t of run.top) invokers.set(t.name, (invokers.get(t.name) ?? 0) + t.ms);
  const total = (key: "frames" | "totalMs" | "scriptMs" | "forcedLayoutMs" | "renderMs") =>
    runs.reduce((sum, run) => sum + run[key], 0);
  return {
    frames: total("frames"),
    totalMs: total("totalMs"),
    scriptMs: total("scriptMs"),
    forcedLayoutMs: total("forcedLayoutMs"),
    renderMs: total("renderMs"),
    top: [...invokers]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([name, ms]) => ({ name, ms })),
  };
}

/** What is left of a long frame besides scripts and rendering is the page waiting (for the CPU, on a loaded machine). */
function longFramesLine(long: LongFrames): string {
  const rest = Math.max(0, long.totalMs - long.scriptMs - long.renderMs);
  const top = long.top.length > 0 ? `; most: ${long.top.map((t) => `${t.name} ${t.ms} ms`).join(", ")}` : "";
  return `${long.frames} long frames, ${long.totalMs} ms: scripts ${long.scriptMs} ms (layout they forced ${long.forcedLayoutMs} ms), style/layout/paint ${long.renderMs} ms, waiting ${rest} ms${top}`;
}

/** A static page of `rows` plain list rows, about as tall as the panel's review of as many tags. */
function staticList(rows: number): string {
  const items = Array.from(
    { length: rows },
    (_, i) => `<li class="tag" style="height:56px;border-bottom:1px solid #ccc">Tag ${i + 1}</li>`,
  ).join("");
  return `<!doctype html><html><head><meta charset=utf-8><title>list</title></head><body><ul>${items}</ul></body></html>\n`;
}

async function scrollStaticList(
  browser: Browser,
  url: string,
  durationMs: number,
): Promise<{ stats: FrameStats; long: LongFrames }> {
  const context = await panelContext(browser, { width: 320, height: 720 });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForTimeout(500);
    const scrolled = (await page.evaluate(scrollReview(durationMs))) as { stamps: number[]; long: LongFrames };
    return { stats: frameStats(scrolled.stamps), long: scrolled.long };
  } finally {
    await context.close();
  }
}

async function loadUntilUsable(browser: Browser, url: string, condition: string): Promise<number> {
  const context = await panelContext(browser, { width: 320, height: 720 });
  try {
    await context.addInitScript({ content: usableProbe(condition) });
    const page = await context.newPage();
    await page.goto(url);
    return (await page.evaluate("window.__benchUsable")) as number;
  } finally {
    await context.close();
  }
}

/** Vite builds the panel from the current source into `outDir` (the shared dist folder stays as it is). */
async function buildPanel(outDir: string): Promise<void> {
  const child = spawn(process.execPath, [VITE, "build", "--logLevel", "warn", "--outDir", outDir, "--emptyOutDir"], {
    cwd: UI,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`building the panel failed (${code}): ${stderr}`);
}

function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/** One local-only analysis of `clip` (nothing written beside it); answers with its tag count. */
async function analyse(engine: EngineProcess, clip: string, log: (line: string) => void): Promise<number> {
  const client = engine.client();
  try {
    log(`analysing ${path.basename(clip)}`);
    const done = new Promise<void>((resolve, reject) => {
      client.onNotification("job.done", () => resolve());
      client.onNotification("job.failed", (p) =>
        reject(new Error(`analysis failed: ${p.error.code} ${p.error.message}`)),
      );
    });
    await client.request("clip.analyze", { path: clip, options: { write: "none" } });
    await done;
    return (await client.request("catalog.clip", { path: clip })).tags.length;
  } finally {
    client.dispose();
  }
}
