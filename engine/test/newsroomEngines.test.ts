import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProgressValue, SichterClient } from "@sichter/shared/protocol";
import { startEngine, type EngineProcess } from "./engineProcess.ts";
import { makeClip, makeTempDir } from "./fixtures.ts";
import { startPostgresCluster, type PostgresCluster } from "./postgresCluster.ts";
import { analysesPerClip, eventually, sharedJobs, type JobRow } from "./support/newsroomRows.ts";
import { startWorker, type WorkerProcess } from "./workerProcess.ts";

/**
 * Editors' engines on the newsroom's PostgreSQL: a panel's `clip.analyze` goes to the shared
 * queue, a `sichter worker` takes it, and its progress and end come back to the panel that asked.
 */
let cluster: PostgresCluster;
let dir: string;
beforeAll(async () => {
  cluster = await startPostgresCluster();
  dir = fs.realpathSync(makeTempDir("sichter-engines-"));
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
async function newsroom(): Promise<{ db: string; url: string; folder: string }> {
  const db = `engines_${++n}`;
  const url = await cluster.createDatabase(db);
  const folder = path.join(dir, db);
  fs.mkdirSync(folder, { recursive: true });
  return { db, url, folder };
}

/** A panel: one connection to an engine, with every job notification it hears. */
interface Panel {
  readonly engine: EngineProcess;
  readonly client: SichterClient;
  readonly heard: string[];
  /** Resolves with the state of the job's end as this panel heard it. */
  ended(jobId: string): Promise<string>;
}

async function panelOn(home: string, url: string): Promise<Panel> {
  const engine = await startEngine(home, [], undefined, { SICHTER_CATALOG: url });
  const client = engine.client();
  const heard: string[] = [];
  const ends = new Map<string, string>();
  const waiting = new Map<string, (state: string) => void>();
  const end = (jobId: string, state: string): void => {
    ends.set(jobId, state);
    waiting.get(jobId)?.(state);
  };
  client.onNotification("job.progress", (p) => heard.push(`progress ${p.jobId} ${p.stage}`));
  client.onNotification("job.done", (p) => (heard.push(`done ${p.jobId}`), end(p.jobId, p.job.state)));
  client.onNotification("job.failed", (p) => (heard.push(`failed ${p.jobId}`), end(p.jobId, p.job.state)));
  return {
    engine,
    client,
    heard,
    ended: (jobId) =>
      ends.has(jobId) ? Promise.resolve(ends.get(jobId)!) : new Promise((resolve) => waiting.set(jobId, resolve)),
  };
}

async function stopAll(panels: Panel[], workers: WorkerProcess[]): Promise<void> {
  for (const p of panels) p.client.dispose();
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGTERM");
  for (const p of panels) p.engine.child.kill("SIGTERM");
  await Promise.all([...workers.map((w) => w.exited), ...panels.map((p) => p.engine.exited)]);
}

const jobs = (db: string): Promise<JobRow[]> => sharedJobs(cluster, db);
const runsPerClip = (db: string): Promise<Array<{ path: string; runs: number }>> => analysesPerClip(cluster, db);

describe("editors' engines on the shared queue", () => {
  it("20 clips asked for from two engines are each analysed exactly once by two workers, and each panel hears its jobs end", async () => {
    const { db, url, folder } = await newsroom();
    const clips = path.join(folder, "clips");
    fs.mkdirSync(clips);
    // Different lengths: different content, so 20 fingerprints.
    const files: string[] = [];
    for (let i = 0; i < 20; i++)
      files.push(
        await makeClip(path.join(clips, `clip-${String(i).padStart(2, "0")}.mp4`), {
          seconds: 1 + i * 0.1,
          size: "160x90",
        }),
      );
    const panels = [
      await panelOn(path.join(folder, "editor-a"), url),
      await panelOn(path.join(folder, "editor-b"), url),
    ];
    const workers: WorkerProcess[] = [];
    try {
      const [a, b] = panels as [Panel, Panel];
      const ask = (panel: Panel, file: string, progress?: ProgressValue[]) =>
        panel.client.request(
          "clip.analyze",
          { path: file, options: { write: "none", language: "en" } },
          progress ? { onProgress: (v) => progress.push(v) } : {},
        );
      // Editor A asks for the first ten clips (following one with $/progress), editor B for the other ten.
      const followed: ProgressValue[] = [];
      const fromA = await Promise.all(files.slice(0, 10).map((f, i) => ask(a, f, i === 0 ? followed : undefined)));
      const fromB = await Promise.all(files.slice(10).map((f) => ask(b, f)));
      expect([...fromA, ...fromB].map((r) => r.joined)).toEqual(Array(20).fill(false));
      expect(a.engine.output()).toContain(`Newsroom catalog: ${url}. A \`sichter worker\` runs each analysis`);
      // Each also asks for five of the other's clips: the same clip's open job, wherever it was queued.
      const joinedByB = await Promise.all(files.slice(0, 5).map((f) => ask(b, f)));
      const joinedByA = await Promise.all(files.slice(10, 15).map((f) => ask(a, f)));
      expect(joinedByB).toEqual(fromA.slice(0, 5).map((r) => ({ jobId: r.jobId, joined: true })));
      expect(joinedByA).toEqual(fromB.slice(0, 5).map((r) => ({ jobId: r.jobId, joined: true })));
      expect((await a.client.request("job.get", { jobId: fromB[9]!.jobId })).state).toBe("queued");

      // No worker yet, so nothing ran: now two come.
      for (const name of ["one", "two"])
        workers.push(startWorker(name, { SICHTER_HOME: path.join(folder, name), SICHTER_CATALOG: url }));
      const endsA = await Promise.all([...fromA, ...joinedByA].map((r) => a.ended(r.jobId)));
      const endsB = await Promise.all([...fromB, ...joinedByB].map((r) => b.ended(r.jobId)));
      expect([...endsA, ...endsB]).toEqual(Array(30).fill("completed"));

      const rows = await jobs(db);
      expect(rows.map((r) => [r.clip_path, r.state, r.attempts])).toEqual(files.map((f) => [f, "completed", 1]));
      expect(new Set(rows.map((r) => r.result?.worker))).toEqual(new Set(["one", "two"]));
      expect(await runsPerClip(db)).toEqual(files.map((f) => ({ path: f, runs: 1 })));
      // Progress travelled from the workers to the panel that asked: stages by notification, $/progress to the end.
      expect(
        a.heard.filter((h) => h.startsWith(`progress ${fromA[0]!.jobId} `) && !h.endsWith(" queued")).length,
      ).toBeGreaterThan(0);
      expect(followed[0]).toMatchObject({ kind: "begin" });
      expect(followed.at(-1)).toMatchObject({ kind: "end", message: "done" });
      // A panel hears its own jobs only.
      expect(a.heard.filter((h) => h.includes(fromB[9]!.jobId))).toEqual([]);

      // The job methods answer from the shared queue on either engine.
      const { job, result } = await b.client.request("job.result", { jobId: fromA[3]!.jobId });
      expect(job).toMatchObject({ state: "completed", clipPath: files[3] });
      expect(result.clip.path).toBe(files[3]);
      expect(result.shots.length).toBeGreaterThan(0);
      const listed = await a.client.request("job.list", { states: ["completed"], limit: 100 });
      expect(listed.jobs.map((j) => j.clipPath).sort()).toEqual(files);

      // A worker's keyframe pictures show in an editor's panel: served by the editor's engine from the shared catalog.
      const stored = await b.client.request("catalog.clip", { path: files[3]! });
      const picture = stored.keyframes.find((k) => k.thumbnail !== null)?.thumbnail;
      expect(picture).toMatch(/^\/thumbnails\/\d+\/\d+-\d+\.jpg$/);
      const response = await fetch(`http://127.0.0.1:${b.engine.port}${picture}?token=${b.engine.token}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/jpeg");
      expect([...new Uint8Array(await response.arrayBuffer()).subarray(0, 2)]).toEqual([0xff, 0xd8]);
      // Not from a folder of any install: the workers' and editors' thumbnail folders stay empty.
      for (const home of ["one", "two", "editor-a", "editor-b"]) {
        const thumbs = path.join(folder, home, "data", "thumbs");
        expect(
          fs.existsSync(thumbs)
            ? fs.readdirSync(thumbs, { recursive: true }).filter((f) => String(f).endsWith(".jpg"))
            : [],
          home,
        ).toEqual([]);
      }
    } finally {
      await stopAll(panels, workers);
    }
  }, 600_000);

  it("a worker SIGKILLed mid-job leaves it to the other, and the panel that asked hears it end", async () => {
    const { db, url, folder } = await newsroom();
    const clip = await makeClip(path.join(folder, "long.mp4"), { seconds: 6, size: "320x180" });
    const panel = await panelOn(path.join(folder, "editor"), url);
    const doomed = startWorker("doomed", { SICHTER_HOME: path.join(folder, "doomed"), SICHTER_CATALOG: url }, [
      "--lease",
      "3",
    ]);
    let survivor: WorkerProcess | undefined;
    try {
      const { jobId } = await panel.client.request("clip.analyze", { path: clip, options: { write: "none" } });
      // Progress from the doomed worker reached the panel: it is mid-job.
      await eventually(
        async () =>
          panel.heard.some((h) => h.startsWith(`progress ${jobId} `) && !h.endsWith(" queued")) ? true : undefined,
        "progress at the panel",
      );
      doomed.child.kill("SIGKILL");
      expect((await doomed.exited).signal).toBe("SIGKILL");
      expect(await panel.client.request("job.get", { jobId })).toMatchObject({ state: "running" });

      survivor = startWorker("survivor", { SICHTER_HOME: path.join(folder, "survivor"), SICHTER_CATALOG: url }, [
        "--lease",
        "3",
      ]);
      expect(await panel.ended(jobId)).toBe("completed");
      expect(await jobs(db)).toEqual([
        expect.objectContaining({
          id: jobId,
          state: "completed",
          attempts: 2,
          result: expect.objectContaining({ worker: "survivor" }),
        }),
      ]);
      expect(await runsPerClip(db)).toEqual([{ path: clip, runs: 1 }]);
    } finally {
      await stopAll([panel], [doomed, ...(survivor ? [survivor] : [])]);
    }
  }, 600_000);

  it("a database connection killed in the middle of a catalog write leaves nothing half-written; the job runs again", async () => {
    const { db, url, folder } = await newsroom();
    const clip = await makeClip(path.join(folder, "Landtag.mp4"), { seconds: 2, size: "160x90" });
    const panel = await panelOn(path.join(folder, "editor"), url);
    // The test's own transaction holds the search index, so the worker's write stops inside its transaction.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    const worker = startWorker("writer", { SICHTER_HOME: path.join(folder, "writer"), SICHTER_CATALOG: url });
    try {
      await blocker.query("BEGIN");
      await blocker.query("LOCK TABLE search_docs IN ACCESS EXCLUSIVE MODE");
      const { jobId } = await panel.client.request("clip.analyze", { path: clip, options: { write: "none" } });
      const waiting = await eventually(async () => {
        const { rows } = await cluster.sql(
          `SELECT pid, query FROM pg_stat_activity WHERE datname = '${db}' AND wait_event_type = 'Lock'`,
        );
        return rows[0] as { pid: number; query: string } | undefined;
      }, "the worker's write waiting on the search index");
      expect(waiting.query).toMatch(/INSERT INTO search_docs/);
      // Rows the write had made before it waited (the clip, its run, shots, tags) exist only in its transaction.
      await cluster.sql(`SELECT pg_terminate_backend(${waiting.pid})`);
      const counts = async () =>
        (
          await cluster.sql(
            "SELECT (SELECT count(*) FROM clips) AS clips, (SELECT count(*) FROM analysis_runs) AS runs, (SELECT count(*) FROM tags) AS tags, (SELECT count(*) FROM shots) AS shots, (SELECT count(*) FROM keyframes) AS keyframes",
            db,
          )
        ).rows[0];
      expect(await counts()).toEqual({ clips: 0, runs: 0, tags: 0, shots: 0, keyframes: 0 });
      await worker.says(/SICHTER_E_CATALOG_UNAVAILABLE/);
      await blocker.query("ROLLBACK");

      expect(await panel.ended(jobId)).toBe("completed");
      expect(await jobs(db)).toEqual([expect.objectContaining({ id: jobId, state: "completed", attempts: 2 })]);
      expect(await runsPerClip(db)).toEqual([{ path: clip, runs: 1 }]);
      // Every tag has its search text: the write that got through is whole.
      const { rows } = await cluster.sql(
        "SELECT (SELECT count(*) FROM tags) AS tags, (SELECT count(*) FROM search_docs WHERE tag_id IS NOT NULL) AS indexed",
        db,
      );
      expect(rows[0].tags).toBeGreaterThan(0);
      expect(rows[0].indexed).toBe(rows[0].tags);
    } finally {
      await blocker.end().catch(() => {});
      await stopAll([panel], [worker]);
    }
  }, 600_000);

  it("a panel's request while the newsroom database cannot be reached fails with CATALOG_UNAVAILABLE, and works once it can", async () => {
    const { db, url, folder } = await newsroom();
    const clip = await makeClip(path.join(folder, "offline.mp4"), { seconds: 1, size: "160x90" });
    const panel = await panelOn(path.join(folder, "editor"), url);
    try {
      await cluster.sql(`ALTER DATABASE ${db} ALLOW_CONNECTIONS false`);
      await cluster.sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${db}'`);
      await expect(
        panel.client.request("clip.analyze", { path: clip, options: { write: "none" } }),
      ).rejects.toMatchObject({ code: "SICHTER_E_CATALOG_UNAVAILABLE" });
      await expect(panel.client.request("job.list", {})).rejects.toMatchObject({
        code: "SICHTER_E_CATALOG_UNAVAILABLE",
      });

      await cluster.sql(`ALTER DATABASE ${db} ALLOW_CONNECTIONS true`);
      const { jobId, joined } = await panel.client.request("clip.analyze", { path: clip, options: { write: "none" } });
      expect(joined).toBe(false);
      expect(await panel.client.request("job.get", { jobId })).toMatchObject({ state: "queued", clipPath: clip });
    } finally {
      await cluster.sql(`ALTER DATABASE ${db} ALLOW_CONNECTIONS true`);
      await stopAll([panel], []);
    }
  }, 300_000);
});
