import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEngine } from "./engineProcess.ts";
import { makeClip, makeTempDir } from "./fixtures.ts";
import { runCli } from "./runCli.ts";

const root = makeTempDir("sichter-extensions-");
const home = path.join(root, "home");
const env = { SICHTER_HOME: home };
/** Every capability of the engine is an extension; these ship with it (engine/extensions/). */
const BUILTINS = [
  "sichter.cues",
  "sichter.exports",
  "sichter.google-vision",
  "sichter.motion",
  "sichter.ocr",
  "sichter.openai-vision",
  "sichter.shots",
  "sichter.xmp",
];
let clip: string;
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Writes a third-party extension (plain JavaScript, as shipped) with one analyzer or one command. */
function writeExtension(
  name: string,
  options: {
    analyzer?: string;
    command?: string;
    commandBody?: string;
    permissions?: string[];
    limits?: Record<string, number>;
    activation?: string;
  },
): string {
  const folder = path.join(root, "src", name);
  fs.mkdirSync(folder, { recursive: true });
  const contributes =
    options.analyzer !== undefined
      ? { analyzers: [{ id: `test.${name}`, title: name, ...options.limits }] }
      : { commands: [{ command: `test.${name}`, title: name }] };
  fs.writeFileSync(
    path.join(folder, "package.json"),
    JSON.stringify({
      name,
      version: "1.0.0",
      publisher: "test",
      sichter: {
        engines: { sichter: "^0.1.0" },
        main: "extension.mjs",
        contributes,
        ...(options.permissions && { permissions: options.permissions }),
      },
    }),
  );
  // Every activation leaves a mark in the extension's storage: that is how laziness is proven.
  fs.writeFileSync(
    path.join(folder, "extension.mjs"),
    `import fs from "node:fs";
export function activate(context, api) {
  fs.writeFileSync(context.storagePath + "/activated", String(Date.now()));
  ${options.command !== undefined ? `api.commands.register("test.${name}", (...args) => ({ ${options.command}, args }));` : ""}
  ${options.commandBody !== undefined ? `api.commands.register("test.${name}", async (...args) => {\n${options.commandBody}\n});` : ""}
  ${options.analyzer !== undefined ? `api.analyzers.register("test.${name}", { async analyze(input, progress, token) {\n${options.analyzer}\n} });` : ""}
}
`,
  );
  return folder;
}

const activated = (id: string): boolean => fs.existsSync(path.join(home, "data", "extension-storage", id, "activated"));

beforeAll(async () => {
  clip = path.join(root, "clip.mp4");
  // Two keyframes, so shots run in fast mode and keep keyframe pictures for the analyzers.
  await makeClip(clip, {
    seconds: 2,
    codecArgs: ["-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p"],
  });
}, 60_000);

