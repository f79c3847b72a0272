import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { JobQueue, SqliteCatalog, methodHandlers, type AnalysisToRecord } from "@sichter/engine";
import { SichterClient } from "@sichter/shared/protocol";
import { ensureSamples } from "../samples/ensureSamples.ts";
import { idleMemory } from "./idleMemory.ts";
import { buildVocabulary, pickSkewed, seededRandom } from "./search/newsVocabulary.ts";
import { percentile } from "./search/percentile.ts";
import { syntheticTagSet } from "./search/syntheticArchive.ts";

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../engine/bin/sichter.js");

export interface ServiceBenchmarkOptions {
  /** Clips in the catalog searched (default 10,000 with 10 tags each). */
  clips?: number;
  /** Requests per client count and method (default 400). */
  requests?: number;
  /** Clips analysed before the engine's memory at rest is measured (default: two generated 30 s 1080p samples). */
  analyses?: readonly string[];
  /** The engine's SICHTER_EXTENSION_IDLE_SECONDS for the memory measurement (default 10). */
  idleSeconds?: number;
  log?: (line: string) => void;
}

/** Generated samples (`npm run samples`) the memory measurement analyses by default. */
export const IDLE_MEMORY_CLIPS = ["h264-news-1080p25.mp4", "h264-cuts-1080p25.mp4"];

/**
 * Round trips over the engine's WebSocket (a real `sichter serve` child process, real clients)
 * against calling the same handlers in this process, at 1, 10 and 50 concurrent clients. The
 * ratio is what the wire (JSON, validation, a socket hop, the engine's event loop) costs. Then the
 * engine's memory at rest after analyses, before and after its extension processes' idle timeout.
 */
export async function serviceBenchmark(options: ServiceBenchmarkOptions = {}): Promise<string> {
  const clips = options.clips ?? 10_000;
  const requests = options.requests ?? 400;
  const idleSeconds = options.idleSeconds ?? 10;
  const log = options.log ?? (() => {});
  const analyses =
    options.analyses ?? (await ensureSamples({ only: IDLE_MEMORY_CLIPS, log })).samples.map((s) => s.path);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-service-bench-"));
  const catalogFile = path.join(home, "data", "catalog.sqlite");
  let engine: ChildProcess | undefined;
  try {
    const vocabulary = buildVocabulary();
    const random = seededRandom(20261122);
    const catalog = SqliteCatalog.open(catalogFile);
    for (let first = 0; first < clips; first += 1000) {
      const batch: AnalysisToRecord[] = [];
      for (let i = first; i < Math.min(clips, first + 1000); i++) {
        batch.push({
          tagSet: syntheticTagSet(i, 10, vocabulary, random),
          analyzers: [{ id: "bench.synthetic", version: "1" }],
        });
      }
      await catalog.recordAnalyses(batch);
    }
    log(`catalog: ${clips} clips`);

    const started = await startEngine(home, { SICHTER_EXTENSION_IDLE_SECONDS: String(idleSeconds) });
    engine = started.child;
    const queries = Array.from({ length: requests }, () => pickSkewed(seededRandom(requests), vocabulary));
    const queryRandom = seededRandom(11);
    for (let i = 0; i < queries.length; i++) queries[i] = pickSkewed(queryRandom, vocabulary);

    // The same handlers in this process, on the same catalog file.
    const jobs = JobQueue.open(catalog.database, async () => null);
    const handlers = methodHandlers({ catalog, store: catalog.database, jobs, version: "bench", capabilities: [] });
    const inProcess = {
      "engine.info": () => handlers["engine.info"]({}, undefined as never),
      "catalog.search": (q: string) => handlers["catalog.search"]({ query: q }, undefined as never),
    };
    const local = {
      info: time(requests, () => void inProcess["engine.info"]()),
      search: time(requests, (i) => void inProcess["catalog.search"](queries[i]!)),
    };
    jobs.dispose();
    catalog.dispose();

    const lines = [
      `Engine service round trips: ${clips.toLocaleString("en")}-clip catalog, ${requests} requests per method and client count`,
      "",
      "| method | clients | p50 ms | p95 ms | requests/s | in-process p50 ms | ratio p50 |",
      "|---|---|---|---|---|---|---|",
    ];
    for (const count of [1, 10, 50]) {
      const clientsList = Array.from(
        { length: count },
        () =>
          new SichterClient({
            url: started.url,
            token: started.token,
            WebSocket: WebSocket as never,
            reconnect: false,
          }),
      );
      try {
        await Promise.all(clientsList.map((c) => c.request("engine.info", {})));
        for (const [method, baseline] of [
          ["engine.info", local.info],
          ["catalog.search", local.search],
        ] as const) {
          const run = await overWire(clientsList, requests, (client, i) =>
            method === "engine.info"
              ? client.request("engine.info", {})
              : client.request("catalog.search", { query: queries[i]! }),
          );
          const p50 = percentile(run.sorted, 50);
          const base = percentile(baseline, 50);
          lines.push(
            `| ${method} | ${count} | ${p50.toFixed(2)} | ${percentile(run.sorted, 95).toFixed(2)} | ${Math.round(run.perSecond)} | ${base.toFixed(4)} | ${(p50 / base).toFixed(0)}x |`,
          );
          log(`${method} x${count} done`);
        }
      } finally {
        for (const c of clientsList) c.dispose();
      }
    }
    lines.push(
      "",
      "p50/p95 = one request's round trip as its client sees it; with many clients they queue on the engine's single event loop,",
      "so latency grows while requests/s (all clients together) shows the throughput. in-process = the same handler called directly.",
    );
    const client = new SichterClient({
      url: started.url,
      token: started.token,
      WebSocket: WebSocket as never,
      reconnect: false,
      requestTimeoutMs: 60_000,
    });
    try {
      lines.push(
        "",
        ...(await idleMemory({
          enginePid: started.child.pid!,
          client,
          clips: analyses,
          mediaDir: path.join(home, "media"),
          idleSeconds,
          log,
        })),
      );
    } finally {
      client.dispose();
    }
    return lines.join("\n");
  } finally {
    engine?.kill("SIGTERM");
    if (engine) await new Promise((resolve) => engine!.once("exit", resolve));
    fs.rmSync(home, { recursive: true, force: true });
  }
}

function time(count: number, run: (i: number) => void): number[] {
  for (let i = 0; i < Math.min(20, count); i++) run(i); // warm caches and JIT, as the engine's are
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    run(i);
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

/** `total` requests shared among the clients, each client sending its next when the last returns. */
async function overWire(
  clients: readonly SichterClient[],
  total: number,
  send: (client: SichterClient, i: number) => Promise<unknown>,
): Promise<{ sorted: number[]; perSecond: number }> {
  const ms: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let i = next++; i < total; i = next++) {
        const t0 = performance.now();
        await send(client, i);
        ms.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { sorted: ms.sort((a, b) => a - b), perSecond: total / seconds };
}

async function startEngine(
  home: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; url: string; token: string }> {
  const child = spawn(process.execPath, [CLI, "serve", "--port", "0"], {
    env: { ...process.env, ...env, SICHTER_HOME: home, SICHTER_LANG: "en" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ws:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`sichter serve exited with ${code}`)));
  });
  const token = fs.readFileSync(path.join(home, "config", "engine-token"), "utf8").trim();
  return { child, url: `ws://127.0.0.1:${port}`, token };
}
