import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobFailedParams, SichterClient } from "@sichter/shared/protocol";
import { makeClip, makeTempDir } from "./fixtures.ts";
import { startEngineOnSmallDisk, type SmallDiskEngine } from "./smallDiskEngine.ts";

/*
 * Real full disks: a tmpfs of the engine's own, filled by the test until the kernel refuses. The
 * clip lives elsewhere, as an editor's media does.
 */

const root = makeTempDir("sichter-disk-full-");
let clip: string;
const engines: SmallDiskEngine[] = [];
const clients: SichterClient[] = [];

beforeAll(async () => {
  clip = await makeClip(path.join(root, "Hochwasser.mp4"), { seconds: 2 });
}, 60_000);
afterAll(async () => {
  for (const client of clients) client.dispose();
  for (const engine of engines) {
    engine.child.kill("SIGTERM");
    await engine.exited;
  }
  fs.rmSync(root, { recursive: true, force: true });
});

async function start(home: string, disk: string): Promise<{ engine: SmallDiskEngine; client: SichterClient }> {
  const engine = await startEngineOnSmallDisk(home, 16 * 1024 * 1024, disk);
  engines.push(engine);
  const client = engine.client();
  clients.push(client);
  await client.request("engine.info", {});
  return { engine, client };
}

/** Sends one request on a socket of its own and collects what arrives, in order, until `until` holds. */
async function conversation(
  engine: SmallDiskEngine,
  request: object,
  until: (messages: Array<Record<string, any>>) => boolean,
) {
  const ws = new WebSocket(`${engine.url}/?token=${engine.token}`);
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  const messages: Array<Record<string, any>> = [];
  try {
    await new Promise<void>((resolve) => {
      ws.on("message", (data) => {
        messages.push(JSON.parse(String(data)));
        if (until(messages)) resolve();
      });
      ws.send(JSON.stringify({ jsonrpc: "2.0", id: 1, ...request }));
    });
  } finally {
    ws.close();
  }
  return messages;
}

function heardEnd(client: SichterClient, jobId: () => string): Promise<{ failed?: JobFailedParams; done?: string }> {
  return new Promise((resolve) => {
    client.onNotification("job.failed", (p) => p.jobId === jobId() && resolve({ failed: p }));
    client.onNotification("job.done", (p) => p.jobId === jobId() && resolve({ done: p.job.state }));
  });
}

describe("engine service with its temporary folder on a full disk", () => {
  const home = path.join(root, "home");
  const temp = path.join(home, "tmp");
  let engine: SmallDiskEngine;
  let client: SichterClient;
  let failedJob = "";

  beforeAll(async () => {
    ({ engine, client } = await start(home, temp));
  }, 60_000);

  it("fails the job with DISK_FULL naming the folder, tells the client after answering it, and job.get says failed", async () => {
    engine.fill();
    const messages = await conversation(
      engine,
      { method: "clip.analyze", params: { path: clip, options: { write: "none" } } },
      (all) => all.some((m) => m.method === "job.failed"),
    );
    // The answer (with the job's id) comes first, even for a job that fails at once.
    expect(messages[0]).toMatchObject({ id: 1, result: { joined: false } });
    const jobId: string = messages[0]!.result.jobId;
    failedJob = jobId;
    const failed = messages.find((m) => m.method === "job.failed")?.params as JobFailedParams;
    expect(failed.jobId).toBe(jobId);
    expect(failed?.error.code).toBe("SICHTER_E_DISK_FULL");
    expect(failed?.error.message).toMatch(
      new RegExp(`^The disk holding ${temp}\\S* is full \\(.*no space left on device`, "i"),
    );
    expect(await client.request("job.get", { jobId })).toMatchObject({
      state: "failed",
      error: { code: "SICHTER_E_DISK_FULL" },
    });
    const log = fs
      .readFileSync(path.join(home, "data", "logs", "engine.log"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(log.find((line) => line.event === "job failed" && line.jobId === jobId)).toMatchObject({
      code: "SICHTER_E_DISK_FULL",
      message: failed?.error.message,
    });
  }, 60_000);

  it("once there is room again, a new request starts a new job that completes; the catalog stays consistent", async () => {
    const catalog = path.join(home, "data", "catalog.sqlite");
    const count = (db: Database.Database) => db.prepare("SELECT COUNT(*) FROM clips WHERE path = ?").pluck().get(clip);
    const before = new Database(catalog, { readonly: true });
    expect(count(before)).toBe(0); // the failed job left no half-recorded clip
    before.close();

    engine.free();
    let jobId = "";
    const end = heardEnd(client, () => jobId);
    const again = await client.request("clip.analyze", { path: clip, options: { write: "none" } });
    jobId = again.jobId;
    expect(again.joined).toBe(false);
    expect(jobId).not.toBe(failedJob);
    expect(await end).toEqual({ done: "completed" });

    const db = new Database(catalog, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.prepare("SELECT state, error_code FROM jobs WHERE id = ?").get(failedJob)).toEqual({
        state: "failed",
        error_code: "SICHTER_E_DISK_FULL",
      });
      expect(count(db)).toBe(1);
    } finally {
      db.close();
    }
  }, 90_000);
});

describe("engine service with its catalog on a full disk", () => {
  it("refuses a new analysis with DISK_FULL naming the catalog, still lists jobs, and takes work again once there is room", async () => {
    const home = path.join(root, "whole-home");
    const { engine, client } = await start(home, home);
    engine.fill();
    const refused = await client.request("clip.analyze", { path: clip, options: { write: "none" } }).then(
      () => undefined,
      (error: { code: string; message: string }) => error,
    );
    expect(refused?.code).toBe("SICHTER_E_DISK_FULL");
    expect(refused?.message).toContain(`The disk holding ${path.join(home, "data", "catalog.sqlite")} is full`);
    expect((await client.request("job.list", {})).jobs).toEqual([]);
    engine.free();
    const accepted = await client.request("clip.analyze", { path: clip, options: { write: "none" } });
    expect(accepted.joined).toBe(false);
    await client.request("job.cancel", { jobId: accepted.jobId });
  }, 60_000);
});
