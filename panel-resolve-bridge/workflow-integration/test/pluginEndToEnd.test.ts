import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ResolveHostAdapter } from "@sichter/resolve-adapter";
import {
  ResolveSimulator,
  type SimMediaPoolItem,
  type SimTimeline,
  type WorkflowIntegrationDouble,
  workflowIntegrationDouble,
} from "@sichter/resolve-simulator";
import type { MethodName, MethodResult, WebSocketConstructor } from "@sichter/shared/protocol";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import { type EngineProcess, startEngine } from "../../../engine/test/engineProcess.ts";
import { makeCutClip, makeTempDir } from "../../../engine/test/fixtures.ts";
import { ipcResolveCalls, unwrap } from "../src/page/ipcResolveCalls.ts";
import { BRIDGE_KEY, type SichterResolveBridge, exposeBridge } from "../src/preload/exposeBridge.ts";
import { type RunningPlugin, startPlugin } from "../src/main/startPlugin.ts";
import type { WorkflowIntegrationModule } from "../src/main/WorkflowIntegrationModule.ts";
import { fakeContextBridge, fakeElectron, fakeIpcRenderer } from "./fakeElectron.ts";
import { pluginFolder } from "./pluginFolder.ts";

/**
 * The Workflow Integration plugin end to end, Resolve simulated and everything else real: the main
 * process (Electron's few APIs simulated) holds a WebSocket to a real engine on loopback; the page
 * reaches it and Resolve only through the preload's bridge. Current clip from the timeline →
 * clip.analyze → review → tags.plan → apply: markers and Keywords exactly as planned, and a
 * re-apply leaves the editor's own markers and keywords alone.
 */
let dir: string;
let media: string;
let engine: EngineProcess;
let plugin: RunningPlugin;
let sim: ResolveSimulator;
let item: SimMediaPoolItem;
let timeline: SimTimeline;
let bridge: SichterResolveBridge;
let adapter: ResolveHostAdapter;
let workflow: WorkflowIntegrationDouble;
const notifications: { method: string; params: unknown }[] = [];

function request<M extends MethodName>(method: M, params: unknown): Promise<MethodResult<M>> {
  return unwrap<MethodResult<M>>(bridge.engine.request(method, params));
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  dir = fs.realpathSync(makeTempDir("sichter-resolve-e2e-"));
  media = path.join(dir, "Pressekonferenz Rathaus.mp4");
  // Three shots of 50 frames: cuts at 50 and 100.
  await makeCutClip(media, [50, 50, 50]);
  const home = path.join(dir, "home");
  engine = await startEngine(home);

  sim = new ResolveSimulator({ version: "21.1" });
  item = sim.addClip({
    name: "Pressekonferenz",
    filePath: media,
    fps: "25",
    frames: 150,
    startTimecode: "00:00:00:00",
  });
  timeline = sim.addTimeline({ name: "Beitrag 18 Uhr", fps: "25" });
  sim.place(timeline, { clip: item, inFrame: 20, outFrame: 140, recordFrame: 100 });
  sim.setPlayhead(timeline, 110);
  // The editor's own work before Sichter: markers (one on the frame of shot 3) and keywords, one of
  // them ("Dom") written by an earlier apply of Sichter's.
  item.AddMarker(10, "Green", "Ton weg", "", 1, "");
  item.AddMarker(100, "Pink", "Bürgermeister kommt", "wichtig", 5, "");
  timeline.AddMarker(5, "Cyan", "Beitragsbeginn", "", 1, "");
  item.metadata.type("Keywords", "Interview, Dom");

  workflow = workflowIntegrationDouble(sim, { installedPluginId: "com.sichter.resolve.panel" });
  const fake = fakeElectron("de-DE");
  const folder = pluginFolder();
  plugin = await startPlugin({
    electron: fake.electron,
    loadWorkflowIntegration: () => workflow as unknown as WorkflowIntegrationModule,
    pluginDir: folder,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    environment: { env: { SICHTER_HOME: home }, platform: "linux", home: dir },
    pollMs: 50,
  });
  const contextBridge = fakeContextBridge();
  exposeBridge(contextBridge, fakeIpcRenderer(fake.ipcMain, fake.windows[0]!));
  bridge = contextBridge.world[BRIDGE_KEY] as SichterResolveBridge;
  bridge.engine.onNotification((method, params) => notifications.push({ method, params }));
  adapter = new ResolveHostAdapter(ipcResolveCalls(bridge), await unwrap<"de" | "en">(bridge.locale()));
  await until(() => plugin.engine.state === "open", 10_000);
}, 120_000);

