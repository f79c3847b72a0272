import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import WebSocket from "ws";
import {
  type ResolveSimulator,
  type WorkflowIntegrationDouble,
  workflowIntegrationDouble,
} from "@sichter/resolve-simulator";
import type { WebSocketConstructor } from "@sichter/shared/protocol";
import { type EngineProcess, startEngine } from "../../../../engine/test/engineProcess.ts";
import { launchChromium, panelContext } from "../../../../shared/ui/e2e/support/panelBrowser.ts";
// @ts-expect-error -- a plain ESM build script without type declarations
import { buildPage } from "../../scripts/buildPage.mjs";
import { EVENT, REQUEST } from "../../src/ipcChannels.ts";
import { type RunningPlugin, startPlugin } from "../../src/main/startPlugin.ts";
import type { WorkflowIntegrationModule } from "../../src/main/WorkflowIntegrationModule.ts";
import { type FakeBrowserWindow, fakeElectron, fakeIpcRenderer } from "../../test/fakeElectron.ts";
import { MANIFEST_SOURCE } from "../../test/pluginFolder.ts";

/** The preload's bridge, rebuilt in the page over one exposed function and one event hook. */
function installBridge({ request, event }: { request: Record<string, string>; event: Record<string, string> }): void {
  // Runs in the page; written against globalThis so the Node-side type check needs no DOM types.
  const w = globalThis as unknown as Record<string, unknown> & {
    __sichterInvoke(channel: string, ...args: unknown[]): Promise<unknown>;
  };
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  w.__sichterEvent = (channel: string, args: unknown[]) =>
    listeners.get(channel)?.forEach((listener) => listener(...args));
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
    setClipSource: (source: string) => invoke(request.setClipSource!, source),
    markSequence: (plans: unknown, runId: string) => invoke(request.markSequence!, plans, runId),
    cancelMarkSequence: (runId: string) => invoke(request.cancelMarkSequence!, runId),
    onMarkSequenceProgress: (listener: (runId: string, done: number, total: number) => void) =>
      subscribe(event.markSequenceProgress!, listener as never),
    locale: () => invoke(request.locale!),
    onCurrentClipChange: (listener: (clip: unknown) => void) => subscribe(event.currentClipChanged!, listener),
    engine: {
      request: (method: string, params: unknown) => invoke(request.engineRequest!, method, params),
      state: () => invoke(request.engineState!),
      files: () => invoke(request.engineFiles!),
      onNotification: (listener: (method: string, params: unknown) => void) =>
        subscribe(event.engineNotification!, listener as never),
      onStateChange: (listener: (state: string) => void) => subscribe(event.engineStateChanged!, listener as never),
    },
  };
}

export interface ResolvePluginPage {
  readonly page: Page;
  readonly engine: EngineProcess;
  readonly plugin: RunningPlugin;
  readonly dir: string;
  /** Resolve's Workflow Integration module as the plugin got it (its call monitor can hold Resolve's answers). */
  readonly workflow: WorkflowIntegrationDouble;
  /** The plugin window: what the main process sends the page passes its webContents. */
  readonly window: FakeBrowserWindow;
  /** IPC channels the page invoked, in order. */
  readonly invoked: string[];
  close(): Promise<void>;
}

export interface ResolvePluginPageOptions {
  /**
   * Called with the test's temporary folder before the engine starts (to write media into it and
   * place it on the simulator's timeline); answers the engine's extra arguments (`--media <folder>`).
   */
  readonly prepare?: (dir: string) => Promise<readonly string[]>;
  readonly locale?: "de-DE" | "en-GB";
  readonly colorScheme?: "light" | "dark";
  readonly width?: number;
  readonly height?: number;
}

/**
 * The plugin's built page in Debian's chromium, loaded from the plugin folder (file://) as Resolve's
 * Electron loads it. Chromium has no preload, so an init script puts the same bridge object on the
 * page, each call going to the plugin's main-process logic in Node (Electron's IPC simulated) with
 * the Resolve simulator and a real engine behind it.
 */
export async function openResolvePluginPage(
  sim: ResolveSimulator,
  options: ResolvePluginPageOptions = {},
): Promise<ResolvePluginPage> {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sichter-resolve-page-e2e-")));
  const folder = path.join(dir, "com.sichter.resolve.panel");
  await buildPage(folder);
  fs.copyFileSync(MANIFEST_SOURCE, path.join(folder, "manifest.xml"));
  fs.writeFileSync(path.join(folder, "preload.js"), "");
  const engineArgs = (await options.prepare?.(dir)) ?? [];
  const home = path.join(dir, "home");
  let browser: Browser | undefined;
  let engine: EngineProcess | undefined;
  let plugin: RunningPlugin | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    plugin?.dispose();
    engine?.child.kill("SIGTERM");
    await engine?.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    [engine, browser] = await Promise.all([startEngine(home, [...engineArgs]), launchChromium()]);
    const locale = options.locale ?? "de-DE";
    const fake = fakeElectron(locale);
    const workflow = workflowIntegrationDouble(sim, { installedPluginId: "com.sichter.resolve.panel" });
    plugin = await startPlugin({
      electron: fake.electron,
      loadWorkflowIntegration: () => workflow as unknown as WorkflowIntegrationModule,
      pluginDir: folder,
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      environment: { env: { SICHTER_HOME: home }, platform: "linux", home: dir },
      pollMs: 100,
    });
    const pluginWindow = fake.windows[0]!;
    const context = await panelContext(browser, {
      locale,
      colorScheme: options.colorScheme ?? "dark",
      width: options.width ?? 420,
      height: options.height ?? 760,
    });
    const page = await context.newPage();
    const invoked: string[] = [];
    await page.exposeFunction("__sichterInvoke", (channel: string, ...args: unknown[]) => {
      invoked.push(channel);
      return fake.ipcMain.invoke(pluginWindow.webContents, channel, ...args);
    });
    const renderer = fakeIpcRenderer(fake.ipcMain, pluginWindow);
    for (const channel of Object.values(EVENT)) {
      renderer.on(channel, (_event, ...args) => {
        if (!page.isClosed())
          void page
            .evaluate(
              ([c, a]) =>
                (globalThis as unknown as { __sichterEvent?(c: string, a: unknown[]): void }).__sichterEvent?.(c, a),
              [channel, args] as const,
            )
            .catch(() => {});
      });
    }
    await page.addInitScript(installBridge, { request: REQUEST, event: EVENT });
    await page.goto(pathToFileURL(path.join(folder, "index.html")).href);
    return { page, engine, plugin, dir, workflow, window: pluginWindow, invoked, close };
  } catch (error) {
    await close();
    throw error;
  }
}
