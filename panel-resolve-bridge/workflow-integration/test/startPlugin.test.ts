import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ResolveSimulator, workflowIntegrationDouble } from "@sichter/resolve-simulator";
import { ErrorCode, type WebSocketConstructor } from "@sichter/shared/protocol";
import { EVENT, REQUEST } from "../src/ipcChannels.ts";
import { API_TIMEOUT_SECONDS } from "../src/main/connectResolve.ts";
import { type RunningPlugin, startPlugin } from "../src/main/startPlugin.ts";
import type { WorkflowIntegrationModule } from "../src/main/WorkflowIntegrationModule.ts";
import { fakeElectron } from "./fakeElectron.ts";
import { pluginFolder } from "./pluginFolder.ts";

const PLUGIN_ID = "com.sichter.resolve.panel";
const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length > 0) cleanup.pop()!();
});

function setup(options: { installedPluginId?: string; promise?: boolean; version?: string } = {}) {
  const sim = new ResolveSimulator({ version: options.version ?? "21.1" });
  const clip = sim.addClip({ name: "Interview", filePath: "/media/Interview.mov", fps: "25", frames: 500 });
  const timeline = sim.addTimeline({ name: "Beitrag", fps: "25" });
  sim.place(timeline, { clip, inFrame: 10, outFrame: 210, recordFrame: 0 });
  const workflow = workflowIntegrationDouble(sim, {
    installedPluginId: options.installedPluginId ?? PLUGIN_ID,
    promise: options.promise ?? true,
  });
  const fake = fakeElectron();
  const dir = pluginFolder();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-home-"));
  cleanup.push(
    () => fs.rmSync(dir, { recursive: true, force: true }),
    () => fs.rmSync(home, { recursive: true, force: true }),
  );
  const start = () =>
    startPlugin({
      electron: fake.electron,
      loadWorkflowIntegration: () => workflow as unknown as WorkflowIntegrationModule,
      pluginDir: dir,
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      environment: { env: { SICHTER_HOME: home }, platform: "linux", home },
      pollMs: 20,
    }).then((plugin: RunningPlugin) => {
      cleanup.push(() => plugin.dispose());
      return plugin;
    });
  return { sim, clip, timeline, workflow, fake, dir, start };
}

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("startPlugin", () => {
  it("initialises Resolve with the manifest's id, sets the API timeout and opens an isolated window", async () => {
    const { workflow, fake, dir, start } = setup();
    await start();
    expect(workflow.state).toMatchObject({
      initializedWith: PLUGIN_ID,
      timeoutSeconds: API_TIMEOUT_SECONDS,
      cleanedUp: false,
    });
    expect(workflow.state.monitor).not.toBeNull();
    const [window] = fake.windows;
    expect(fake.windows).toHaveLength(1);
    expect(window!.options.webPreferences).toEqual({
      preload: path.join(dir, "preload.js"),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
    });
    expect(window!.loaded).toBe(path.join(dir, "index.html"));
  });

  it("tells the page the current clip, and every change of it, from its poll", async () => {
    const { sim, timeline, fake, start } = setup();
    await start();
    const window = fake.windows[0]!;
    const changes = () =>
      window.webContents.sent
        .filter((m) => m.channel === EVENT.currentClipChanged)
        .map((m) => (m.args[0] as { name?: string } | null)?.name ?? null);
    await until(() => changes().length === 1);
    sim.setPlayhead(timeline, 500);
    await until(() => changes().length === 2);
    expect(changes()).toEqual(["Interview", null]);
  });

  it("answers the page, and refuses a request from any other sender", async () => {
    const { fake, start } = setup();
    await start();
    const window = fake.windows[0]!;
    expect(await fake.ipcMain.invoke(window.webContents, REQUEST.currentClip)).toMatchObject({
      ok: true,
      value: { mediaPath: "/media/Interview.mov", source: { inFrame: 10, outFrame: 210 } },
    });
    expect(await fake.ipcMain.invoke({ other: true }, REQUEST.currentClip)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.UNAUTHORIZED },
    });
    expect(await fake.ipcMain.invoke(window.webContents, REQUEST.locale)).toEqual({ ok: true, value: "de" });
  });

  it("checks what the page sends before Resolve or the engine sees it", async () => {
    const { fake, start } = setup();
    await start();
    const sender = fake.windows[0]!.webContents;
    const bad = await fake.ipcMain.invoke(
      sender,
      REQUEST.applyTagPlan,
      { clipPath: 1 },
      { mediaPath: "/media/Interview.mov", name: "x" },
    );
    expect(bad).toMatchObject({ ok: false, error: { code: ErrorCode.INVALID_PARAMS } });
    expect(await fake.ipcMain.invoke(sender, REQUEST.engineRequest, "process.exit", {})).toMatchObject({
      ok: false,
      error: { code: ErrorCode.METHOD_NOT_FOUND },
    });
    // No engine has run for this user yet: no token, so no connection.
    expect(await fake.ipcMain.invoke(sender, REQUEST.engineState)).toEqual({ ok: true, value: "engine-not-found" });
    expect(await fake.ipcMain.invoke(sender, REQUEST.engineRequest, "engine.info", {})).toMatchObject({
      ok: false,
      error: { code: ErrorCode.CONNECTION_CLOSED },
    });
  });

  it("uses the blocking Initialize and GetResolve where the module has no promise pair", async () => {
    const { workflow, fake, start } = setup({ promise: false, version: "19.1" });
    await start();
    expect(workflow.state.initializedWith).toBe(PLUGIN_ID);
    expect(await fake.ipcMain.invoke(fake.windows[0]!.webContents, REQUEST.currentClip)).toMatchObject({
      ok: true,
      value: { name: "Interview" },
    });
  });

  it("refuses to start when Resolve does not know the plugin id", async () => {
    const { start, fake } = setup({ installedPluginId: "com.example.other" });
    await expect(start()).rejects.toMatchObject({ code: ErrorCode.HOST_NOT_AVAILABLE });
    expect(fake.windows).toHaveLength(0);
  });

  it("releases Resolve and quits when the editor closes the panel", async () => {
    const { workflow, fake, start } = setup();
    await start();
    fake.windows[0]!.close();
    expect(workflow.state.cleanedUp).toBe(true);
    expect(fake.app.quits).toBe(1);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });
});
