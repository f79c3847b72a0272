import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { runCli } from "../../../test/runCli.ts";
import { SCHEMA_VERSION } from "../../catalog/index.ts";
import { POSTGRES_SCHEMA_VERSION } from "../../catalog/postgres/postgresMigrations.ts";
import { ExtensionRegistry } from "../../extensionHost/ExtensionRegistry.ts";
import { BUILTIN_EXTENSIONS_DIR, extensionDirs } from "../../extensionHost/extensionDirs.ts";
import { ENGINE_VERSION } from "../../version.ts";
import { engineInfo } from "./engine.ts";

let dir: string;
const homes: string[] = [];
beforeAll(() => {
  dir = makeTempDir("sichter-engine-cli-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fresh SICHTER_HOME per test: enabling a provider in one must not leak into another. */
function freshHome(): NodeJS.ProcessEnv {
  const home = path.join(dir, `home${homes.length}`);
  homes.push(home);
  return { SICHTER_HOME: home };
}

const CLOUD_PROVIDERS = [
  {
    id: "sichter.google-vision",
    title: "Google Cloud Vision",
    extensionId: "sichter.google-vision",
    cloud: true,
    enabled: false,
  },
  {
    id: "sichter.openai-vision",
    title: "OpenAI-compatible vision model",
    extensionId: "sichter.openai-vision",
    cloud: true,
    enabled: false,
  },
];

/** Extension processes get their storage folder when they start; none may exist after an info. */
function startedExtensions(env: NodeJS.ProcessEnv): string[] {
  const storage = extensionDirs(env).storageDir;
  return fs.existsSync(storage) ? fs.readdirSync(storage) : [];
}

describe("engineInfo", () => {
  it("reads manifests only: the built-in cloud providers are listed, disabled, and nothing was activated", () => {
    const env = freshHome();
    const registry = ExtensionRegistry.load({
      builtinDirs: [BUILTIN_EXTENSIONS_DIR],
      ...extensionDirs(env),
      engineVersion: ENGINE_VERSION,
    });
    try {
      const info = engineInfo(registry, env);
      expect(info.version).toBe(ENGINE_VERSION);
      expect(info.privacy.mode).toBe("local-only");
      expect(info.privacy.providers).toEqual(expect.arrayContaining(CLOUD_PROVIDERS));
      expect(info.home).toBe(path.resolve(env.SICHTER_HOME!));
      expect(info.folders.data).toBe(path.join(env.SICHTER_HOME!, "data"));
      expect(info.catalog).toEqual({
        kind: "sqlite",
        source: "default",
        path: path.join(env.SICHTER_HOME!, "data", "catalog.sqlite"),
        schemaVersion: SCHEMA_VERSION,
        fileSchemaVersion: null,
      });
      expect(registry.activated).toEqual([]);
    } finally {
      registry.dispose();
    }
  });
});

describe("sichter engine info", () => {
  it("--json on a fresh home: local-only, the cloud providers listed as cloud and disabled; nothing started or created", async () => {
    const env = freshHome();
    const r = await runCli(["engine", "info", "--json"], { env });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info).toMatchObject({ version: ENGINE_VERSION, protocolVersion: 1, privacy: { mode: "local-only" } });
    expect(info.privacy.providers).toEqual(expect.arrayContaining(CLOUD_PROVIDERS));
    expect(info.folders).toEqual({
      config: path.join(env.SICHTER_HOME!, "config"),
      data: path.join(env.SICHTER_HOME!, "data"),
      temp: path.join(env.SICHTER_HOME!, "tmp"),
      extensions: path.join(env.SICHTER_HOME!, "data", "extensions"),
      extensionStorage: path.join(env.SICHTER_HOME!, "data", "extension-storage"),
    });
    expect(info.catalog).toMatchObject({ schemaVersion: SCHEMA_VERSION, fileSchemaVersion: null });
    expect(startedExtensions(env)).toEqual([]);
    // An info command leaves things as they are: no catalog appears because someone looked.
    expect(fs.existsSync(info.catalog.path)).toBe(false);
  });

  it("says cloud once a cloud provider is enabled, and local-only again once it is disabled", async () => {
    const env = freshHome();
    expect((await runCli(["extensions", "enable", "sichter.openai-vision"], { env })).code).toBe(0);
    const on = JSON.parse((await runCli(["engine", "info", "--json"], { env })).stdout);
    expect(on.privacy.mode).toBe("cloud");
    expect(on.privacy.providers).toEqual(
      expect.arrayContaining([{ ...CLOUD_PROVIDERS[1], enabled: true }, CLOUD_PROVIDERS[0]]),
    );
    expect(startedExtensions(env)).toEqual([]);

    expect((await runCli(["extensions", "disable", "sichter.openai-vision"], { env })).code).toBe(0);
    expect(JSON.parse((await runCli(["engine", "info", "--json"], { env })).stdout).privacy.mode).toBe("local-only");
  });

  it("reports the schema of an existing catalog", async () => {
    const env = freshHome();
    // Any command that opens the catalog creates it at the current schema.
    expect((await runCli(["usage"], { env })).code).toBe(0);
    const info = JSON.parse((await runCli(["engine", "info", "--json"], { env })).stdout);
    expect(info.catalog.fileSchemaVersion).toBe(SCHEMA_VERSION);
  });

  it("shows a newsroom catalog from config/newsroom.json without its password; SICHTER_CATALOG wins over the file", async () => {
    const env = freshHome();
    fs.mkdirSync(path.join(env.SICHTER_HOME!, "config"), { recursive: true });
    fs.writeFileSync(
      path.join(env.SICHTER_HOME!, "config", "newsroom.json"),
      JSON.stringify({ catalog: "postgres://sichter:geheim@db.newsroom.example/sichter?sslmode=verify-full" }),
    );
    const fromFile = await runCli(["engine", "info", "--json"], { env });
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(JSON.parse(fromFile.stdout).catalog).toEqual({
      kind: "postgres",
      source: "config",
      path: "postgres://sichter:***@db.newsroom.example/sichter?sslmode=verify-full",
      schemaVersion: POSTGRES_SCHEMA_VERSION,
      fileSchemaVersion: null,
    });
    const text = await runCli(["engine", "info"], { env });
    expect(text.stdout).toContain(
      `Catalog: postgres://sichter:***@db.newsroom.example/sichter?sslmode=verify-full (newsroom PostgreSQL, set in config/newsroom.json; this engine writes schema ${POSTGRES_SCHEMA_VERSION})`,
    );
    expect(text.stdout + fromFile.stdout).not.toContain("geheim");

    const fromEnv = await runCli(["engine", "info", "--json"], {
      env: { ...env, SICHTER_CATALOG: "postgres://editor:pw@127.0.0.1:5433/news" },
    });
    expect(JSON.parse(fromEnv.stdout).catalog).toMatchObject({
      kind: "postgres",
      source: "env",
      path: "postgres://editor:***@127.0.0.1:5433/news",
    });
    // Anything else in the variable keeps this one command on the local catalog.
    const local = await runCli(["engine", "info", "--json"], { env: { ...env, SICHTER_CATALOG: "sqlite" } });
    expect(JSON.parse(local.stdout).catalog).toMatchObject({
      kind: "sqlite",
      source: "env",
      path: path.join(env.SICHTER_HOME!, "data", "catalog.sqlite"),
    });
  });

  it("refuses a broken config/newsroom.json with CONFIG_INVALID naming the field", async () => {
    const env = freshHome();
    fs.mkdirSync(path.join(env.SICHTER_HOME!, "config"), { recursive: true });
    fs.writeFileSync(
      path.join(env.SICHTER_HOME!, "config", "newsroom.json"),
      JSON.stringify({ catalog: "/srv/catalog.sqlite" }),
    );
    const r = await runCli(["engine", "info"], { env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/SICHTER_E_CONFIG_INVALID/);
    expect(r.stderr).toContain("catalog: must be a postgres:// URL");
  });

  it("English and German for people", async () => {
    const env = freshHome();
    const en = await runCli(["engine", "info"], { env });
    expect(en.code).toBe(0);
    expect(en.stdout.split("\n")[0]).toBe(`Sichter engine ${ENGINE_VERSION} (protocol 1)`);
    expect(en.stdout).toContain("Privacy mode: local-only (nothing leaves this machine)");
    expect(en.stdout).toMatch(/\n {2}sichter\.openai-vision\s+OpenAI-compatible vision model\s+cloud\s+disabled\n/);
    expect(en.stdout).toContain(`Folders (SICHTER_HOME=${path.resolve(env.SICHTER_HOME!)}):`);
    expect(en.stdout).toContain(`catalog.sqlite (not created yet; this engine writes schema ${SCHEMA_VERSION})`);
    expect(en.stdout).toMatch(/\n {2}extension storage\s+\S+extension-storage\n/);

    const de = await runCli(["engine", "info"], { env: { ...env, SICHTER_LANG: "de" } });
    expect(de.stdout).toContain("Datenschutzmodus: nur lokal (nichts verlässt diesen Rechner)");
    expect(de.stdout).toMatch(/\n {2}sichter\.google-vision\s+Google Cloud Vision\s+Cloud\s+deaktiviert\n/);
  });

  it.each([
    [["engine"], "sichter engine needs an action: info"],
    [["engine", "start"], 'unknown action "start" (info)'],
    [["engine", "info", "now"], "sichter engine info takes no arguments"],
    [["engine", "info", "--verbose"], "see: sichter engine --help"],
  ])("%j: exit 2 with a usage error", async (args, message) => {
    const r = await runCli(args, { env: freshHome() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^SICHTER_E_USAGE: /);
    expect(r.stderr).toContain(message);
  });

  it("is listed in the help", async () => {
    const r = await runCli(["--help"], { env: freshHome() });
    expect(r.stdout).toMatch(/\n {2}engine info +version, privacy mode and keyword providers/);
    const own = await runCli(["engine", "--help"], { env: freshHome() });
    expect(own.code).toBe(0);
    expect(own.stdout).toContain("no extension is started");
  });
});
