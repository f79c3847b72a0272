import fs from "node:fs";
import type {
  BrowserWindowLike,
  BrowserWindowOptionsLike,
  ElectronMain,
  IpcMainInvokeEventLike,
  IpcMainLike,
  WebContentsLike,
} from "../src/main/ElectronSeam.ts";
import type { ContextBridgeLike, IpcRendererLike } from "../src/preload/exposeBridge.ts";

type RendererListener = (event: unknown, ...args: unknown[]) => void;

/** A window's webContents: what the main process sends reaches the listeners of its renderer. */
export class FakeWebContents implements WebContentsLike {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly listeners = new Map<string, Set<RendererListener>>();
  destroyed = false;

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error("Object has been destroyed");
    // Electron sends a structured clone, not the objects themselves.
    const cloned = structuredClone(args);
    this.sent.push({ channel, args: cloned });
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: "main" }, ...cloned);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow implements BrowserWindowLike {
  readonly webContents = new FakeWebContents();
  loaded: string | null = null;
  private readonly closedListeners: (() => void)[] = [];
  private destroyed = false;

  constructor(readonly options: BrowserWindowOptionsLike) {}

  async loadFile(file: string): Promise<void> {
    if (!fs.existsSync(file)) throw new Error(`ERR_FILE_NOT_FOUND: ${file}`);
    this.loaded = file;
  }

  on(_event: "closed", listener: () => void): this {
    this.closedListeners.push(listener);
    return this;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** The editor closes the panel. */
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    for (const listener of this.closedListeners) listener();
  }
}

/** ipcMain: one handler per channel (Electron throws on a second), invoked with a structured clone. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: IpcMainInvokeEventLike, ...args: unknown[]) => unknown>();

  handle(channel: string, listener: (event: IpcMainInvokeEventLike, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  async invoke(sender: unknown, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
    return structuredClone(await handler({ sender }, ...structuredClone(args)));
  }
}

/** The Electron main-process modules as the plugin's seam sees them, and what they recorded. */
export function fakeElectron(locale = "de-DE") {
  const ipcMain = new FakeIpcMain();
  const windows: FakeBrowserWindow[] = [];
  const app = { quits: 0, whenReady: async () => {}, getLocale: () => locale, quit: () => void app.quits++ };
  const electron: ElectronMain = {
    app,
    ipcMain,
    BrowserWindow: class extends FakeBrowserWindow {
      constructor(options: BrowserWindowOptionsLike) {
        super(options);
        windows.push(this);
      }
    },
  };
  return { electron, ipcMain, windows, app };
}

/** The renderer side of one window: ipcRenderer.invoke goes to ipcMain with the window as sender. */
export function fakeIpcRenderer(ipcMain: FakeIpcMain, window: FakeBrowserWindow): IpcRendererLike {
  const { listeners } = window.webContents;
  return {
    invoke: (channel, ...args) => ipcMain.invoke(window.webContents, channel, ...args),
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
}

/** contextBridge: what the preload exposes lands in the page's world, checked as Electron checks it. */
export function fakeContextBridge(): ContextBridgeLike & { world: Record<string, unknown> } {
  const world: Record<string, unknown> = {};
  return {
    world,
    exposeInMainWorld(key, api) {
      if (key in world)
        throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
      assertBridgeable(api, key);
      world[key] = api;
    },
  };
}

/** Only plain objects, arrays, primitives and functions cross the bridge; class instances lose their prototype. */
function assertBridgeable(value: unknown, where: string): void {
  if (typeof value === "function" || value === null || typeof value !== "object") return;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype)
    throw new Error(`${where} is not a plain object`);
  for (const [key, inner] of Object.entries(value)) assertBridgeable(inner, `${where}.${key}`);
}
