import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEngine, type EngineProcess } from "./engineProcess.ts";
import { makeTempDir } from "./fixtures.ts";
import { runCli } from "./runCli.ts";

const root = makeTempDir("sichter-engine-lock-");
const running: EngineProcess[] = [];
let homes = 0;

afterAll(async () => {
  for (const engine of running) {
    engine.child.kill("SIGTERM");
    await engine.exited;
  }
  fs.rmSync(root, { recursive: true, force: true });
});

function freshHome(): string {
  return path.join(root, `home${homes++}`);
}

const runtimeFile = (home: string) => path.join(home, "data", "engine.json");

async function started(home: string): Promise<EngineProcess> {
  const engine = await startEngine(home);
  running.push(engine);
  return engine;
}

async function stop(engine: EngineProcess): Promise<number | null> {
  engine.child.kill("SIGTERM");
  running.splice(running.indexOf(engine), 1);
  return engine.exited;
}

/** The pid of a process that has ended: what a crashed engine leaves in its runtime file. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("one engine per SICHTER_HOME", () => {
  it("refuses a second engine, naming the running one's pid and port; the first one keeps working", async () => {
    const home = freshHome();
    const first = await started(home);
    expect(JSON.parse(fs.readFileSync(runtimeFile(home), "utf8"))).toMatchObject({
      pid: first.child.pid,
      port: first.port,
    });

    const second = await runCli(["serve", "--port", "0"], { env: { SICHTER_HOME: home } });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("SICHTER_E_ENGINE_ALREADY_RUNNING");
    expect(second.stderr).toContain(`pid ${first.child.pid}, port ${first.port}`);

    const client = first.client();
    try {
      expect((await client.request("engine.info", {})).name).toBe("sichter-engine");
    } finally {
      client.dispose();
    }
  }, 60_000);

  it("of two engines started at once on one home, exactly one runs", async () => {
    const home = freshHome();
    const outcomes = await Promise.allSettled([startEngine(home), startEngine(home)]);
    const winners = outcomes
      .filter((o): o is PromiseFulfilledResult<EngineProcess> => o.status === "fulfilled")
      .map((o) => o.value);
    running.push(...winners);
    expect(winners).toHaveLength(1);
    const loser = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(String(loser.reason)).toContain("SICHTER_E_ENGINE_ALREADY_RUNNING");
    expect(String(loser.reason)).toContain(`pid ${winners[0]!.child.pid}`);
  }, 60_000);

  it("removes its runtime file on a graceful stop", async () => {
    const home = freshHome();
    const engine = await started(home);
    expect(fs.existsSync(runtimeFile(home))).toBe(true);
    expect(await stop(engine)).toBe(0);
    expect(fs.existsSync(runtimeFile(home))).toBe(false);
  }, 60_000);

  it("takes over the file a killed engine left, also when two engines start at once on it", async () => {
    const home = freshHome();
    const killed = await started(home);
    killed.child.kill("SIGKILL");
    await killed.exited;
    running.splice(running.indexOf(killed), 1);
    expect(fs.existsSync(runtimeFile(home))).toBe(true);
    const next = await started(home);
    expect(JSON.parse(fs.readFileSync(runtimeFile(home), "utf8")).pid).toBe(next.child.pid);
    await stop(next);

    fs.writeFileSync(
      runtimeFile(home),
      JSON.stringify({ pid: deadPid(), port: 1, version: "0.0.1", startedAt: "2020-01-01T00:00:00.000Z" }),
    );
    const outcomes = await Promise.allSettled([startEngine(home), startEngine(home)]);
    const winners = outcomes
      .filter((o): o is PromiseFulfilledResult<EngineProcess> => o.status === "fulfilled")
      .map((o) => o.value);
    running.push(...winners);
    expect(winners).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(runtimeFile(home), "utf8")).pid).toBe(winners[0]!.child.pid);
    expect(fs.readdirSync(path.join(home, "data")).filter((f) => f.startsWith("engine.json."))).toEqual([]);
  }, 60_000);

  it("`sichter engine info` says whether the engine runs and on which port", async () => {
    const home = freshHome();
    const before = await runCli(["engine", "info"], { env: { SICHTER_HOME: home } });
    expect(before.stdout).toContain("Engine: not running");
    const engine = await started(home);
    const during = await runCli(["engine", "info", "--json"], { env: { SICHTER_HOME: home } });
    expect(JSON.parse(during.stdout).engine).toMatchObject({
      state: "running",
      pid: engine.child.pid,
      port: engine.port,
    });
    const text = await runCli(["engine", "info"], { env: { SICHTER_HOME: home } });
    expect(text.stdout).toContain(`Engine: running on ws://127.0.0.1:${engine.port} (pid ${engine.child.pid}`);
    await stop(engine);
    const after = await runCli(["engine", "info", "--json"], { env: { SICHTER_HOME: home } });
    expect(JSON.parse(after.stdout).engine).toEqual({ state: "not-running" });
  }, 60_000);

  it("`sichter engine info` tells a live process that does not answer apart from a running engine", async () => {
    const home = freshHome();
    fs.mkdirSync(path.join(home, "data"), { recursive: true });
    // This test's own process lives, and nothing listens on a port it just closed.
    const server = (await import("node:net")).createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)),
    );
    await new Promise((resolve) => server.close(resolve));
    fs.writeFileSync(
      runtimeFile(home),
      JSON.stringify({ pid: process.pid, port, version: "0.1.0", startedAt: "2026-01-01T00:00:00.000Z" }),
    );
    const info = await runCli(["engine", "info", "--json"], { env: { SICHTER_HOME: home } });
    expect(JSON.parse(info.stdout).engine).toMatchObject({ state: "not-responding", pid: process.pid, port });
  });
});
