import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ResolveSimulator, workflowIntegrationDouble } from "@sichter/resolve-simulator";
import { ErrorCode, type SichterRpcError, type WebSocketConstructor } from "@sichter/shared/protocol";
import type { ConnectionKind } from "@sichter/ui/src/connection/ConnectionStatus.ts";
import { EngineConnection } from "@sichter/ui/src/connection/EngineConnection.ts";
import { storageTokenStore } from "@sichter/ui/src/connection/TokenStore.ts";
import { type EngineProcess, startEngine } from "../../../engine/test/engineProcess.ts";
import { makeCutClip, makeTempDir } from "../../../engine/test/fixtures.ts";
import { bridgeTransport } from "../src/page/bridgeTransport.ts";
import { type RunningPlugin, startPlugin } from "../src/main/startPlugin.ts";
import type { WorkflowIntegrationModule } from "../src/main/WorkflowIntegrationModule.ts";
import { BRIDGE_KEY, type SichterResolveBridge, exposeBridge } from "../src/preload/exposeBridge.ts";
import { fakeContextBridge, fakeElectron, fakeIpcRenderer } from "./fakeElectron.ts";
import { pluginFolder } from "./pluginFolder.ts";

/**
 * The page's engine transport (what index.html gives the shared UI's EngineConnection) against the
 * plugin's main process (Electron's few APIs simulated, the preload's real bridge) and a real
 * engine: the panel's connection states, requests, notifications and file addresses all pass
 * through the main process's one WebSocket, and the page never sees a token store.
 */
let dir: string;
let home: string;
let media: string;
let engine: EngineProcess | null = null;
let plugin: RunningPlugin;
let connection: EngineConnection;
const seen: ConnectionKind[] = [];
const kind = (): ConnectionKind => connection.status.get().kind;

async function until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  dir = fs.realpathSync(makeTempDir("sichter-resolve-page-"));
  home = path.join(dir, "home");
  media = path.join(dir, "Rathaus.mp4");
  await makeCutClip(media, [25, 25]);

  const sim = new ResolveSimulator({ version: "21.1" });
  const item = sim.addClip({ name: "Rathaus", filePath: media, fps: "25", frames: 50 });
  const timeline = sim.addTimeline({ name: "Beitrag", fps: "25" });
  sim.place(timeline, { clip: item, inFrame: 0, outFrame: 50, recordFrame: 0 });
  const fake = fakeElectron("de-DE");
  const folder = pluginFolder();
  plugin = await startPlugin({
    electron: fake.electron,
    loadWorkflowIntegration: () =>
      workflowIntegrationDouble(sim, {
        installedPluginId: "com.sichter.resolve.panel",
      }) as unknown as WorkflowIntegrationModule,
    pluginDir: folder,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    environment: { env: { SICHTER_HOME: home }, platform: "linux", home: dir },
    pollMs: 50,
  });
  const contextBridge = fakeContextBridge();
  exposeBridge(contextBridge, fakeIpcRenderer(fake.ipcMain, fake.windows[0]!));
  const bridge = contextBridge.world[BRIDGE_KEY] as SichterResolveBridge;
  connection = new EngineConnection({
    address: { ws: "ws://127.0.0.1:1", http: "http://127.0.0.1:1" },
    tokens: storageTokenStore(null),
    transport: bridgeTransport(bridge.engine),
    reachable: async () => false,
    retry: { initialDelayMs: 50, maxDelayMs: 200 },
  });
  seen.push(kind());
  connection.status.subscribe(() => {
    if (seen.at(-1) !== kind()) seen.push(kind());
  });
  connection.start();
}, 60_000);

afterAll(async () => {
  connection?.dispose();
  plugin?.dispose();
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the Resolve page's bridge transport", () => {
  it("says the engine is not running while the main process finds none, and never asks for a token", async () => {
    await until(() => kind() === "not-running", "not running", 5000);
    expect(seen).not.toContain("needs-token");
    expect(connection.fileUrl("/thumbnails/a.jpg")).toBeNull();
    const error = (await connection.request("engine.info", {}).catch((e: unknown) => e)) as SichterRpcError;
    expect(error.code).toBe(ErrorCode.CONNECTION_CLOSED);
  });

  it("connects through the main process once an engine starts", async () => {
    engine = await startEngine(home);
    // The main process looks for the engine's token every 3 s; the page tries again on its own.
    await until(() => kind() === "connected", "connected", 15_000);
    const status = connection.status.get();
    expect(status.kind === "connected" && status.engine.protocolVersion).toBeGreaterThan(0);
    await expect(connection.request("engine.info", {})).resolves.toMatchObject({ version: expect.any(String) });
  }, 30_000);

  it("passes the engine's notifications and file addresses to the panel", async () => {
    const done: string[] = [];
    const subscription = connection.onNotification("job.done", (params) => done.push(params.jobId));
    const { jobId } = await connection.request("clip.analyze", { path: media, options: { write: "none" } });
    // An analysis on a loaded two-core machine can take minutes.
    await until(() => done.includes(jobId), "job.done", 170_000);
    subscription.dispose();

    const { keyframes } = await connection.request("catalog.clip", { path: media });
    const thumbnail = keyframes.find((k) => k.thumbnail !== null)!.thumbnail!;
    const url = connection.fileUrl(thumbnail)!;
    expect(url.startsWith(`http://127.0.0.1:${engine!.port}/thumbnails/`)).toBe(true);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/image\/jpeg/);
  }, 180_000);

  it("shows the main process's reconnect and is connected again when the engine is back", async () => {
    engine!.child.kill("SIGTERM");
    await engine!.exited;
    await until(() => kind() !== "connected", "the drop", 10_000);
    expect(["reconnecting", "not-running"]).toContain(kind());
    // Back on another port: the main process finds it again from the engine's runtime file.
    engine = await startEngine(home);
    await until(() => kind() === "connected", "connected again", 100_000);
    expect(connection.fileUrl("/thumbnails/x.jpg")).toBe(
      `http://127.0.0.1:${engine.port}/thumbnails/x.jpg?token=${encodeURIComponent(engine.token)}`,
    );
  }, 180_000);
});
