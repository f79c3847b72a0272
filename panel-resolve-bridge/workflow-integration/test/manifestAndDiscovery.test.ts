import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sichterDirs } from "../../../engine/src/core/SichterHome.ts";
import { readPluginManifest } from "../src/manifest/pluginManifest.ts";
import { DEFAULT_ENGINE_PORT, discoverEngine, sichterFolders } from "../src/main/engineDiscovery.ts";
import { MANIFEST_SOURCE } from "./pluginFolder.ts";

describe("the plugin manifest", () => {
  it("is one file in manifest/, with the plugin package's version and main.js as entry", () => {
    const manifest = readPluginManifest(fs.readFileSync(MANIFEST_SOURCE, "utf8"));
    const pkg = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(manifest).toMatchObject({
      id: "com.sichter.resolve.panel",
      name: "Sichter",
      version: pkg.version,
      filePath: "main.js",
    });
  });

  it("refuses a manifest without a reverse-domain id", () => {
    const xml =
      "<BlackmagicDesign><Plugin><Id>sichter</Id><Name>S</Name><Version>1</Version><Description/><FilePath>main.js</FilePath></Plugin></BlackmagicDesign>";
    expect(() => readPluginManifest(xml)).toThrow(/no <Description>|reverse-domain/);
  });
});

describe("engine discovery", () => {
  it("finds Sichter's folders where the engine keeps them", () => {
    const home = "/home/editor";
    for (const env of [{ SICHTER_HOME: "/srv/sichter" }, { XDG_CONFIG_HOME: "/cfg", XDG_DATA_HOME: "/dat" }, {}]) {
      const engine = sichterDirs(env);
      expect(sichterFolders({ env, platform: process.platform, home: os.homedir() })).toEqual({
        config: engine.config,
        data: engine.data,
      });
    }
    expect(sichterFolders({ env: {}, platform: "darwin", home })).toEqual({
      config: "/home/editor/Library/Application Support/Sichter/config",
      data: "/home/editor/Library/Application Support/Sichter/data",
    });
  });

  it("reads the token and the port the running engine wrote, else the default port", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-discovery-"));
    const environment = { env: { SICHTER_HOME: root }, platform: "linux" as const, home: root };
    try {
      expect(discoverEngine(environment)).toBeNull();
      fs.mkdirSync(path.join(root, "config"));
      fs.writeFileSync(path.join(root, "config", "engine-token"), "abc123\n", { mode: 0o600 });
      expect(discoverEngine(environment)).toEqual({ url: `ws://127.0.0.1:${DEFAULT_ENGINE_PORT}`, token: "abc123" });
      fs.mkdirSync(path.join(root, "data"));
      fs.writeFileSync(
        path.join(root, "data", "engine.json"),
        JSON.stringify({ pid: 1, port: 40123, version: "0.1.0", startedAt: "" }),
      );
      expect(discoverEngine(environment)).toEqual({ url: "ws://127.0.0.1:40123", token: "abc123" });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
