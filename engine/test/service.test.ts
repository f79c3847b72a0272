import fs from "node:fs";
import path from "node:path";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProgressValue, SichterClient } from "@sichter/shared/protocol";
import {
  childPids,
  commandOf,
  descendantPids,
  startEngine,
  startEngineWithClient,
  stopEngineWithClient,
  tryConnect,
  type EngineProcess,
} from "./engineProcess.ts";
import { makeClip, makeCutClip, makeTempDir } from "./fixtures.ts";
import { runCli } from "./runCli.ts";
import { defaultSamplesDir } from "../../bench/samples/ensureSamples.ts";

const root = makeTempDir("sichter-service-");
const home = path.join(root, "home");
let engine: EngineProcess;
let client: SichterClient;
let clip: string;

beforeAll(async () => {
  clip = path.join(root, "Landtag Sitzung.mp4");
  await makeCutClip(clip, [60, 60, 60], { size: "640x360" });
  ({ engine, client } = await startEngineWithClient(home));
}, 60_000);
afterAll(async () => {
  await stopEngineWithClient(engine, client);
  fs.rmSync(root, { recursive: true, force: true });
});

/** Raw JSON-RPC over an authenticated socket: for what the typed client would never send. */
async function raw(messages: string[], count = messages.length): Promise<Array<Record<string, any>>> {
  const ws = new WebSocket(`${engine.url}/?token=${engine.token}`);
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  const replies: Array<Record<string, any>> = [];
  const done = new Promise<void>((resolve) =>
    ws.on("message", (data) => {
      const message = JSON.parse(String(data));
      if ("id" in message) replies.push(message);
      if (replies.length >= count) resolve();
    }),
  );
  for (const m of messages) ws.send(m);
  await done;
  ws.close();
  return replies;
}

describe("engine service: who may connect", () => {
  it("keeps its token in a file only the user can read, and `sichter token` prints it", async () => {
    const file = path.join(home, "config", "engine-token");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const printed = await runCli(["token"], { env: { SICHTER_HOME: home } });
    expect(printed.stdout.trim()).toBe(engine.token);
  });

  it("refuses a missing or wrong token and web origins before any method runs; allows CEP, UXP and itself", async () => {
    expect(await tryConnect(engine.url)).toBe(401);
    expect(await tryConnect(`${engine.url}/?token=${"x".repeat(engine.token.length)}`)).toBe(401);
    const withToken = `${engine.url}/?token=${engine.token}`;
    expect(await tryConnect(withToken, { Origin: "https://evil.example" })).toBe(403);
    // `null` (a CEP page, or a sandboxed web page) only with the token: cepOrigin.test.ts.
    expect(await tryConnect(engine.url, { Origin: "null" })).toBe(403);
    expect(await tryConnect(withToken, { Origin: `http://127.0.0.1:${engine.port + 1}` })).toBe(403);
    expect(await tryConnect(withToken, { Host: `evil.example:${engine.port}` })).toBe(403);
    expect(await tryConnect(withToken)).toBe("open");
    expect(await tryConnect(withToken, { Origin: "file://" })).toBe("open");
    expect(await tryConnect(withToken, { Origin: `http://127.0.0.1:${engine.port}` })).toBe("open");
  });

  it("never writes the token into its log", () => {
    const log = fs.readFileSync(path.join(home, "data", "logs", "engine.log"), "utf8");
    expect(log).toContain("connection.refused");
    expect(log).not.toContain(engine.token);
  });
});

describe("engine service: where it listens", () => {
  it("listens on 127.0.0.1 only, never on all addresses", () => {
    // /proc/net/tcp lists listening sockets (state 0A) as hex address:port; 0100007F is 127.0.0.1.
    const hexPort = engine.port.toString(16).toUpperCase().padStart(4, "0");
    const listening = ["/proc/net/tcp", "/proc/net/tcp6"]
      .filter((f) => fs.existsSync(f))
      .flatMap((f) => fs.readFileSync(f, "utf8").split("\n").slice(1))
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[3] === "0A" && cols[1]?.endsWith(`:${hexPort}`))
      .map((cols) => cols[1]!.split(":")[0]);
    expect(listening).toEqual(["0100007F"]);
  });
});

