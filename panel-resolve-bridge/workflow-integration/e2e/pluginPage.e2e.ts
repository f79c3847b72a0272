import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ResolveSimulator, type SimTimeline, workflowIntegrationDouble } from "@sichter/resolve-simulator";
import type { WebSocketConstructor } from "@sichter/shared/protocol";
import { type EngineProcess, startEngine } from "../../../engine/test/engineProcess.ts";
import { launchChromium, panelContext } from "../../../shared/ui/e2e/support/panelBrowser.ts";
// @ts-expect-error -- a plain ESM build script without type declarations
import { buildPage } from "../scripts/buildPage.mjs";
import { EVENT, REQUEST } from "../src/ipcChannels.ts";
import { type RunningPlugin, startPlugin } from "../src/main/startPlugin.ts";
import type { WorkflowIntegrationModule } from "../src/main/WorkflowIntegrationModule.ts";
import { fakeElectron, fakeIpcRenderer } from "../test/fakeElectron.ts";
import { MANIFEST_SOURCE } from "../test/pluginFolder.ts";

/**
 * The plugin's built page in Debian's chromium, loaded from the plugin folder (file://) as Resolve's
 * Electron loads it. Chromium has no preload, so an init script puts the same bridge object on the
 * page, each call going to the plugin's main-process logic in Node (Electron's IPC simulated) with
 * the Resolve simulator and a real engine behind it.
 */
let dir: string;
let engine: EngineProcess;
let plugin: RunningPlugin;
let browser: Browser;
let page: Page;
let sim: ResolveSimulator;
let timeline: SimTimeline;

/** The preload's bridge, rebuilt in the page over one exposed function and one event hook. */
function installBridge({ request, event }: { request: Record<string, string>; event: Record<string, string> }): void {
  // Runs in the page; written against globalThis so the Node-side type check needs no DOM types.
  const w = globalThis as unknown as Record<string, unknown> & { __sichterInvoke(channel: string, ...args: unknown[]): Promise<unknown> };
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  w.__sichterEvent = (channel: string, args: unknown[]) => listeners.get(channel)?.forEach((listener) => listener(...args));
  const invoke = (channel: string, ...args: unknown[]) => w.__sichterInvoke(channel, ...args);
  const subscribe = (channel: string, listener: (...args: unknown[]) => void) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(listener);
    return () => void listeners.get(channel)!.delete(listener);
  };
  w.sichterResolve = {
    currentClip: () => invoke(request.currentClip!),
    sequenceClips: () => invoke(request.sequenceClips!),
    applyTagPlan: (plan: unknown, clip: unknown) => invoke(request.applyTagPlan!, plan, clip),
    reveal: (clip: unknown, frame: number) => invoke(request.reveal!, clip, frame),
    locale: () => invoke(request.locale!),
    onCurrentClipChange: (listener: (clip: unknown) => void) => subscribe(event.currentClipChanged!, listener),
    engine: {
      request: (method: string, params: unknown) => invoke(request.engineRequest!, method, params),
      state: () => invoke(request.engineState!),
      files: () => invoke(request.engineFiles!),
      onNotification: (listener: (method: string, params: unknown) => void) => subscribe(event.engineNotification!, listener as never),
      onStateChange: (listener: (state: string) => void) => subscribe(event.engineStateChanged!, listener as never),
    },
  };
}

beforeAll(async () => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sichter-resolve-page-e2e-")));
  const folder = path.join(dir, "com.sichter.resolve.panel");
  await buildPage(folder);
  fs.copyFileSync(MANIFEST_SOURCE, path.join(folder, "manifest.xml"));
  fs.writeFileSync(path.join(folder, "preload.js"), "");
  const home = path.join(dir, "home");
  [engine, browser] = await Promise.all([startEngine(home), launchChromium()]);

  sim = new ResolveSimulator({ version: "21.1" });
  const interview = sim.addClip({ name: "Interview Bürgermeister", filePath: "/media/Interview.mov", fps: "25", frames: 500 });
  const totale = sim.addClip({ name: "Totale Rathaus", filePath: "/media/Totale.mov", fps: "25", frames: 200 });
  timeline = sim.addTimeline({ name: "Beitrag 18 Uhr", fps: "25" });
  sim.place(timeline, { clip: interview, inFrame: 0, outFrame: 100, recordFrame: 0 });
  sim.place(timeline, { clip: totale, inFrame: 0, outFrame: 100, recordFrame: 100 });
  sim.setPlayhead(timeline, 10);
  const fake = fakeElectron("de-DE");
  plugin = await startPlugin({
    electron: fake.electron,
    loadWorkflowIntegration: () => workflowIntegrationDouble(sim, { installedPluginId: "com.sichter.resolve.panel" }) as unknown as WorkflowIntegrationModule,
    pluginDir: folder,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    environment: { env: { SICHTER_HOME: home }, platform: "linux", home: dir },
    pollMs: 100,
  });
  const pluginWindow = fake.windows[0]!;
  const context = await panelContext(browser, { locale: "de-DE", colorScheme: "dark", width: 420, height: 760 });
  page = await context.newPage();
  await page.exposeFunction("__sichterInvoke", (channel: string, ...args: unknown[]) => fake.ipcMain.invoke(pluginWindow.webContents, channel, ...args));
  const renderer = fakeIpcRenderer(fake.ipcMain, pluginWindow);
  for (const channel of Object.values(EVENT)) {
    renderer.on(channel, (_event, ...args) => {
      if (!page.isClosed()) void page.evaluate(([c, a]) => (globalThis as unknown as { __sichterEvent?(c: string, a: unknown[]): void }).__sichterEvent?.(c, a), [channel, args] as const).catch(() => {});
    });
  }
  await page.addInitScript(installBridge, { request: REQUEST, event: EVENT });
  await page.goto(pathToFileURL(path.join(folder, "index.html")).href);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  plugin?.dispose();
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the Resolve plugin's page in chromium", () => {
  it("connects to the engine through the main process, in Resolve's language and dark theme", async () => {
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 20_000 }).toBe("Verbunden");
    expect(await page.locator("html").getAttribute("data-theme")).toBe("dark");
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
  });

  it("shows the clip under Resolve's playhead and follows it to the next clip", async () => {
    await expect.poll(() => page.locator("body").textContent(), { timeout: 10_000 }).toContain("Interview Bürgermeister");
    sim.setPlayhead(timeline, 150);
    await expect.poll(() => page.locator("body").textContent(), { timeout: 10_000 }).toContain("Totale Rathaus");
  });
});
