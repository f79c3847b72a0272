/**
 * The few Electron main-process APIs the plugin uses, as interfaces: the plugin runs inside
 * Resolve's own Electron and never depends on the `electron` package (which downloads a browser at
 * install time). Tests pass simulated ones; Resolve's `require("electron")` fits as it is.
 */
export interface IpcMainInvokeEventLike {
  readonly sender: unknown;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface BrowserWindowOptionsLike {
  readonly width: number;
  readonly height: number;
  readonly minWidth?: number;
  readonly title?: string;
  readonly backgroundColor?: string;
  readonly webPreferences: {
    readonly preload: string;
    readonly contextIsolation: true;
    readonly nodeIntegration: false;
    readonly sandbox: true;
  };
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadFile(file: string): Promise<unknown>;
  on(event: "closed", listener: () => void): unknown;
  isDestroyed(): boolean;
}

export interface AppLike {
  whenReady(): Promise<unknown>;
  getLocale(): string;
  quit(): void;
}

export interface ElectronMain {
  readonly app: AppLike;
  readonly BrowserWindow: new (options: BrowserWindowOptionsLike) => BrowserWindowLike;
  readonly ipcMain: IpcMainLike;
}