describe("engine service: messages", () => {
  it("answers engine.info: local-only, with the protocol version and the analyzers", async () => {
    const info = await client.request("engine.info", {});
    expect(info).toMatchObject({ name: "sichter-engine", protocolVersion: 1, mode: "local-only" });
    expect(info.capabilities).toEqual(expect.arrayContaining(["sichter.ocr", "sichter.cues", "sichter.motion"]));
  });

  it("answers every malformed message with a stable code and a sentence naming the problem", async () => {
    const [notJson, unknown, badParams, tooLarge] = await raw([
      "{not json",
      JSON.stringify({ jsonrpc: "2.0", id: 1, method: "clip.delete", params: {} }),
      JSON.stringify({ jsonrpc: "2.0", id: 2, method: "clip.analyze", params: { path: 42 } }),
      JSON.stringify({ jsonrpc: "2.0", id: 3, method: "catalog.search", params: { query: "x".repeat(1_100_000) } }),
    ]);
    expect(notJson!.error).toMatchObject({ code: -32700, data: { code: "SICHTER_E_INVALID_REQUEST" } });
    expect(unknown!.error).toMatchObject({ code: -32601, data: { code: "SICHTER_E_METHOD_NOT_FOUND" } });
    expect(badParams!.error.data.code).toBe("SICHTER_E_INVALID_PARAMS");
    expect(badParams!.error.message).toContain("params.path");
    expect(tooLarge!.error.data.code).toBe("SICHTER_E_MESSAGE_TOO_LARGE");
  });

  it("limits the request rate per connection", async () => {
    const messages = Array.from({ length: 1500 }, (_, i) =>
      JSON.stringify({ jsonrpc: "2.0", id: i, method: "engine.info" }),
    );
    const replies = await raw(messages);
    const limited = replies.filter((r) => r.error?.data?.code === "SICHTER_E_RATE_LIMITED");
    expect(limited.length).toBeGreaterThan(0);
    expect(replies.filter((r) => r.result).length).toBeGreaterThanOrEqual(500);
  });

  it("takes only existing regular files to analyse, behind symlinks the real one", async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e: { code: string }) => e.code,
      );
    expect(await code(client.request("clip.analyze", { path: root }))).toBe("SICHTER_E_NOT_A_FILE");
    expect(await code(client.request("clip.analyze", { path: "/dev/null" }))).toBe("SICHTER_E_NOT_A_FILE");
    expect(await code(client.request("clip.analyze", { path: path.join(root, "missing.mp4") }))).toBe(
      "SICHTER_E_FILE_NOT_FOUND",
    );
    const link = path.join(root, "link.mp4");
    const target = path.join(root, "linked-target.mp4");
    await makeClip(target, { seconds: 1 });
    fs.symlinkSync(target, link);
    const { jobId } = await client.request("clip.analyze", { path: link, options: { write: "none" } });
    expect((await client.request("job.get", { jobId })).clipPath).toBe(target);
    await client.request("job.cancel", { jobId });
  });
});

