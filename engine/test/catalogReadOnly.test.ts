import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { afterAll, describe, expect, it } from "vitest";
import { SichterClient } from "@sichter/shared/protocol";
import { makeTempDir } from "./fixtures.ts";
import { CLI } from "./runCli.ts";
import { asUnprivileged, handToUnprivileged } from "./unprivileged.ts";

const root = makeTempDir("sichter-readonly-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const home = path.join(root, "home");
const catalog = path.join(home, "data", "catalog.sqlite");
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), "catalogChild.ts");

/** `sichter serve` as a user whom file modes bind: its port once it listens, or its output once it ended. */
function serve(): Promise<{ port: number; stop: () => Promise<void> } | { exitCode: number | null; output: string }> {
  const child = spawn(process.execPath, [CLI, "serve", "--port", "0"], {
    env: { ...process.env, SICHTER_HOME: home, SICHTER_LANG: "en" },
    stdio: ["ignore", "pipe", "pipe"],
    ...asUnprivileged,
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve({ port: Number(match[1]), stop: async () => void (child.kill("SIGTERM"), await exited) });
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((exitCode) => resolve({ exitCode, output }));
  });
}

/** See catalogChild.ts: `old-open` is what an engine before the check did on a read-only catalog. */
async function catalogChild(mode: "open" | "old-open"): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, mode, catalog], {
    ...asUnprivileged,
    stdio: "ignore",
  });
  await new Promise((resolve) => child.on("exit", resolve));
}

describe("the engine on a read-only catalog", () => {
  it("refuses to start naming the catalog and the fix, then starts and works once the user fixed the mode, despite the -shm an earlier start left", async () => {
    fs.mkdirSync(home, { recursive: true });
    handToUnprivileged(home, root);
    const first = await serve();
    if (!("port" in first)) throw new Error(`the engine did not start: ${first.output}`);
    await first.stop();
    await catalogChild("open"); // one analysed clip, id 1

    fs.chmodSync(catalog, 0o444);
    const refused = await serve();
    if ("port" in refused) {
      await refused.stop();
      throw new Error("the engine started on a read-only catalog");
    }
    expect(refused.exitCode).not.toBe(0);
    expect(refused.output).toContain("SICHTER_E_CATALOG_READ_ONLY");
    expect(refused.output).toContain(
      `${catalog} (the catalog) is read-only (mode 0444): make it writable, e.g. chmod u+w "${catalog}"`,
    );
    expect(fs.readdirSync(path.dirname(catalog)).filter((f) => f.startsWith("catalog"))).toEqual(["catalog.sqlite"]);

    // The trap: an earlier engine started anyway and SQLite made its -wal and -shm read-only.
    await catalogChild("old-open");
    expect(fs.statSync(`${catalog}-shm`).mode & 0o777).toBe(0o444);
    fs.chmodSync(catalog, 0o644);
    const fixed = await serve();
    if (!("port" in fixed)) throw new Error(`the engine did not start after the fix: ${fixed.output}`);
    const token = fs.readFileSync(path.join(home, "config", "engine-token"), "utf8").trim();
    const client = new SichterClient({
      url: `ws://127.0.0.1:${fixed.port}`,
      token,
      WebSocket: WebSocket as never,
      reconnect: false,
      requestTimeoutMs: 20_000,
    });
    try {
      // A write of the catalog itself, as a panel makes one: a tag typed by the editor.
      const tag = await client.request("tags.review", {
        clipId: 1,
        add: { label: "Wahlabend", startFrame: 0, endFrame: 25 },
      });
      expect(tag).toMatchObject({ label: "Wahlabend", status: "accepted" });
      const { results } = await client.request("catalog.search", { query: "Wahlabend" });
      expect(results.map((r) => r.clipId)).toEqual([1]);
    } finally {
      client.dispose();
      await fixed.stop();
    }
    const log = fs.readFileSync(path.join(home, "data", "logs", "engine.log"), "utf8");
    expect(log).toContain("catalog.repaired");
    expect(log).toContain(`${catalog}-shm was read-only`);
  }, 180_000);
});
