import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Stand-ins for what Resolve gives a plugin folder at run time: its Electron ("electron", resolved
 * from a node_modules folder above the plugin) and WorkflowIntegration.node (the Resolve simulator
 * behind the module's API, with one clip placed on a timeline). The stand-in Electron logs what the
 * plugin does as JSON lines: the window it opens, an IPC request from the window and one from a
 * stranger, and the quit when the window closes.
 */
const SIMULATOR = fileURLToPath(new URL("../../test/simulators/index.ts", import.meta.url));
const FAKE_ELECTRON = `
const fs = require("node:fs");
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
  loadFile(file) { log({ loadFile: path.basename(file), present: fs.existsSync(file) && fs.existsSync(this.options.webPreferences.preload),
      webPreferences: { ...this.options.webPreferences, preload: path.basename(this.options.webPreferences.preload) } });
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

/** Puts the stand-ins around a built plugin folder inside `root` (the folder's parent). */
export function installStandIns(root: string, plugin: string): void {
  fs.writeFileSync(path.join(plugin, "WorkflowIntegration.node"), FAKE_WORKFLOW_INTEGRATION);
  fs.mkdirSync(path.join(root, "node_modules", "electron"), { recursive: true });
  fs.writeFileSync(path.join(root, "node_modules", "electron", "index.js"), FAKE_ELECTRON);
  // Node loads a .node file with dlopen; the stand-in is JavaScript.
  fs.writeFileSync(path.join(root, "dotNodeAsJs.cjs"), 'require.extensions[".node"] = require.extensions[".js"];');
}

/** Runs a built file (main.js, preload.js) in Node among the stand-ins and answers what it logged. */
export function runAmongStandIns(root: string, file: string): Record<string, unknown>[] {
  const result = spawnSync(
    process.execPath,
    ["--require", "tsx/cjs", "--require", path.join(root, "dotNodeAsJs.cjs"), file],
    {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        SICHTER_HOME: path.join(root, "home"),
        NODE_PATH: path.resolve(fileURLToPath(new URL("../../../node_modules", import.meta.url))),
      },
      timeout: 60_000,
    },
  );
  if (result.status !== 0) throw new Error(`${file} exited ${result.status}: ${result.stderr}${result.stdout}`);
  return result.stdout
    .trim()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