describe("engine service: analysis over the wire", () => {
  let jobId: string;
  const progress: ProgressValue[] = [];
  const stages: string[] = [];

  beforeAll(async () => {
    client.onNotification("job.progress", (p) => stages.push(p.stage));
    let ended: () => void;
    const done = new Promise<void>((resolve) => (ended = resolve));
    ({ jobId } = await client.request(
      "clip.analyze",
      { path: clip, options: { write: "sidecar", language: "de" } },
      {
        onProgress: (v) => {
          progress.push(v);
          if (v.kind === "end") ended();
        },
      },
    ));
    await done;
  }, 180_000);

  it("reports progress in order: begin, growing percentages, end", () => {
    expect(progress[0]?.kind).toBe("begin");
    expect(progress.at(-1)).toMatchObject({ kind: "end", message: "done" });
    const percentages = progress.filter((p) => p.kind === "report").map((p) => p.percentage ?? 0);
    expect(percentages.length).toBeGreaterThan(2);
    expect([...percentages].sort((a, b) => a - b)).toEqual(percentages);
    expect(stages).toEqual(expect.arrayContaining(["probe", "ocr"]));
  });

  it("gives the same result as `sichter analyze --json`, and joins a second request for the same clip", async () => {
    const { job, result } = await client.request("job.result", { jobId });
    expect(job.state).toBe("completed");
    expect(result.written.sidecar).toBe(clip.replace(/\.mp4$/, ".xmp"));
    const cli = await runCli(["analyze", clip, "--json", "--no-write", "--lang", "de"], {
      env: { SICHTER_HOME: path.join(root, "cli-home") },
    });
    expect(cli.code).toBe(0);
    const fromCli = JSON.parse(cli.stdout).clips[0];
    const pick = (t: { label: string; source: string; startFrame: number; endFrame: number }) => [
      t.label,
      t.source,
      t.startFrame,
      t.endFrame,
    ];
    expect(result.tags.map(pick)).toEqual(fromCli.tags.map(pick));
    expect(result.shots.map((s) => s.startFrame)).toEqual(
      fromCli.shots.map((s: { startFrame: number }) => s.startFrame),
    );
  }, 120_000);

  it("tells 50 connected clients that asked for the same clip that its job finished", async () => {
    const clients = Array.from({ length: 50 }, () => engine.client());
    try {
      await Promise.all(clients.map((c) => c.request("engine.info", {})));
      const target = path.join(root, "fifty.mp4");
      await makeClip(target, { seconds: 1 });
      const heard = clients.map(
        (c) =>
          new Promise<string>((resolve) => c.onNotification("job.done", (p) => resolve(`${p.jobId} ${p.job.state}`))),
      );
      const answers = await Promise.all(
        clients.map((c) => c.request("clip.analyze", { path: target, options: { write: "none" } })),
      );
      const id = answers[0]!.jobId;
      expect(answers.filter((a) => a.jobId === id && a.joined)).toHaveLength(49);
      expect(await Promise.all(heard)).toEqual(Array(50).fill(`${id} completed`));
    } finally {
      for (const c of clients) c.dispose();
    }
  }, 120_000);

  it("keeps the result for a client that connects later, and finds the clip in the catalog", async () => {
    const later = engine.client();
    try {
      const { result } = await later.request("job.result", { jobId });
      expect(result.shots).toHaveLength(3);
      // The clip's second shot is colour bars: found by its technical tag.
      const { results } = await later.request("catalog.search", { query: "Farbbalken" });
      expect(results.map((r) => r.file)).toContain(clip);
      const stored = await later.request("catalog.clip", { path: clip });
      expect(stored.shots).toHaveLength(3);
      expect(stored.keyframes.length).toBeGreaterThan(0);
      const tag = stored.tags[0]!;
      const reviewed = await later.request("tags.review", { tagId: tag.id, action: "reject" });
      expect(reviewed.status).toBe("rejected");
      const again = await later.request("catalog.clip", { clipId: stored.clip.id });
      expect(again.tags.find((t) => t.id === tag.id)?.status).toBe("rejected");
      const jobs = await later.request("job.list", { states: ["completed"] });
      expect(jobs.jobs.map((j) => j.id)).toContain(jobId);
    } finally {
      later.dispose();
    }
  });

  it("serves keyframe thumbnails only with the token, and nothing outside their folder", async () => {
    const stored = await client.request("catalog.clip", { path: clip });
    expect(stored.keyframes.length).toBeGreaterThan(0);
    const list = fs
      .readdirSync(path.join(home, "data", "thumbs"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".jpg"));
    const url = `http://127.0.0.1:${engine.port}/thumbnails/${list[0]!.split(path.sep).map(encodeURIComponent).join("/")}`;
    expect((await fetch(url)).status).toBe(401);
    const ok = await fetch(`${url}?token=${engine.token}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/jpeg");
    const escape = await fetch(
      `http://127.0.0.1:${engine.port}/thumbnails/..%2F..%2Fconfig%2Fengine-token?token=${engine.token}`,
    );
    expect(escape.status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${engine.port}/`)).status).toBe(200);
  });
});

describe("engine service: cancel, crash and shutdown", () => {
  let longClip: string;
  beforeAll(async () => {
    // Generated by the suite's global setup; long enough (30 s of 1080p) to cancel mid-run.
    longClip = path.join(defaultSamplesDir(), "h264-news-1080p25.mp4");
  });

  it("cancels a running analysis: job cancelled, ffmpeg gone, temp folder empty", async () => {
    const { jobId } = await client.request("clip.analyze", { path: longClip, options: { write: "none" } });
    await decoding(engine.child.pid!);
    await client.request("job.cancel", { jobId });
    await expect
      .poll(async () => (await client.request("job.get", { jobId })).state, { timeout: 20_000 })
      .toBe("cancelled");
    await expect.poll(() => decoders(engine.child.pid!), { timeout: 10_000 }).toEqual([]);
    const temp = path.join(home, "tmp");
    expect(fs.existsSync(temp) ? fs.readdirSync(temp) : []).toEqual([]);
  }, 60_000);

  it("recovers a job after the engine is SIGKILLed mid-analysis: it runs again and completes", async () => {
    const crashHome = path.join(root, "crash-home");
    const first = await startEngine(crashHome);
    const firstClient = first.client();
    const { jobId } = await firstClient.request("clip.analyze", { path: longClip, options: { write: "none" } });
    await decoding(first.child.pid!);
    first.child.kill("SIGKILL");
    await first.exited;
    firstClient.dispose();

    const second = await startEngine(crashHome);
    const secondClient = second.client();
    try {
      await expect
        .poll(async () => (await secondClient.request("job.get", { jobId })).state, { timeout: 90_000, interval: 500 })
        .toBe("completed");
      const { result } = await secondClient.request("job.result", { jobId });
      expect(result.shots.length).toBeGreaterThan(3);
    } finally {
      secondClient.dispose();
      second.child.kill("SIGTERM");
      await second.exited;
    }
  }, 150_000);

  it("shuts down on SIGTERM with exit 0, ending its children and keeping the job for the next start", async () => {
    const stopHome = path.join(root, "stop-home");
    const first = await startEngine(stopHome);
    const firstClient = first.client();
    const { jobId } = await firstClient.request("clip.analyze", { path: longClip, options: { write: "none" } });
    // Everything below the engine (extension hosts, ffmpeg, exiftool) must end with it.
    const below = await decoding(first.child.pid!);
    expect(below.length).toBeGreaterThan(1);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    firstClient.dispose();
    await expect.poll(() => below.filter((pid) => commandOf(pid) !== ""), { timeout: 10_000 }).toEqual([]);
    const second = await startEngine(stopHome);
    const secondClient = second.client();
    try {
      const job = await secondClient.request("job.get", { jobId });
      expect(["queued", "running"]).toContain(job.state);
      await secondClient.request("job.cancel", { jobId });
    } finally {
      secondClient.dispose();
      second.child.kill("SIGTERM");
      await second.exited;
    }
  }, 90_000);
});

/** ffmpeg and ffprobe runs anywhere below the engine (the analyzers run in extension hosts). */
function decoders(pid: number): string[] {
  return descendantPids(pid)
    .map(commandOf)
    .filter((c) => /ffmpeg|ffprobe/.test(c));
}

/** Waits until an ffmpeg runs below the engine: the analysis is decoding. */
/**
 * Waits until an ffmpeg decodes the clip in an extension's process (the shots extension's), not
 * the engine's own short probe runs (ffprobe, and ffmpeg checking the first frame decodes), and
 * returns everything below the engine at that moment.
 */
async function decoding(pid: number): Promise<number[]> {
  let below: number[] = [];
  await expect
    .poll(
      () => {
        // One scan of the engine's children; an ffmpeg counts only below one of them, so a probe
        // the engine starts between two scans cannot pass for the extension's decode.
        const children = childPids(pid);
        const grandchildren = children.flatMap(descendantPids);
        below = [...children, ...grandchildren];
        return grandchildren.some((p) => /ffmpeg/.test(commandOf(p)));
      },
      { timeout: 30_000, interval: 50 },
    )
    .toBe(true);
  return below;
}
