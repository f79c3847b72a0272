import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/errors";
import { commandOf, descendantPids } from "../../test/engineProcess.ts";
import { makeTempDir } from "../../test/fixtures.ts";
import { ENGINE_VERSION } from "../version.ts";
import { ExtensionRegistry } from "./ExtensionRegistry.ts";
import { extensionDirs } from "./extensionDirs.ts";

const root = makeTempDir("sichter-registry-stop-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A user-installed extension whose command answers with its process id. */
function installPidExtension(home: string): void {
  const folder = path.join(extensionDirs({ SICHTER_HOME: home }).userDir, "pid");
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(
    path.join(folder, "package.json"),
    JSON.stringify({
      name: "pid",
      version: "1.0.0",
      publisher: "test",
      type: "module",
      sichter: {
        engines: { sichter: "^0.1.0" },
        main: "extension.mjs",
        contributes: { commands: [{ command: "test.pid", title: "Process id" }] },
      },
    }),
  );
  fs.writeFileSync(
    path.join(folder, "extension.mjs"),
    `export function activate(context, api) { api.commands.register("test.pid", () => process.pid); }\n`,
  );
}

/** Extension host processes below this test's process. */
function hosts(): string[] {
  return descendantPids(process.pid)
    .map(commandOf)
    .filter((c) => /host(Main|Entry)\.mjs/.test(c));
}

const codeOf = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => "ok",
    (e: { code?: string }) => e.code ?? String(e),
  );

/**
 * A stopping engine stops its extension processes: a call that arrives during or after the stop
 * (a job's background preparation, a panel's command) must not start a new one, which nobody
 * would end and which would keep the engine's process alive after engine.stopped.
 */
describe("a stopped extension registry", () => {
  it("starts no extension process for a call made while it stops or after", async () => {
    const home = path.join(root, "stops");
    installPidExtension(home);
    const registry = ExtensionRegistry.load({
      ...extensionDirs({ SICHTER_HOME: home }),
      engineVersion: ENGINE_VERSION,
    });
    try {
      expect(await registry.executeCommand("test.pid")).toBeTypeOf("number");
      const stopping = registry.stop();
      // The running host is being ended: a call now meets a dead process and would start a new one.
      const during = codeOf(registry.executeCommand("test.pid"));
      await stopping;
      expect(await during).toBe(ErrorCode.SHUTTING_DOWN);
      expect(await codeOf(registry.executeCommand("test.pid"))).toBe(ErrorCode.SHUTTING_DOWN);
      expect(registry.activated).toEqual([]);
      await expect.poll(hosts, { timeout: 10_000 }).toEqual([]);
    } finally {
      registry.dispose();
    }
  }, 60_000);
});