afterAll(async () => {
  plugin?.dispose();
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  fs.rmSync(dir, { recursive: true, force: true });
});

const SHOT_MARKERS = {
  "0.0": { color: "Blue", duration: 50, note: "00:00:00:00", name: "Einstellung 1", customData: "sichter:f0" },
  "10.0": { color: "Green", duration: 1, note: "", name: "Ton weg", customData: "" },
  "50.0": {
    color: "Blue",
    duration: 50,
    note: "Schnitt\n00:00:02:00",
    name: "Einstellung 2",
    customData: "sichter:f50",
  },
  "100.0": { color: "Pink", duration: 5, note: "wichtig", name: "Bürgermeister kommt", customData: "" },
  // Shot 3 starts on the editor's marker: Sichter's moves on by one frame and still ends at 150.
  "101.0": {
    color: "Blue",
    duration: 49,
    note: "Schnitt\n00:00:04:00",
    name: "Einstellung 3",
    customData: "sichter:f100",
  },
};

describe("Resolve Workflow Integration plugin against a real engine", () => {
  let clip: ClipReference;
  let clipId: number;

  it("takes the current clip from the timeline and has the engine analyse it", async () => {
    clip = (await adapter.currentClip())!;
    expect(clip).toEqual({
      mediaPath: media,
      name: "Pressekonferenz",
      hostItemId: item.GetUniqueId(),
      source: { inFrame: 20, outFrame: 140 },
      sequence: { sequenceName: "Beitrag 18 Uhr", frameRate: "25/1", startFrame: 100, endFrame: 220, track: 0 },
    });
    const { jobId } = await request("clip.analyze", { path: clip.mediaPath, options: { write: "none" } });
    // The engine tells the connection that started the job; the main process passes it on to the page.
    await until(
      () => notifications.some((n) => n.method === "job.done" && (n.params as { jobId: string }).jobId === jobId),
      90_000,
    );
    const { clip: info, shots } = await request("catalog.clip", { path: media });
    clipId = info.id;
    expect(shots.map((s) => s.startFrame)).toEqual([0, 50, 100]);
  }, 100_000);

  it("applies the reviewed plan: shot markers at source frames and on the timeline, Keywords merged", async () => {
    await request("tags.review", { clipId, add: { label: "Rathaus", startFrame: 0, endFrame: 150 } });
    await request("tags.review", { clipId, add: { label: "Pressekonferenz", startFrame: 0, endFrame: 150 } });
    const dom = await request("tags.review", { clipId, add: { label: "Dom", startFrame: 0, endFrame: 150 } });
    await request("tags.review", { tagId: dom.id, action: "reject" });
    const { plan } = await request("tags.plan", { path: media, language: "de" });
    expect(plan.withdrawnKeywords).toContain("Dom");

    const report = await adapter.applyTagPlan(plan, clip);
    expect(report.items.filter((i) => i.status !== "written")).toEqual([
      // The plan has no log comment (no technical cues in this clip): Comments stay empty.
      { kind: "description", status: "unchanged", target: "Pressekonferenz: Comments = " },
    ]);
    expect(item.GetMarkers()).toEqual(SHOT_MARKERS);
    // The instance shows source frames [20, 140) from record frame 100: shot 2 (50) at 130, shot 3 (100) at 180.
    expect(timeline.GetMarkers()).toEqual({
      "5.0": { color: "Cyan", duration: 1, note: "", name: "Beitragsbeginn", customData: "" },
      "130.0": {
        color: "Blue",
        duration: 50,
        note: "Schnitt\n00:00:02:00",
        name: "Einstellung 2",
        customData: `sichter:${item.GetUniqueId()}@100/f50`,
      },
      "180.0": {
        color: "Blue",
        duration: 40,
        note: "Schnitt\n00:00:04:00",
        name: "Einstellung 3",
        customData: `sichter:${item.GetUniqueId()}@100/f100`,
      },
    });
    expect(timeline.GetStartFrame() + 130).toBe(
      Number(timeline.GetItemListInTrack("video", 1)[0]!.GetStart()) + (50 - 20),
    );
    expect(item.metadata.peek("Keywords")).toBe("Interview, Rathaus, Pressekonferenz");
    expect(item.metadata.peek("Description")).toMatch(/^Sichter: 3 Einstellungen, 6 s\.$/);
  }, 30_000);

  it("re-applies without touching the editor's markers and keywords", async () => {
    item.metadata.type("Keywords", `${item.metadata.peek("Keywords")}, Bürgermeister`);
    item.AddMarker(120, "Yellow", "Schnitt hier", "", 1, "");
    const { plan } = await request("tags.plan", { path: media });
    const report = await adapter.applyTagPlan(plan, clip);
    expect(report.items.map((i) => i.status)).toEqual(report.items.map(() => "unchanged"));
    expect(item.GetMarkers()).toEqual({
      ...SHOT_MARKERS,
      "120.0": { color: "Yellow", duration: 1, note: "", name: "Schnitt hier", customData: "" },
    });
    expect(Object.keys(timeline.GetMarkers())).toEqual(["5.0", "130.0", "180.0"]);
    expect(item.metadata.peek("Keywords")).toBe("Interview, Rathaus, Pressekonferenz, Bürgermeister");
  }, 30_000);

  it("auto-marks the timeline through the bridge: the instance's markers are the apply's own, reported per instance", async () => {
    const { plan } = await request("tags.plan", { path: media });
    const progress: number[] = [];
    const report = await adapter.markSequence(new Map([[media, plan]]), (done) => progress.push(done));
    expect(report).toMatchObject({
      sequenceName: "Beitrag 18 Uhr",
      oneUndoStep: false,
      markers: { written: 0, unchanged: 2, removed: 0 },
    });
    expect(report.items.map((i) => [i.name, i.status, i.markers])).toEqual([["Pressekonferenz", "unchanged", 2]]);
    // The main process tells each instance as it is done, over the bridge.
    expect(progress).toEqual([0, 1]);
    expect(Object.keys(timeline.GetMarkers())).toEqual(["5.0", "130.0", "180.0"]);
    // The main process checks what the page sends.
    expect(await bridge.markSequence([[media, { clipPath: media }]], "run-1")).toMatchObject({
      ok: false,
      error: { code: "SICHTER_E_INVALID_PARAMS" },
    });
  }, 30_000);

  it("cancels an auto-mark through the bridge between two instances: the one not yet marked stays as it was", async () => {
    // A second instance of the same media later on the timeline: source [20, 140) from record frame 300.
    sim.place(timeline, { clip: item, inFrame: 20, outFrame: 140, recordFrame: 300 });
    const { plan } = await request("tags.plan", { path: media });
    const token = new AbortController();
    const progress: [number, number][] = [];
    const report = await adapter.markSequence(
      new Map([[media, plan]]),
      (done, total) => {
        progress.push([done, total]);
        if (done === 1) token.abort();
      },
      token.signal,
    );
    expect(progress).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(report.items.map((i) => [i.status, i.error?.code ?? null])).toEqual([
      ["unchanged", null],
      ["failed", "SICHTER_E_CANCELLED"],
    ]);
    expect(Object.keys(timeline.GetMarkers())).toEqual(["5.0", "130.0", "180.0"]);

    // Not cancelled, the second instance gets the shot starts it shows (50 and 100 at 330 and 380).
    const full = await adapter.markSequence(new Map([[media, plan]]));
    expect(full.items.map((i) => i.status)).toEqual(["unchanged", "written"]);
    expect(Object.keys(timeline.GetMarkers())).toEqual(["5.0", "130.0", "180.0", "330.0", "380.0"]);
    // A cancel for a run the main process does not know is no failure; a malformed one is refused.
    expect(await bridge.cancelMarkSequence("no-such-run")).toMatchObject({ ok: true });
    expect(await bridge.cancelMarkSequence(42 as unknown as string)).toMatchObject({
      ok: false,
      error: { code: "SICHTER_E_INVALID_PARAMS" },
    });
  }, 30_000);

  it("switches the current clip to the media pool selection and back to the playhead over the bridge", async () => {
    expect(await unwrap(bridge.setClipSource("selection"))).toBeNull();
    expect(await adapter.currentClip()).toBeNull();
    expect(await bridge.setClipSource("anything")).toMatchObject({
      ok: false,
      error: { code: "SICHTER_E_INVALID_PARAMS" },
    });
    expect(await unwrap(bridge.setClipSource("playhead"))).toMatchObject({ mediaPath: media, name: "Pressekonferenz" });
  });

  it("made every Resolve call one at a time, through the promise API", () => {
    const monitor = workflow.state.monitor!;
    expect(monitor.calls).toBeGreaterThan(100);
    expect(monitor.overlaps).toBe(0);
  });
});
