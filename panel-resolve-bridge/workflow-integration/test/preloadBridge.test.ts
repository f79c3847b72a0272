import { describe, expect, it } from "vitest";
import { EVENT, REQUEST } from "../src/ipcChannels.ts";
import { BRIDGE_KEY, type SichterResolveBridge, exposeBridge } from "../src/preload/exposeBridge.ts";
import { FakeBrowserWindow, FakeIpcMain, fakeContextBridge, fakeIpcRenderer } from "./fakeElectron.ts";

function exposed() {
  const ipcMain = new FakeIpcMain();
  const window = new FakeBrowserWindow({
    width: 1,
    height: 1,
    webPreferences: { preload: "preload.js", contextIsolation: true, nodeIntegration: false, sandbox: true },
  });
  const contextBridge = fakeContextBridge();
  exposeBridge(contextBridge, fakeIpcRenderer(ipcMain, window));
  return {
    ipcMain,
    window,
    world: contextBridge.world,
    bridge: contextBridge.world[BRIDGE_KEY] as SichterResolveBridge,
  };
}

describe("the preload bridge", () => {
  it("exposes one narrow object of functions: no ipcRenderer, no Node", () => {
    const { world, bridge } = exposed();
    expect(Object.keys(world)).toEqual([BRIDGE_KEY]);
    expect(Object.keys(bridge).sort()).toEqual([
      "applyTagPlan",
      "cancelMarkSequence",
      "currentClip",
      "engine",
      "locale",
      "markSequence",
      "onCurrentClipChange",
      "onMarkSequenceProgress",
      "reveal",
      "sequenceClips",
      "setClipSource",
    ]);
    expect(Object.keys(bridge.engine).sort()).toEqual(["files", "onNotification", "onStateChange", "request", "state"]);
  });

  it("sends each request on its channel and passes events without their sender", async () => {
    const { ipcMain, window, bridge } = exposed();
    const seen: unknown[][] = [];
    ipcMain.handle(REQUEST.reveal, (event, ...args) => {
      seen.push([event.sender === window.webContents, ...args]);
      return { ok: true, value: "playhead" };
    });
    expect(await bridge.reveal({ mediaPath: "/m/a.mov", name: "a" }, 12)).toEqual({ ok: true, value: "playhead" });
    expect(seen).toEqual([[true, { mediaPath: "/m/a.mov", name: "a" }, 12]]);

    const heard: unknown[][] = [];
    const stop = bridge.engine.onNotification((method, params) => heard.push([method, params]));
    window.webContents.send(EVENT.engineNotification, "job.done", { jobId: "j1" });
    stop();
    window.webContents.send(EVENT.engineNotification, "job.done", { jobId: "j2" });
    expect(heard).toEqual([["job.done", { jobId: "j1" }]]);
  });
});
