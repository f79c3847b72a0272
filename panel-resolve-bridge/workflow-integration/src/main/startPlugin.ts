import fs from "node:fs";
import path from "node:path";
import { DEFAULT_POLL_MS, ResolveHost, SelectionPoller } from "@sichter/resolve-adapter";
import type { WebSocketConstructor } from "@sichter/shared/protocol";
import { EVENT } from "../ipcChannels.ts";
import { type PluginManifest, readPluginManifest } from "../manifest/pluginManifest.ts";
import { connectResolve } from "./connectResolve.ts";
import type { BrowserWindowLike, ElectronMain } from "./ElectronSeam.ts";
import { EngineLink } from "./EngineLink.ts";
import { type DiscoveryEnvironment, currentEnvironment, discoverEngine } from "./engineDiscovery.ts";
import { registerIpc } from "./registerIpc.ts";
import type { WorkflowIntegrationModule } from "./WorkflowIntegrationModule.ts";

export interface PluginDeps {
  readonly electron: ElectronMain;
  /** Loads WorkflowIntegration.node from the plugin folder (Resolve's own module). */
  readonly loadWorkflowIntegration: () => WorkflowIntegrationModule;
  /** The installed plugin folder: manifest.xml, index.html, preload.js. */
  readonly pluginDir: string;
  readonly WebSocket: WebSocketConstructor;
  readonly environment?: DiscoveryEnvironment;
  readonly pollMs?: number;
  readonly log?: (message: string) => void;
}

export interface RunningPlugin {
  readonly manifest: PluginManifest;
  readonly host: ResolveHost;
  readonly poller: SelectionPoller;
  readonly engine: EngineLink;
  readonly window: BrowserWindowLike;
  dispose(): void;
}

/**
 * The plugin's main process: once Electron is ready, initialise Resolve's Workflow Integration with
 * the id from manifest.xml, open the panel window (context isolation, sandbox, no Node in the
 * page; the preload exposes the IPC surface), answer its requests, poll the current clip and hold
 * the engine's WebSocket. Closing the window ends the plugin and releases Resolve.
 */
export async function startPlugin(deps: PluginDeps): Promise<RunningPlugin> {
  const { electron, pluginDir } = deps;
  await electron.app.whenReady();
  const manifest = readPluginManifest(fs.readFileSync(path.join(pluginDir, "manifest.xml"), "utf8"));
  const workflow = deps.loadWorkflowIntegration();
  const host = new ResolveHost(await connectResolve(workflow, manifest.id));

  const window = new electron.BrowserWindow({
    width: 420,
    height: 760,
    minWidth: 320,
    title: manifest.name,
    backgroundColor: "#1f1f1f",
    webPreferences: {
      preload: path.join(pluginDir, "preload.js"),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
    },
  });
  const send = (channel: string, ...args: unknown[]): void => {
    if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(channel, ...args);
  };
  const poller = new SelectionPoller(() => host.currentClip(), {
    intervalMs: deps.pollMs ?? DEFAULT_POLL_MS,
    onError: (error) => deps.log?.(`current clip: ${error instanceof Error ? error.message : String(error)}`),
  });
  const engine = new EngineLink({
    discover: () => discoverEngine(deps.environment ?? currentEnvironment()),
    WebSocket: deps.WebSocket,
    onState: (state) => send(EVENT.engineStateChanged, state),
    onNotification: (method, params) => send(EVENT.engineNotification, method, params),
  });
  const locale = electron.app.getLocale().toLowerCase().startsWith("de") ? "de" : "en";
  const ipc = registerIpc(electron.ipcMain, {
    host,
    poller,
    engine,
    locale: () => locale,
    sender: () => window.webContents,
    notify: send,
  });
  const clipChanges = poller.onChange((clip) => send(EVENT.currentClipChanged, clip));

  let disposed = false;
  const plugin: RunningPlugin = {
    manifest,
    host,
    poller,
    engine,
    window,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      clipChanges.dispose();
      poller.dispose();
      engine.dispose();
      ipc.dispose();
      workflow.CleanUp?.();
    },
  };
  window.on("closed", () => {
    plugin.dispose();
    electron.app.quit();
  });
  await window.loadFile(path.join(pluginDir, "index.html"));
  poller.start();
  return plugin;
}
