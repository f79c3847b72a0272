// The preload Resolve's Electron runs before the page, built into the plugin folder's preload.js as
// one CommonJS file: a sandboxed preload may require "electron" and nothing else.
import { type ContextBridgeLike, type IpcRendererLike, exposeBridge } from "./exposeBridge.ts";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const { contextBridge, ipcRenderer } = require("electron") as {
  contextBridge: ContextBridgeLike;
  ipcRenderer: IpcRendererLike;
};
exposeBridge(contextBridge, ipcRenderer);
