import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandOf, descendantPids, startEngine, type EngineProcess } from "./engineProcess.ts";
import { makeCutClip, makeTempDir } from "./fixtures.ts";

/**
 * `sichter serve` ends after SIGTERM whatever its clients do: a panel page that holds keep-alive
 * connections, a WebSocket whose peer no longer reads (a browser on a loaded machine), a video
 * element that stopped reading its /media stream, a job subscription and a running analysis.
 * Seen in the panel e2e: the engine logged engine.stopped and its process stayed.
 */
const EXIT_LIMIT_MS = 20_000;
const root = makeTempDir("sichter-shutdown-");
const media = path.join(root, "Rohmaterial");
let clip: string;
/** Clients and sockets a test leaves to be closed whatever its outcome. */
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  fs.mkdirSync(media);
  clip = path.join(media, "Landtag Sitzung.mp4");
  await makeCutClip(clip, [150, 150, 150], { size: "640x360" });
  // Far more than the socket buffers hold: a reader that stops leaves the response mid-body.
  const big = path.join(media, "Archiv.mp4");
  fs.writeFileSync(big, "");
  fs.truncateSync(big, 256 * 1024 * 1024);
}, 60_000);
afterAll(() => {
  for (const close of cleanups.splice(0)) close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("engine shutdown", () => {
  it("exits with 0 soon after SIGTERM while a page holds keep-alive connections, a stalled /media stream and a WebSocket that no longer reads", async () => {
    const engine = await startEngine(path.join(root, "clients-home"), ["--media", media, "--verbose"]);
    try {
      const agent = new http.Agent({ keepAlive: true });
      cleanups.push(() => agent.destroy());
      // The panel page itself: fetched over a connection the browser keeps open.
      await get(agent, `http://127.0.0.1:${engine.port}/health`);
      // A video element that read the first bytes and then stopped reading.
      const stream = await get(
        agent,
        `http://127.0.0.1:${engine.port}/media/${encodeURIComponent(path.join(media, "Archiv.mp4"))}?token=${engine.token}`,
        { range: "bytes=0-" },
        false,
      );
      stream.pause();
      // A page whose WebSocket no longer reads: it will never answer the engine's close frame.
      const frozen = await openSocket(engine);
      cleanups.push(() => frozen.terminate());
      frozen.pause();

      expect(await stopWithin(engine, EXIT_LIMIT_MS)).toBe(0);
      // Ended by closing what it owns, not by the last-resort exit.
      expect(engine.output()).not.toContain("engine.exit.forced");
    } finally {
      engine.child.kill("SIGKILL");
    }
  }, 120_000);

  it("exits with 0 soon after SIGTERM during an analysis, with a job subscription open; the job is kept for the next start", async () => {
    const home = path.join(root, "busy-home");
    const engine = await startEngine(home, ["--verbose"]);
    const starter = engine.client();
    const subscriber = engine.client();
    cleanups.push(() => (starter.dispose(), subscriber.dispose()));
    let jobId: string;
    try {
      ({ jobId } = await starter.request("clip.analyze", { path: clip, options: { write: "none" } }));
      await subscriber.request("job.subscribe", { jobId });
      await expect
        .poll(async () => (await starter.request("job.get", { jobId })).state, { timeout: 60_000, interval: 200 })
        .toBe("running");
      const below = descendantPids(engine.child.pid!);
      expect(await stopWithin(engine, EXIT_LIMIT_MS)).toBe(0);
      expect(engine.output()).not.toContain("engine.exit.forced");
      await expect.poll(() => below.filter((pid) => commandOf(pid) !== ""), { timeout: 10_000 }).toEqual([]);
    } finally {
      engine.child.kill("SIGKILL");
    }
    const next = await startEngine(home);
    const client = next.client();
    try {
      expect(["queued", "running"]).toContain((await client.request("job.get", { jobId })).state);
      await client.request("job.cancel", { jobId });
    } finally {
      client.dispose();
      next.child.kill("SIGTERM");
      await next.exited;
    }
  }, 180_000);

  it("exits with 0 soon after SIGTERM while the OCR thread reads frames, leaving no process behind", async () => {
    const engine = await startEngine(path.join(root, "ocr-home"), ["--verbose"]);
    const client = engine.client();
    cleanups.push(() => client.dispose());
    try {
      const { jobId } = await client.request("clip.analyze", { path: clip, options: { write: "none" } });
      await expect
        .poll(async () => (await client.request("job.get", { jobId })).stage, { timeout: 90_000, interval: 100 })
        .toBe("ocr");
      const below = descendantPids(engine.child.pid!);
      expect(await stopWithin(engine, EXIT_LIMIT_MS)).toBe(0);
      expect(engine.output()).not.toContain("engine.exit.forced");
      await expect.poll(() => below.filter((pid) => commandOf(pid) !== ""), { timeout: 10_000 }).toEqual([]);
    } finally {
      engine.child.kill("SIGKILL");
    }
  }, 180_000);
});

/** SIGTERM, then the exit code, or "hung" (and the engine killed) when it has not ended within `limitMs`. */
async function stopWithin(engine: EngineProcess, limitMs: number): Promise<number | null | "hung"> {
  engine.child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const exited = await Promise.race([
    engine.exited,
    new Promise<"hung">((resolve) => (timer = setTimeout(() => resolve("hung"), limitMs))),
  ]);
  clearTimeout(timer);
  if (exited === "hung") {
    console.warn(
      `no exit ${limitMs / 1000} s after SIGTERM; still below it: ${descendantPids(engine.child.pid!).map(commandOf).join("; ")}\n${tail(engine)}`,
    );
    engine.child.kill("SIGKILL");
    await engine.exited;
  }
  return exited;
}

function get(
  agent: http.Agent,
  url: string,
  headers: Record<string, string> = {},
  drain = true,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      if (!drain) return resolve(res);
      res.resume();
      res.on("end", () => resolve(res));
    });
    req.on("error", reject);
  });
}

function openSocket(engine: EngineProcess): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${engine.url}/?token=${engine.token}`);
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

/** The engine's last lines, to say where it stayed. */
function tail(engine: EngineProcess): string {
  return engine.output().split("\n").slice(-30).join("\n");
}
