import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { TagSet } from "@sichter/shared/model";
import { runTool, SqliteCatalog, type AnalysisToRecord } from "@sichter/engine";
import { PostgresCatalog } from "../../engine/src/catalog/postgres/PostgresCatalog.ts";
import { searchWords } from "../../engine/src/catalog/postgres/postgresRecordAnalysis.ts";
import { QueueWorker } from "../../engine/src/jobs/postgres/QueueWorker.ts";
import { PathMapping } from "../../engine/src/jobs/postgres/PathMapping.ts";
import { SharedJobQueue } from "../../engine/src/jobs/postgres/SharedJobQueue.ts";
import { CancellationTokenSource } from "../../engine/src/core/Cancellation.ts";
import { startPostgresCluster, type PostgresCluster } from "../../engine/test/postgresCluster.ts";
import { makeQueries } from "./searchBenchmark.ts";
import { buildVocabulary, seededRandom } from "./search/newsVocabulary.ts";
import { percentile } from "./search/percentile.ts";
import { processTreeCpuSeconds } from "./procTable.ts";
import { syntheticTagSet } from "./search/syntheticArchive.ts";

/** The benchmark's three parts; each can be run alone (`--part`). */
export const NEWSROOM_PARTS = ["search", "queue", "workers"] as const;
export type NewsroomPart = (typeof NEWSROOM_PARTS)[number];

export interface NewsroomBenchmarkOptions {
  /** Clips in the synthetic archive (default 100,000, with 10 tags each: 1,000,000 tags). */
  readonly clips?: number;
  /** The parts to run (default all). */
  readonly parts?: readonly NewsroomPart[];
  readonly log?: (line: string) => void;
}

const TAGS_PER_CLIP = 10;
const SQLITE_BATCH = 1000;
const PG_BATCH = 5000;
const QUERIES = 400;
/**
 * Clips of the worker batch: equal work, different content (one job each). Enough that the batch's
 * end, where one worker waits for the other's last job, weighs little (8 left 7 % of it idle).
 */
const WORKER_CLIPS = 16;
const OVERHEAD_JOBS = 200;
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../engine/bin/sichter.js");
const ANALYZERS = [{ id: "bench.synthetic", version: "1" }];
const JOB_PARAMS = { write: "none", language: "de" };

/**
 * The newsroom's targets, measured in one run on a throwaway PostgreSQL cluster (Debian's server,
 * durability settings off as for the tests): search latency over the same generated archive on
 * PostgreSQL and SQLite side by side, throughput of 2 `sichter worker` processes against 1 (each
 * pinned to one core with taskset), and what the shared queue adds to each job.
 */
