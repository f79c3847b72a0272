import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import { ENGINE_VERSION } from "../version.ts";
import { ExtensionRegistry } from "./ExtensionRegistry.ts";
import { extensionDirs } from "./extensionDirs.ts";

const root = makeTempDir("sichter-idle-hosts-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/**
 * A user-installed extension whose command answers with its process id and whose deactivate takes
 * `deactivateMs`, announcing its start in its storage folder (so a test can act while it runs).
 */
function installPidExtension(home: string, deactivateMs: number): void {
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
    `import fs from "node:fs";
let storage;
export function activate(context, api) {
  storage = context.storagePath;
  api.commands.register("test.pid", () => process.pid);
}
export async function deactivate() {
  fs.writeFileSync(storage + "/deactivating", String(process.pid));
  await new Promise((resolve) => setTimeout(resolve, ${deactivateMs}));
}
`,
  );
}

function alive(pid: number): boolean {
  return fs.existsSync(`/proc/${pid}`) && !/^\d+ \([^)]*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
}

function load(home: string, idleMs: number): ExtensionRegistry {
  return ExtensionRegistry.load({ ...extensionDirs({ SICHTER_HOME: home }), engineVersion: ENGINE_VERSION, idleMs });
}

describe("extension processes without work", () => {
  it("end after the idle time, and the next call starts a fresh one", async () => {
    const home = path.join(root, "ends");
    installPidExtension(home, 0);
    const registry = load(home, 400);
    try {
      const first = (await registry.executeCommand("test.pid")) as number;
      expect(alive(first)).toBe(true);
      expect(registry.activated).toEqual(["test.pid"]);
      // Still there while work keeps coming, within the idle time.
      for (let i = 0; i < 4; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(await registry.executeCommand("test.pid")).toBe(first);
      }
      await expect.poll(() => alive(first), { timeout: 5_000, interval: 50 }).toBe(false);
      expect(registry.activated).toEqual([]);

      const second = (await registry.executeCommand("test.pid")) as number;
      expect(second).not.toBe(first);
      expect(alive(second)).toBe(true);
    } finally {
      await registry.stop();
    }
  }, 30_000);

  it("never hands out a process that is shutting down: a call during its deactivate gets a new one", async () => {
    const home = path.join(root, "race");
    installPidExtension(home, 1_500);
    const registry = load(home, 300);
    const storage = path.join(extensionDirs({ SICHTER_HOME: home }).storageDir, "test.pid", "deactivating");
    try {
      const first = (await registry.executeCommand("test.pid")) as number;
      await expect.poll(() => fs.existsSync(storage), { timeout: 5_000, interval: 10 }).toBe(true);
      // The old process is deactivating right now; the next call must not meet it.
      expect(alive(first)).toBe(true);
      const second = (await registry.executeCommand("test.pid")) as number;
      expect(second).not.toBe(first);
      expect(alive(first)).toBe(true);
      await expect.poll(() => alive(first), { timeout: 5_000, interval: 50 }).toBe(false);
      expect(await registry.executeCommand("test.pid")).toBe(second);
    } finally {
      await registry.stop();
    }
  }, 30_000);

  it("stay while the idle time is 0 (off)", async () => {
    const home = path.join(root, "off");
    installPidExtension(home, 0);
    const registry = load(home, 0);
    try {
      const first = (await registry.executeCommand("test.pid")) as number;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(alive(first)).toBe(true);
      expect(await registry.executeCommand("test.pid")).toBe(first);
    } finally {
      await registry.stop();
    }
  }, 30_000);
});