describe("sichter extensions", () => {
  it("installs, lists, disables, enables and uninstalls an extension", async () => {
    const folder = writeExtension("roundtrip", { analyzer: "return { tags: [] };" });
    expect((await runCli(["extensions", "install", folder], { env })).stdout).toContain(
      "Installed test.roundtrip 1.0.0",
    );
    const installed = async () =>
      (
        JSON.parse((await runCli(["extensions", "list", "--json"], { env })).stdout).extensions as Array<{
          id: string;
          builtin: boolean;
          enabled: boolean;
        }>
      ).filter((e) => !e.builtin);
    const listed = JSON.parse((await runCli(["extensions", "list", "--json"], { env })).stdout);
    const builtins = listed.extensions.filter((e: { builtin: boolean }) => e.builtin);
    expect(builtins.map((e: { id: string }) => e.id)).toEqual(BUILTINS);
    // Cloud keyword providers wait for the user's "enable": local-only is the default.
    expect(builtins.filter((e: { enabled: boolean }) => !e.enabled).map((e: { id: string }) => e.id)).toEqual([
      "sichter.google-vision",
      "sichter.openai-vision",
    ]);
    expect(await installed()).toEqual([
      expect.objectContaining({ id: "test.roundtrip", enabled: true, builtin: false }),
    ]);
    await runCli(["extensions", "disable", "test.roundtrip"], { env });
    expect((await installed())[0]!.enabled).toBe(false);
    await runCli(["extensions", "enable", "test.roundtrip"], { env });
    expect((await installed())[0]!.enabled).toBe(true);
    expect((await runCli(["extensions", "uninstall", "test.roundtrip"], { env })).code).toBe(0);
    expect(await installed()).toEqual([]);
    const missing = await runCli(["extensions", "uninstall", "test.roundtrip"], { env });
    expect(missing.stderr).toContain("SICHTER_E_EXTENSION_NOT_FOUND");
  });

  it("refuses to install a broken manifest, naming the field and what was expected", async () => {
    const folder = writeExtension("broken", { analyzer: "return { tags: [] };" });
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8"));
    manifest.sichter.contributes.analyzers[0].timeoutSeconds = "soon";
    fs.writeFileSync(path.join(folder, "package.json"), JSON.stringify(manifest));
    const result = await runCli(["extensions", "install", folder], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("SICHTER_E_EXTENSION_MANIFEST_INVALID");
    expect(result.stderr).toContain("sichter.contributes.analyzers[0].timeoutSeconds");
  });
});

describe("extensions in sichter analyze", () => {
  let output: {
    clips: Array<{
      tags: Array<{ label: string; source: string }>;
      failures: Array<{ analyzer: string; code: string }>;
    }>;
  };
  let code: number | null;

  beforeAll(async () => {
    const install = async (folder: string) =>
      expect((await runCli(["extensions", "install", folder], { env })).code).toBe(0);
    await install(
      writeExtension("labeller", {
        analyzer: `
      const [frame] = await input.frames.rgb(0, 16);
      progress.report({ fraction: 1 });
      const keys = await Promise.all(input.media.keyframes.map(async (k) => (await input.frames.rgb(k, 64))[0]));
      const pictures = keys.length + " Schlüsselbilder " + [...new Set(keys.map((p) => p.width + "x" + p.height))].join(",");
      const run = await input.frames.rgb(input.media.keyframes[1], 64, 6);
      const runs = run.length + " Bilder " + run[0].width + "x" + run[0].height;
      const files = input.frameStore ? "Bildablage " + input.frameStore.pictures.map((p) => p.file).join(",") : "keine Bildablage";
      return { tags: [
        { label: "Bild " + frame.width + "px", confidence: 0.8, startFrame: 0, endFrame: input.media.frameCount },
        { label: pictures + " von " + input.media.keyframes.length, confidence: 0.8, startFrame: 0, endFrame: input.media.frameCount },
        { label: "Läufe " + runs, confidence: 0.8, startFrame: 0, endFrame: input.media.frameCount },
        { label: files, confidence: 0.8, startFrame: 0, endFrame: input.media.frameCount },
      ] };`,
      }),
    );
    await install(writeExtension("thrower", { analyzer: `throw new Error("model file is corrupt");` }));
    await install(writeExtension("hanger", { analyzer: "for (;;) {}", limits: { timeoutSeconds: 3 } }));
    await install(
      writeExtension("hoarder", {
        analyzer: "const hoard = []; for (;;) hoard.push(new Array(1e5).fill({ x: Math.random() }));",
        limits: { memoryMb: 48 },
      }),
    );
    await install(writeExtension("commandonly", { command: "x" }));
    await install(writeExtension("switchedoff", { analyzer: "return { tags: [] };" }));
    await runCli(["extensions", "disable", "test.switchedoff"], { env });
    const result = await runCli(["analyze", clip, "--json", "--no-write"], { env });
    code = result.code;
    output = JSON.parse(result.stdout);
  }, 180_000);

  it("adds a third-party analyzer's tags next to the built-ins'", () => {
    const tags = output.clips[0]!.tags;
    expect(tags).toEqual(expect.arrayContaining([expect.objectContaining({ label: "Bild 16px", source: "vision" })]));
    expect(tags.some((t) => t.source === "technical" || t.source === "motion")).toBe(true);
  });

  it("answers every analyzer's frames, the shot step's keyframe pictures among them, one per keyframe", () => {
    expect(output.clips[0]!.tags.map((t) => t.label)).toContain("2 Schlüsselbilder 64x36 von 2");
    expect(output.clips[0]!.tags.map((t) => t.label)).toContain("Läufe 6 Bilder 64x36");
  });

  it("keeps the job folder's frame store from third-party analyzers, which may not read it", () => {
    expect(output.clips[0]!.tags.map((t) => t.label)).toContain("keine Bildablage");
  });

  it("stops a throwing, a hanging and a memory-hungry extension, each reported with its code", () => {
    const failures = Object.fromEntries(output.clips[0]!.failures.map((f) => [f.analyzer, f.code]));
    expect(failures).toEqual({
      "test.thrower": "SICHTER_E_EXTENSION_FAILED",
      "test.hanger": "SICHTER_E_EXTENSION_TIMEOUT",
      "test.hoarder": "SICHTER_E_EXTENSION_OUT_OF_MEMORY",
    });
    expect(code).toBe(1);
  });

  it("never loads an extension whose contributions the analysis does not need, or a disabled one", () => {
    expect(activated("test.labeller")).toBe(true);
    expect(activated("test.commandonly")).toBe(false);
    expect(activated("test.switchedoff")).toBe(false);
  });
});

describe("extensions over the engine's protocol", () => {
  it("lists extensions and their commands, and runs a command in its extension", async () => {
    const serviceHome = path.join(root, "service-home");
    const install = await runCli(["extensions", "install", writeExtension("tools", { command: "greeting: 'hallo'" })], {
      env: { SICHTER_HOME: serviceHome },
    });
    expect(install.code).toBe(0);
    const engine = await startEngine(serviceHome);
    const client = engine.client();
    try {
      const { extensions } = await client.request("extensions.list", {});
      expect(extensions.filter((e) => !e.builtin)).toEqual([
        expect.objectContaining({ id: "test.tools", enabled: true, contributes: { commands: ["test.tools"] } }),
      ]);
      expect(extensions.filter((e) => e.builtin).map((e) => e.id)).toEqual(BUILTINS);
      const { commands } = await client.request("commands.list", {});
      expect(commands.map((c: { command: string }) => c.command)).toEqual([
        "sichter.export.csv",
        "sichter.export.edl",
        "sichter.export.json",
        "test.tools",
      ]);
      expect(commands).toContainEqual({ command: "test.tools", title: "tools", extensionId: "test.tools" });
      // A built-in's own error code travels from its process through the engine to the panel.
      await expect(
        client.request("commands.execute", { command: "sichter.export.edl", args: [{ clip: 999_999 }] }),
      ).rejects.toMatchObject({ code: "SICHTER_E_NOT_IN_CATALOG" });
      const { result } = await client.request("commands.execute", { command: "test.tools", args: [42] });
      expect(result).toEqual({ greeting: "hallo", args: [42] });
      await expect(client.request("commands.execute", { command: "test.nothing" })).rejects.toMatchObject({
        code: "SICHTER_E_EXTENSION_NOT_FOUND",
      });
    } finally {
      client.dispose();
      engine.child.kill("SIGTERM");
      await engine.exited;
    }
  }, 60_000);

  it('lets a third party\'s command read the catalog through the engine only with the "catalog" permission', async () => {
    const serviceHome = path.join(root, "catalog-home");
    const reader = writeExtension("reader", {
      commandBody: 'return api.catalog.plan(Number(args[0]), "de");',
      permissions: ["catalog"],
    });
    const plain = writeExtension("plain", {
      commandBody: "return { catalog: api.catalog === undefined ? 'none' : 'offered' };",
    });
    for (const folder of [reader, plain])
      expect((await runCli(["extensions", "install", folder], { env: { SICHTER_HOME: serviceHome } })).code).toBe(0);
    const engine = await startEngine(serviceHome);
    const client = engine.client();
    try {
      // The request reached the engine's catalog, from a process under the permission model.
      // (A third party's failure reaches the panel as its extension's failure, with the engine's words.)
      await expect(
        client.request("commands.execute", { command: "test.reader", args: [424_242] }),
      ).rejects.toMatchObject({
        code: "SICHTER_E_EXTENSION_FAILED",
        message: expect.stringContaining("Not in the catalog: clip 424242"),
      });
      expect((await client.request("commands.execute", { command: "test.plain", args: [] })).result).toEqual({
        catalog: "none",
      });
    } finally {
      client.dispose();
      engine.child.kill("SIGTERM");
      await engine.exited;
    }
  }, 60_000);
});
