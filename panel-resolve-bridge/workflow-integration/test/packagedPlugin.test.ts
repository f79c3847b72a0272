import { builtinModules, createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain ESM build script without type declarations
import { LUA_SCRIPT, packageResolve } from "../scripts/packageResolve.mjs";
import { readPluginManifest } from "../src/manifest/pluginManifest.ts";
import { installStandIns, runAmongStandIns } from "./builtPluginTestSupport.ts";

/**
 * What `npm run package` leaves for a Resolve editor: the Studio plugin folder (named by its id)
 * and the free edition's Lua script. The plugin's main.js then runs in Node among stand-ins for
 * Resolve's Electron and WorkflowIntegration.node, from a copy of the packaged folder.
 */
const PACKAGE_VERSION = (
  JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
let out: string;
let plugin: string;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-resolve-package-"));
  ({ plugin } = (await packageResolve(out)) as { plugin: string });
}, 120_000);
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

describe("npm run package for DaVinci Resolve", () => {
  it("writes the plugin folder named by its manifest's id and the Lua script beside it", () => {
    expect(fs.readdirSync(out).sort()).toEqual(["com.sichter.resolve.panel", "lua"]);
    expect(fs.readFileSync(path.join(out, "lua", "Sichter.lua"), "utf8")).toBe(fs.readFileSync(LUA_SCRIPT, "utf8"));
  });

  it("has a manifest Resolve can read: id, name, version, description, main.js", () => {
    const manifest = readPluginManifest(fs.readFileSync(path.join(plugin, "manifest.xml"), "utf8"));
    expect(manifest).toMatchObject({
      id: "com.sichter.resolve.panel",
      name: "Sichter",
      version: PACKAGE_VERSION,
      filePath: "main.js",
    });
    expect(manifest.description.length).toBeGreaterThan(20);
    expect(fs.existsSync(path.join(plugin, manifest.filePath))).toBe(true);
  });

  it("holds main.js, preload.js, the built page and its node_modules, and nothing of the electron package", () => {
    const files = filesUnder(plugin);
    expect(files.filter((file) => !file.startsWith("assets/") && !file.startsWith("node_modules/"))).toEqual([
      "index.html",
      "main.js",
      "manifest.xml",
      "preload.js",
    ]);
    expect(
      files
        .filter((file) => file.startsWith("assets/"))
        .map((file) => path.extname(file))
        .sort(),
    ).toEqual([".css", ".js"]);
    // The runtime dependencies as npm installed them, each with its package.json and licence.
    expect(fs.readdirSync(path.join(plugin, "node_modules"))).toEqual(["ws"]);
    expect(files).toContain("node_modules/ws/package.json");
    expect(files).toContain("node_modules/ws/LICENSE");
    expect(files.some((file) => /(^|\/)electron(\/|$)/.test(file))).toBe(false);
  });

  it("has a page that loads from the folder itself: one classic script and its stylesheet, relative", () => {
    const html = fs.readFileSync(path.join(plugin, "index.html"), "utf8");
    expect(html).not.toMatch(/type="module"|crossorigin/);
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(references).toHaveLength(2);
    for (const reference of references) {
      expect(reference.startsWith("./assets/")).toBe(true);
      expect(fs.existsSync(path.join(plugin, reference))).toBe(true);
    }
    const script = fs.readFileSync(
      path.join(
        plugin,
        references.find((r) => r.endsWith(".js"))!,
      ),
      "utf8",
    );
    // The page reaches Resolve and the engine only through the preload's bridge.
    expect(script).toContain("sichterResolve");
    expect(script).not.toMatch(/\brequire\(/);
  });

  it("finds everything main.js requires: Node's own modules, Resolve's electron, the rest in its own node_modules", () => {
    const main = fs.readFileSync(path.join(plugin, "main.js"), "utf8");
    const required = new Set([...main.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
    // ws looks these up inside a try and runs without them.
    const optional = new Set(["bufferutil", "utf-8-validate"]);
    const builtin = new Set(builtinModules);
    const foreign = [...required].filter(
      (name) => name !== "electron" && !optional.has(name) && !builtin.has(name.replace(/^node:/, "")),
    );
    expect(foreign).toEqual(["ws"]);
    expect(required.has("electron")).toBe(true);
    // Resolved from the folder itself (it sits in a temporary folder, far from the repository's node_modules).
    const from = createRequire(path.join(plugin, "main.js"));
    for (const name of foreign)
      expect(from.resolve(name).startsWith(path.join(plugin, "node_modules", name) + path.sep)).toBe(true);
  });

  it("starts from the packaged folder in Resolve's Electron (stand-ins): page and preload present, isolated window, the current clip over IPC", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-resolve-installed-"));
    try {
      const installed = path.join(root, "com.sichter.resolve.panel");
      fs.cpSync(plugin, installed, { recursive: true });
      installStandIns(root, installed);
      const log = runAmongStandIns(root, path.join(installed, "main.js"));
      expect(log[0]).toEqual({
        loadFile: "index.html",
        present: true,
        webPreferences: { preload: "preload.js", contextIsolation: true, nodeIntegration: false, sandbox: true },
      });
      expect(log.find((entry) => "currentClip" in entry)).toMatchObject({
        currentClip: { ok: true, value: { mediaPath: "/media/Interview.mov" } },
      });
      expect(log.at(-1)).toEqual({ quit: true });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