export async function newsroomBenchmark(options: NewsroomBenchmarkOptions = {}): Promise<string> {
  const clips = options.clips ?? 100_000;
  const parts = new Set(options.parts ?? NEWSROOM_PARTS);
  const log = options.log ?? (() => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-newsroom-bench-"));
  const cluster = await startPostgresCluster();
  try {
    const lines: string[] = [];
    if (parts.has("search")) lines.push(...formatSearch(await searchSideBySide(cluster, dir, clips, log), clips), "");
    if (parts.has("workers")) lines.push(...formatThroughput(await workerThroughput(cluster, dir, log)), "");
    if (parts.has("queue")) lines.push(...formatOverhead(await queueOverhead(cluster, log)));
    return lines.join("\n").trimEnd();
  } finally {
    await cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (v: number): string => v.toFixed(2);

function formatSearch(search: SearchTimings, clips: number): string[] {
  return [
    `Newsroom benchmark: ${clips.toLocaleString("en")} clips, ${(clips * TAGS_PER_CLIP).toLocaleString("en")} tags + ${clips.toLocaleString("en")} OCR lines, the same archive on both backends`,
    `load: SQLite ${search.sqliteLoadSeconds.toFixed(1)} s (the catalog's write path, ${SQLITE_BATCH} clips per transaction), PostgreSQL ${search.pgLoadSeconds.toFixed(1)} s (bulk unnest inserts, index built after)`,
    `${QUERIES} searches each, the same queries in the same order`,
    "",
    "| queries | n | SQLite p50 ms | SQLite p95 ms | PostgreSQL p50 ms | PostgreSQL p95 ms | target p95 |",
    "|---|---|---|---|---|---|---|",
    ...[...search.sqlite.keys()].map((category) => {
      const a = [...search.sqlite.get(category)!].sort((x, y) => x - y);
      const b = [...search.pg.get(category)!].sort((x, y) => x - y);
      return `| ${category} | ${a.length} | ${ms(percentile(a, 50))} | ${ms(percentile(a, 95))} | ${ms(percentile(b, 50))} | ${ms(percentile(b, 95))} | ${category === "all" ? "≤ 20" : ""} |`;
    }),
  ];
}

function formatThroughput(throughput: { one: Batch; two: Batch }): string[] {
  return [
    `Workers: ${WORKER_CLIPS} clips per batch, each worker pinned to one core (taskset; of ${os.availableParallelism()}) and warmed up by one job of its own before the batch, runs of 1, 2, 2 and 1 workers added up per count`,
    "",
    "| workers | clips | jobs per worker | mean job s | workers busy | wall s | clips/min | CPU s per job | CPU share per worker | speed-up | load average | target |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...(
      [
        [1, throughput.one],
        [2, throughput.two],
      ] as const
    ).map(
      ([count, b]) =>
        `| ${count} | ${WORKER_CLIPS * 2} | ${b.split.join(" + ")} | ${b.jobSeconds.toFixed(1)} | ${Math.round(b.busy * 100)} % | ${b.seconds.toFixed(1)} | ${(((WORKER_CLIPS * 2) / b.seconds) * 60).toFixed(1)} | ${(b.cpuSeconds / (WORKER_CLIPS * 2)).toFixed(2)} | ${Math.round((b.cpuSeconds / (b.seconds * count)) * 100)} % | ${(throughput.one.seconds / b.seconds).toFixed(2)}x | ${b.load.toFixed(1)} | ${count === 2 ? "≥ 1.8x" : ""} |`,
    ),
    `With a free core for each worker (the same CPU per job, each worker's whole core): ${(
      (2 * throughput.one.cpuSeconds) /
      throughput.two.cpuSeconds
    ).toFixed(2)}x — derived from the CPU each job used, not timed.`,
  ];
}

function formatOverhead(overhead: { p50: number; p95: number; mean: number }): string[] {
  return [
    `queue overhead per job (queued by an engine → taken by a worker by NOTIFY → lease, first progress, end → the engine hears the end), ${OVERHEAD_JOBS} jobs one after another with no work:`,
    `p50 ${ms(overhead.p50)} ms, p95 ${ms(overhead.p95)} ms, mean ${ms(overhead.mean)} ms (target < 50 ms)`,
  ];
}

interface SearchTimings {
  readonly sqlite: Map<string, number[]>;
  readonly pg: Map<string, number[]>;
  readonly sqliteLoadSeconds: number;
  readonly pgLoadSeconds: number;
}

async function searchSideBySide(
  cluster: PostgresCluster,
  dir: string,
  clips: number,
  log: (line: string) => void,
): Promise<SearchTimings> {
  const vocabulary = buildVocabulary();
  const url = await cluster.createDatabase("search_bench");
  // The catalog creates its schema; the archive then goes in in bulk.
  const pgCatalog = await PostgresCatalog.open(url);
  const file = path.join(dir, "catalog.sqlite");
  const sqlite = SqliteCatalog.open(file);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  let sqliteMs = 0;
  let pgMs = 0;
  try {
    // The keys index is built after the bulk load, as the catalog's schema defines it.
    const index = await pool.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_docs_keys'",
    );
    await pool.query("DROP INDEX search_docs_keys");
    const random = seededRandom(20261122);
    for (let first = 0; first < clips; first += PG_BATCH) {
      const batch: TagSet[] = [];
      for (let i = first; i < Math.min(clips, first + PG_BATCH); i++)
        batch.push(syntheticTagSet(i, TAGS_PER_CLIP, vocabulary, random));
      let t0 = performance.now();
      for (let k = 0; k < batch.length; k += SQLITE_BATCH) {
        await sqlite.recordAnalyses(
          batch.slice(k, k + SQLITE_BATCH).map((tagSet): AnalysisToRecord => ({ tagSet, analyzers: ANALYZERS })),
        );
      }
      sqliteMs += performance.now() - t0;
      t0 = performance.now();
      await bulkInsert(pool, first + 1, batch);
      pgMs += performance.now() - t0;
      log(
        `loaded ${Math.min(clips, first + PG_BATCH)} clips (SQLite ${(sqliteMs / 1000).toFixed(1)} s, PostgreSQL ${(pgMs / 1000).toFixed(1)} s)`,
      );
    }
    const t0 = performance.now();
    await pool.query(index.rows[0]!.indexdef);
    await pool.query("VACUUM ANALYZE");
    pgMs += performance.now() - t0;

    const queries = makeQueries(QUERIES, vocabulary, seededRandom(7));
    const sqliteTimes = new Map<string, number[]>([["all", []]]);
    const pgTimes = new Map<string, number[]>([["all", []]]);
    // A warm-up of each: the first search opens files and fills caches on both sides.
    for (const q of queries.slice(0, 20)) {
      await sqlite.search(q.query, q.filters);
      await pgCatalog.search(q.query, q.filters);
    }
    for (const q of queries) {
      for (const [catalog, times] of [
        [sqlite, sqliteTimes],
        [pgCatalog, pgTimes],
      ] as const) {
        const started = performance.now();
        await catalog.search(q.query, q.filters);
        const ms = performance.now() - started;
        for (const key of ["all", q.category]) times.set(key, [...(times.get(key) ?? []), ms]);
      }
    }
    log("searches timed");
    return { sqlite: sqliteTimes, pg: pgTimes, sqliteLoadSeconds: sqliteMs / 1000, pgLoadSeconds: pgMs / 1000 };
  } finally {
    await pool.end();
    await pgCatalog.close();
    sqlite.dispose();
  }
}

/**
 * Clips, runs, tags, OCR lines and their search texts of one batch in six statements (arrays
 * unnested on the server): the rows the catalog's own write path makes, without its per-clip
 * re-analysis checks, which an empty archive does not need. Ids are the clip numbers.
 */
async function bulkInsert(pool: pg.Pool, firstId: number, batch: readonly TagSet[]): Promise<void> {
  const ids = batch.map((_, k) => firstId + k);
  const now = new Date().toISOString();
  const c = batch.map((t) => t.clip);
  await pool.query("BEGIN");
  try {
    await pool.query(
      `INSERT INTO clips (id, path, fingerprint, frame_rate, drop_frame, start_timecode, frame_count, duration_seconds, width, height, first_seen, last_analysed)
       SELECT id, path, fp, fr, df, tc, fc, ds, w, h, $11::timestamptz, la
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bool[], $6::text[], $7::int[], $8::float8[], $9::int[], $10::int[], $12::timestamptz[])
         AS x (id, path, fp, fr, df, tc, fc, ds, w, h, la)`,
      [
        ids,
        c.map((x) => x.path),
        c.map((x) => x.fingerprint),
        c.map((x) => x.frameRate),
        c.map((x) => x.dropFrame),
        c.map((x) => x.startTimecode),
        c.map((x) => x.frameCount),
        c.map((x) => x.durationSeconds),
        c.map((x) => x.width),
        c.map((x) => x.height),
        now,
        batch.map((t) => t.analyzedAt),
      ],
    );
    await pool.query(
      `INSERT INTO analysis_runs (id, clip_id, started_at, finished_at, status, analyzers) SELECT id, id, at, at, 'completed', $3::jsonb FROM unnest($1::bigint[], $2::timestamptz[]) AS x (id, at)`,
      [ids, batch.map((t) => t.analyzedAt), JSON.stringify(ANALYZERS)],
    );
    const tags = batch.flatMap((t, k) =>
      t.tags.map((tag, j) => ({ id: (firstId + k - 1) * TAGS_PER_CLIP + j + 1, clip: firstId + k, tag })),
    );
    const col = <T>(f: (x: (typeof tags)[number]) => T): T[] => tags.map(f);
    await pool.query(
      `INSERT INTO tags (id, clip_id, run_id, label, kind, language, source, confidence, start_frame, end_frame, status, provenance, created_at, decided_at)
       SELECT id, clip, clip, label, kind, lang, src, conf, sf, ef, st, '[{"producer":"bench.synthetic"}]'::jsonb, $11::timestamptz,
              CASE WHEN st = 'suggested' THEN NULL ELSE $11::timestamptz END
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::int[], $9::int[], $10::text[])
         AS x (id, clip, label, kind, lang, src, conf, sf, ef, st)`,
      [
        col((x) => x.id),
        col((x) => x.clip),
        col((x) => x.tag.label),
        col((x) => x.tag.kind),
        col((x) => x.tag.language),
        col((x) => x.tag.source),
        col((x) => x.tag.confidence),
        col((x) => x.tag.startFrame),
        col((x) => x.tag.endFrame),
        col((x) => x.tag.status),
        now,
      ],
    );
    await pool.query(
      `INSERT INTO search_docs (clip_id, tag_id, source, status, words) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[])`,
      [
        col((x) => x.clip),
        col((x) => x.id),
        col((x) => x.tag.source),
        col((x) => x.tag.status),
        col((x) => searchWords(x.tag.label)),
      ],
    );
    const ocr = batch.flatMap((t, k) => t.ocrText.map((line) => ({ clip: firstId + k, line })));
    await pool.query(
      `INSERT INTO ocr_text (id, clip_id, start_frame, end_frame, text) SELECT * FROM unnest($1::bigint[], $1::bigint[], $2::int[], $3::int[], $4::text[])`,
      [
        ocr.map((o) => o.clip),
        ocr.map((o) => o.line.startFrame),
        ocr.map((o) => o.line.endFrame),
        ocr.map((o) => o.line.text),
      ],
    );
    await pool.query(
      `INSERT INTO search_docs (clip_id, ocr_id, source, status, words) SELECT c, c, 'ocr', 'suggested', w FROM unnest($1::bigint[], $2::text[]) AS x (c, w)`,
      [ocr.map((o) => o.clip), ocr.map((o) => searchWords(o.line.text))],
    );
    await pool.query("COMMIT");
  } catch (error) {
    await pool.query("ROLLBACK");
    throw error;
  }
}

/** Per job: from the engine's enqueue to the engine hearing the end, with a worker that does no work. */
async function queueOverhead(
  cluster: PostgresCluster,
  log: (line: string) => void,
): Promise<{ p50: number; p95: number; mean: number }> {
  const url = await cluster.createDatabase("queue_bench");
  const engine = await SharedJobQueue.open(url);
  const workerQueue = await SharedJobQueue.open(url);
  const stop = new CancellationTokenSource();
  const worker = new QueueWorker({
    queue: workerQueue,
    name: "bench",
    mapping: PathMapping.parse(undefined),
    leaseMs: 60_000,
    // Any readable file: the worker checks it can see the clip before it runs the job.
    run: async () => ({ ok: true }),
    report: () => {},
  });
  const running = worker.run(stop.token);
  const waiters = new Map<string, () => void>();
  const listening = await engine.listen((id) => {
    const resolve = waiters.get(id);
    if (resolve) void engine.get(id).then((job) => job?.state === "completed" && (waiters.delete(id), resolve()));
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < OVERHEAD_JOBS + 10; i++) {
      const started = performance.now();
      const done = new Promise<void>((resolve) => {
        void engine.enqueue({ clipKey: `overhead:${i}`, clipPath: CLI, params: {} }).then(async ({ job }) => {
          waiters.set(job.id, resolve);
          // Its end may have been announced before the waiter was set.
          if ((await engine.get(job.id))?.state === "completed" && waiters.delete(job.id)) resolve();
        });
      });
      await done;
      // The first ten warm the connections up.
      if (i >= 10) times.push(performance.now() - started);
    }
  } finally {
    stop.cancel();
    await running;
    await listening.dispose();
    await engine.close();
    await workerQueue.close();
  }
  log("queue overhead timed");
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
}

/** Wall time of one batch of real analyses by `count` workers, each pinned to a core of its own. */
async function workerThroughput(
  cluster: PostgresCluster,
  dir: string,
  log: (line: string) => void,
): Promise<{ one: Batch; two: Batch }> {
  const media = path.join(dir, "media");
  fs.mkdirSync(media, { recursive: true });
  const files: string[] = [];
  // One clip more than the batch: each worker's warm-up job.
  for (let i = 0; i <= WORKER_CLIPS; i++) {
    const file = path.join(media, i < WORKER_CLIPS ? `batch-${i}.mp4` : "warm-up.mp4");
    // Equal length, different content: each its own fingerprint, so each its own job.
    const made = await runTool("ffmpeg", [
      "-v",
      "error",
      "-nostdin",
      "-f",
      "lavfi",
      "-i",
      `testsrc2=size=640x360:rate=25:duration=8`,
      "-vf",
      `hue=h=${i * 40}`,
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-pix_fmt",
      "yuv420p",
      "-y",
      file,
    ]);
    if (made.code !== 0) throw new Error(`ffmpeg failed: ${made.stderr}`);
    files.push(file);
  }
  const warmUp = files.pop()!;
  const cores = os.availableParallelism();
  // 1, 2, 2, 1 workers: other work on the machine that grows or fades during the runs weighs on
  // both counts alike.
  const runs: Batch[] = [];
  for (const count of [1, 2, 2, 1]) {
    const batch = await batchWallSeconds(cluster, dir, files, warmUp, count === 1 ? [0] : [0, Math.min(1, cores - 1)]);
    log(
      `${count} worker${count === 1 ? "" : "s"}: ${batch.seconds.toFixed(1)} s, ${batch.cpuSeconds.toFixed(1)} CPU s, load ${batch.load.toFixed(1)}`,
    );
    runs.push(batch);
  }
  return { one: combine([runs[0]!, runs[3]!]), two: combine([runs[1]!, runs[2]!]) };
}

/** Two runs of the same batch as one: times added, jobs per worker and load as listed. */
function combine(runs: readonly Batch[]): Batch {
  const sum = (f: (b: Batch) => number): number => runs.reduce((t, b) => t + f(b), 0);
  return {
    seconds: sum((b) => b.seconds),
    split: runs[0]!.split.map((_, k) => sum((b) => b.split[k] ?? 0)),
    load: sum((b) => b.load) / runs.length,
    jobSeconds: sum((b) => b.jobSeconds) / runs.length,
    busy: sum((b) => b.busy * b.seconds) / sum((b) => b.seconds),
    cpuSeconds: sum((b) => b.cpuSeconds),
  };
}

interface Batch {
  readonly seconds: number;
  /** Jobs each worker did, in order of the workers. */
  readonly split: number[];
  /** The machine's 1-minute load average at the end: other work on the cores shows here. */
  readonly load: number;
  /** Mean seconds from a job's start to its end: longer with two workers means the cores were not free. */
  readonly jobSeconds: number;
  /** Share of the wall time the workers spent in jobs: what the queue leaves idle shows here. */
  readonly busy: number;
  /** CPU time the workers and their processes (ffmpeg, extension hosts) used for the batch. */
  readonly cpuSeconds: number;
}

let batches = 0;
async function batchWallSeconds(
  cluster: PostgresCluster,
  dir: string,
  files: readonly string[],
  warmUp: string,
  cpus: readonly number[],
): Promise<Batch> {
  const url = await cluster.createDatabase(`workers_${++batches}`);
  const queue = await SharedJobQueue.open(url);
  const workers: Array<{ child: ChildProcess; exited: Promise<void> }> = [];
  try {
    // Started and waiting before the batch is queued: the time is the batch's, not the start-up's.
    for (const [k, cpu] of cpus.entries()) {
      const name = `bench-${batches}-${k}`;
      const child = spawn("taskset", ["-c", String(cpu), process.execPath, CLI, "worker", "--name", name], {
        env: { ...process.env, SICHTER_HOME: path.join(dir, name), SICHTER_CATALOG: url, SICHTER_LANG: "en" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
      let out = "";
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on("data", (d: Buffer) => ((out += d.toString()), /waiting for jobs/.test(out) && resolve()));
        child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
        void exited.then(() => reject(new Error(`worker ended before it waited for jobs:\n${out}`)));
      });
      workers.push({ child, exited });
      // Its first job starts the extension hosts and loads the OCR model: a worker does that once
      // a day, so the batch times the jobs after it. Started one at a time, each takes its own.
      const { job } = await queue.enqueue({ clipKey: `warm-up:${name}`, clipPath: warmUp, params: JOB_PARAMS });
      for (let state: string = job.state; state !== "completed"; state = (await queue.get(job.id))?.state ?? "lost") {
        if (state === "failed" || state === "cancelled" || state === "lost")
          throw new Error(`the warm-up job of ${name} ${state}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const cpu = (): number => workers.reduce((t, w) => t + processTreeCpuSeconds(w.child.pid!), 0);
    const cpuBefore = cpu();
    const started = performance.now();
    let jobs: Awaited<ReturnType<SharedJobQueue["list"]>> = [];
    for (const [i, file] of files.entries())
      await queue.enqueue({
        clipKey: `batch:${batches}:${i}`,
        clipPath: file,
        params: JOB_PARAMS,
      });
    for (;;) {
      jobs = (await queue.list({ limit: files.length + cpus.length })).filter((j) => j.clipKey.startsWith("batch:"));
      const failed = jobs.find((j) => j.state === "failed");
      if (failed) throw new Error(`a benchmark job failed: ${failed.errorCode} ${failed.errorMessage}`);
      if (jobs.length === files.length && jobs.every((j) => j.state === "completed")) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = cpu() - cpuBefore;
    const split = cpus.map(
      (_, k) => jobs.filter((j) => (j.result as { worker?: string } | null)?.worker === `bench-${batches}-${k}`).length,
    );
    const jobSeconds =
      jobs.reduce((sum, j) => sum + (Date.parse(j.finishedAt ?? "") - Date.parse(j.startedAt ?? "")) / 1000, 0) /
      jobs.length;
    return {
      seconds,
      split,
      load: os.loadavg()[0]!,
      jobSeconds,
      busy: (jobSeconds * jobs.length) / (cpus.length * seconds),
      cpuSeconds,
    };
  } finally {
    for (const w of workers) w.child.kill("SIGTERM");
    await Promise.all(workers.map((w) => w.exited));
    await queue.close();
  }
}
