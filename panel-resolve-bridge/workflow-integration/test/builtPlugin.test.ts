import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain ESM build script without type declarations
import { buildPlugin } from "../scripts/buildPlugin.mjs";

/**
 * The plugin folder as Resolve loads it: main.js and preload.js built as single CommonJS files,
 * then run in Node with a stand-in for Resolve's Electron ("electron" resolved from a folder above
 * the plugin) and for WorkflowIntegration.node (the Resolve simulator behind the module's API).
 */
const SIMULATOR = fileURLToPath(new URL("../../test/simulators/index.ts", import.meta.url));
let root: string;
let plugin: string;

const FAKE_ELECTRON = `
const path = require("node:path");
const handlers = new Map();
const windows = [];
const log = (entry) => console.log(JSON.stringify(entry));
async function drive(window) {
  const answer = await handlers.get("sichter:resolve:current-clip")({ sender: window.webContents });
  log({ currentClip: answer });
  const refused = await handlers.get("sichter:resolve:current-clip")({ sender: {} });
  log({ refused });
  window.listeners.forEach((listener) => listener());
}
class BrowserWindow {
  constructor(options) { this.options = options; this.listeners = []; windows.push(this);
    this.webContents = { send: (channel, ...args) => log({ send: channel }), isDestroyed: () => false }; }
  loadFile(file) { log({ loadFile: path.basename(file), webPreferences: { ...this.options.webPreferences, preload: path.basename(this.options.webPreferences.preload) } });
    setTimeout(() => drive(this), 100); return Promise.resolve(); }
  on(event, listener) { this.listeners.push(listener); return this; }
  isDestroyed() { return false; }
}
module.exports = {
  BrowserWindow,
  app: { whenReady: () => Promise.resolve(), getLocale: () => "de-DE", quit: () => { log({ quit: true }); process.exit(0); } },
  ipcMain: { handle: (channel, fn) => handlers.set(channel, fn), removeHandler: (channel) => handlers.delete(channel) },
  dialog: { showErrorBox: (title, message) => { log({ error: message }); process.exit(3); } },
  contextBridge: { exposeInMainWorld: (key, api) => log({ exposed: key, keys: Object.keys(api).sort(), engine: Object.keys(api.engine).sort() }) },
  ipcRenderer: { invoke: async () => ({ ok: true, value: null }), on() {}, removeListener() {} },
};
`;

const FAKE_WORKFLOW_INTEGRATION = `
const { ResolveSimulator, workflowIntegrationDouble } = require(${JSON.stringify(SIMULATOR)});
const sim = new ResolveSimulator({ version: "21.1" });
const clip = sim.addClip({ name: "Interview", filePath: "/media/Interview.mov", fps: "25", frames: 500 });
const timeline = sim.addTimeline({ name: "Beitrag", fps: "25" });
sim.place(timeline, { clip, inFrame: 10, outFrame: 210, recordFrame: 40 });
sim.setPlayhead(timeline, 50);
module.exports = workflowIntegrationDouble(sim, { installedPluginId: "com.sichter.resolve.panel" });
`;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-built-plugin-"));
  plugin = path.join(root, "com.sichter.resolve.panel");
  await buildPlugin(plugin);
  fs.writeFileSync(path.join(plugin, "index.html"), "<!doctype html><title>Sichter</title>");
  fs.writeFileSync(path.join(plugin, "WorkflowIntegration.node"), FAKE_WORKFLOW_INTEGRATION);
  fs.mkdirSync(path.join(root, "node_modules", "electron"), { recursive: true });
  fs.writeFileSync(path.join(root, "node_modules", "electron", "index.js"), FAKE_ELECTRON);
  // Node loads a .node file with dlopen; the stand-in is JavaScript.
  fs.writeFileSync(path.join(root, "dotNodeAsJs.cjs"), 'require.extensions[".node"] = require.extensions[".js"];');
}, 60_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function run(file: string): Record<string, unknown>[] {
  const result = spawnSync(process.execPath, ["--require", "tsx/cjs", "--require", path.join(root, "dotNodeAsJs.cjs"), file], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, SICHTER_HOME: path.join(root, "home"), NODE_PATH: path.resolve(fileURLToPath(new URL("../../../node_modules", import.meta.url))) },
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`${file} exited ${result.status}: ${result.stderr}${result.stdout}`);
  return result.stdout.trim().split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("the built plugin folder", () => {
  it("holds main.js, preload.js and the manifest", () => {
    expect(fs.readdirSync(plugin).sort()).toEqual(["WorkflowIntegration.node", "index.html", "main.js", "manifest.xml", "preload.js"]);
    const preload = fs.readFileSync(path.join(plugin, "preload.js"), "utf8");
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(["electron"]);
  });

  it("starts in Resolve's Electron: isolated window, the current clip over IPC, other senders refused, quits on close", () => {
    const log = run(path.join(plugin, "main.js"));
    expect(log[0]).toEqual({
      loadFile: "index.html",
      webPreferences: { preload: "preload.js", contextIsolation: true, nodeIntegration: false, sandbox: true },
    });
    expect(log.find((entry) => "currentClip" in entry)).toMatchObject({
      currentClip: { ok: true, value: { mediaPath: "/media/Interview.mov", source: { inFrame: 10, outFrame: 210 }, sequence: { startFrame: 40 } } },
    });
    expect(log.find((entry) => "refused" in entry)).toMatchObject({ refused: { ok: false, error: { code: "SICHTER_E_UNAUTHORIZED" } } });
    expect(log.at(-1)).toEqual({ quit: true });
  });

  it("exposes only the bridge from the preload", () => {
    const log = run(path.join(plugin, "preload.js"));
    expect(log).toEqual([
      {
        exposed: "sichterResolve",
        keys: ["applyTagPlan", "currentClip", "engine", "locale", "onCurrentClipChange", "reveal", "sequenceClips"],
        engine: ["files", "onNotification", "onStateChange", "request", "state"],
      },
    ]);
  });
});
