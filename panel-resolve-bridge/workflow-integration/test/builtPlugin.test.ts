import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain ESM build script without type declarations
import { buildPlugin } from "../scripts/buildPlugin.mjs";
import { installStandIns, runAmongStandIns } from "./builtPluginTestSupport.ts";

/**
 * The plugin folder as Resolve loads it: main.js and preload.js built as single CommonJS files,
 * then run in Node with a stand-in for Resolve's Electron ("electron" resolved from a folder above
 * the plugin) and for WorkflowIntegration.node (the Resolve simulator behind the module's API).
 */
let root: string;
let plugin: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-built-plugin-"));
  plugin = path.join(root, "com.sichter.resolve.panel");
  await buildPlugin(plugin);
  fs.writeFileSync(path.join(plugin, "index.html"), "<!doctype html><title>Sichter</title>");
  installStandIns(root, plugin);
}, 60_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const run = (file: string) => runAmongStandIns(root, file);

describe("the built plugin folder", () => {
  it("holds main.js, preload.js and the manifest", () => {
    expect(fs.readdirSync(plugin).sort()).toEqual([
      "WorkflowIntegration.node",
      "index.html",
      "main.js",
      "manifest.xml",
      "node_modules",
      "preload.js",
    ]);
    const preload = fs.readFileSync(path.join(plugin, "preload.js"), "utf8");
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(["electron"]);
  });

  it("starts in Resolve's Electron: isolated window, the current clip over IPC, other senders refused, quits on close", () => {
    const log = run(path.join(plugin, "main.js"));
    expect(log[0]).toEqual({
      loadFile: "index.html",
      present: true,
      webPreferences: { preload: "preload.js", contextIsolation: true, nodeIntegration: false, sandbox: true },
    });
    expect(log.find((entry) => "currentClip" in entry)).toMatchObject({
      currentClip: {
        ok: true,
        value: {
          mediaPath: "/media/Interview.mov",
          source: { inFrame: 10, outFrame: 210 },
          sequence: { startFrame: 40 },
        },
      },
    });
    expect(log.find((entry) => "refused" in entry)).toMatchObject({
      refused: { ok: false, error: { code: "SICHTER_E_UNAUTHORIZED" } },
    });
    expect(log.at(-1)).toEqual({ quit: true });
  });

  it("exposes only the bridge from the preload", () => {
    const log = run(path.join(plugin, "preload.js"));
    expect(log).toEqual([
      {
        exposed: "sichterResolve",
        keys: [
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
        ],
        engine: ["files", "onNotification", "onStateChange", "request", "state"],
      },
    ]);
  });
});
