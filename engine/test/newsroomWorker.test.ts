import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprintFile } from "../src/catalog/fingerprintFile.ts";
import { SharedJobQueue } from "../src/jobs/postgres/SharedJobQueue.ts";
import { makeClip, makeTempDir } from "./fixtures.ts";
import { startPostgresCluster, type PostgresCluster } from "./postgresCluster.ts";
import { analysesPerClip, eventually, sharedJobs, type JobRow } from "./support/newsroomRows.ts";
import { runCli } from "./runCli.ts";
import { startWorker, type WorkerProcess } from "./workerProcess.ts";

/**
 * `sichter worker` processes on one shared PostgreSQL: clips queued with `sichter queue add` are
 * each analysed once into the shared catalog, a killed worker's job is finished by another after
 * its lease, and a worker that cannot see a file leaves it to one that can.
 */
let cluster: PostgresCluster;
let dir: string;
beforeAll(async () => {
  cluster = await startPostgresCluster();
  dir = fs.realpathSync(makeTempDir("sichter-worker-"));
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const jobs = (db: string): Promise<JobRow[]> => sharedJobs(cluster, db);
const catalogued = (db: string): Promise<Array<{ path: string; runs: number }>> => analysesPerClip(cluster, db);

const allCompleted = (db: string, count: number) => async () => {
  const rows = await jobs(db);
  return rows.length === count && rows.every((r) => r.state === "completed") ? rows : undefined;
};

async function stop(workers: WorkerProcess[]): Promise<void> {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGTERM");
  await Promise.all(workers.map((w) => w.exited));
}

let n = 0;
async function newsroom(): Promise<{ db: string; url: string; folder: string }> {
  const db = `worker_${++n}`;
  const url = await cluster.createDatabase(db);
  const folder = path.join(dir, db);
  fs.mkdirSync(folder, { recursive: true });
  return { db, url, folder };
}

describe("sichter worker", () => {
  it("two workers analyse 6 queued clips, each exactly once, into the shared catalog, and stop on SIGTERM", async () => {
    const { db, url, folder } = await newsroom();
    const clips = path.join(folder, "clips");
    fs.mkdirSync(clips);
    // Different lengths: different content, so six fingerprints and six jobs.
    for (let i = 0; i < 6; i++)
      await makeClip(path.join(clips, `clip-${i}.mp4`), { seconds: 1 + i * 0.2, size: "160x90" });
    const queued = await runCli(["queue", "add", "--no-write", "--json", clips], {
      env: { SICHTER_HOME: path.join(folder, "editor"), SICHTER_CATALOG: url },
    });
    expect(queued.code, queued.stderr).toBe(0);
    expect(JSON.parse(queued.stdout).queued.map((q: { joined: boolean }) => q.joined)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);

    const workers = ["one", "two"].map((name) =>
      startWorker(name, { SICHTER_HOME: path.join(folder, name), SICHTER_CATALOG: url }),
    );
    try {
      const done = await eventually(allCompleted(db, 6), "all six jobs completed");
      expect(done.map((j) => j.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
      // Progress travelled through the queue (where a panel's engine hears it): the last stage stays.
      expect((await cluster.sql("SELECT stage FROM jobs WHERE stage IS NULL", db)).rows).toEqual([]);
      expect(done.every((j) => j.result?.worker === "one" || j.result?.worker === "two")).toBe(true);
      expect(await catalogued(db)).toEqual(
        Array.from({ length: 6 }, (_, i) => ({ path: path.join(clips, `clip-${i}.mp4`), runs: 1 })),
      );
      const analysing = workers.flatMap((w) =>
        w
          .stdout()
          .split("\n")
          .filter((line) => line.endsWith(": analysing")),
      );
      expect(analysing).toHaveLength(6);
    } finally {
      await stop(workers);
    }
    for (const w of workers) {
      expect(await w.exited, w.stderr()).toEqual({ code: 0, signal: null });
      expect(w.stdout()).toContain(`Worker ${w.name} stopped.`);
    }
  }, 400_000);

  it("a worker killed mid-job leaves its job to the other worker once the lease runs out", async () => {
    const { db, url, folder } = await newsroom();
    const clips = path.join(folder, "clips");
    fs.mkdirSync(clips);
    for (let i = 0; i < 2; i++) await makeClip(path.join(clips, `long-${i}.mp4`), { seconds: 3 + i, size: "320x180" });
    const queued = await runCli(["queue", "add", "--no-write", clips], {
      env: { SICHTER_HOME: path.join(folder, "editor"), SICHTER_CATALOG: url },
    });
    expect(queued.code, queued.stderr).toBe(0);

    const doomed = startWorker("doomed", { SICHTER_HOME: path.join(folder, "doomed"), SICHTER_CATALOG: url }, [
      "--lease",
      "3",
    ]);
    let survivor: WorkerProcess | undefined;
    try {
      await doomed.says(/: analysing$/m);
      doomed.child.kill("SIGKILL");
      expect((await doomed.exited).signal).toBe("SIGKILL");
      const held = (await jobs(db)).filter((j) => j.lease_owner === "doomed");
      expect(held).toHaveLength(1);
      expect(held[0]!.state).toBe("running");

      survivor = startWorker("survivor", { SICHTER_HOME: path.join(folder, "survivor"), SICHTER_CATALOG: url }, [
        "--lease",
        "3",
      ]);
      const done = await eventually(allCompleted(db, 2), "both jobs completed");
      const takenOver = done.find((j) => j.id === held[0]!.id)!;
      expect(takenOver).toMatchObject({ attempts: 2, result: expect.objectContaining({ worker: "survivor" }) });
      expect((await catalogued(db)).map((c) => c.path)).toEqual([
        path.join(clips, "long-0.mp4"),
        path.join(clips, "long-1.mp4"),
      ]);
    } finally {
      await stop([doomed, ...(survivor ? [survivor] : [])]);
    }
  }, 400_000);

  it("a worker stopped by SIGTERM mid-job gives the job back and exits 0", async () => {
    const { db, url, folder } = await newsroom();
    const clip = await makeClip(path.join(folder, "lang.mp4"), { seconds: 8, size: "320x180" });
    const queued = await runCli(["queue", "add", "--no-write", clip], {
      env: { SICHTER_HOME: path.join(folder, "editor"), SICHTER_CATALOG: url },
    });
    expect(queued.code, queued.stderr).toBe(0);
    const worker = startWorker("leaving", { SICHTER_HOME: path.join(folder, "leaving"), SICHTER_CATALOG: url });
    try {
      await worker.says(/: analysing$/m);
      worker.child.kill("SIGTERM");
      expect(await worker.exited, worker.stderr()).toEqual({ code: 0, signal: null });
      expect(worker.stdout()).toMatch(/given back/);
      expect(await jobs(db)).toEqual([expect.objectContaining({ state: "queued", attempts: 0, lease_owner: null })]);
    } finally {
      await stop([worker]);
    }
  }, 400_000);

  it("a worker whose path mapping cannot see the file gives the job back with a code; a worker that can analyses it", async () => {
    const { db, url, folder } = await newsroom();
    const mounted = path.join(folder, "news");
    fs.mkdirSync(mounted);
    const clip = await makeClip(path.join(mounted, "Pressekonferenz.mp4"), { seconds: 1, size: "160x90" });
    const queue = await SharedJobQueue.open(url);
    let jobId: string;
    try {
      // Queued from an editor's Mac, as its panel sees the newsroom share.
      ({
        job: { id: jobId },
      } = await queue.enqueue({
        clipKey: await fingerprintFile(clip),
        clipPath: "/Volumes/News/Pressekonferenz.mp4",
        params: { write: "none", language: "en" },
      }));
    } finally {
      await queue.close();
    }

    // This one speaks German, as a worker on a German machine does.
    const blind = startWorker("blind", {
      SICHTER_HOME: path.join(folder, "blind"),
      SICHTER_CATALOG: url,
      SICHTER_PATH_MAP: `/Volumes/News=${path.join(folder, "not-mounted")}`,
      SICHTER_LANG: "de",
    });
    let seeing: WorkerProcess | undefined;
    try {
      await blind.says(
        /SICHTER_E_WORKER_CANNOT_SEE_FILE: Dieser Worker sieht \/Volumes\/News\/Pressekonferenz\.mp4 nicht/,
      );
      await blind.says(/Pressekonferenz\.mp4: zurückgegeben/);
      expect(await jobs(db)).toEqual([
        expect.objectContaining({ id: jobId, state: "queued", attempts: 0, lease_owner: null }),
      ]);

      seeing = startWorker("seeing", {
        SICHTER_HOME: path.join(folder, "seeing"),
        SICHTER_CATALOG: url,
        SICHTER_PATH_MAP: `/Volumes/News=${mounted}`,
      });
      const [done] = await eventually(allCompleted(db, 1), "the job completed by the worker that sees the file");
      expect(done).toMatchObject({
        id: jobId,
        attempts: 1,
        result: expect.objectContaining({ worker: "seeing", file: clip }),
      });
      expect(await catalogued(db)).toEqual([{ path: clip, runs: 1 }]);
      expect(blind.stdout()).toMatch(/Worker blind wartet auf Aufträge/);
      expect(blind.stdout()).not.toMatch(/wird analysiert/);
      // Given back once and not taken again: a blind worker must not keep the job from the others.
      expect(blind.stderr().match(/SICHTER_E_WORKER_CANNOT_SEE_FILE/g)).toHaveLength(1);
    } finally {
      await stop([blind, ...(seeing ? [seeing] : [])]);
    }
  }, 400_000);

  it("a worker that loses the database reconnects with backoff; the job it could not finish is taken over after its lease and its late end changes nothing", async () => {
    const { db, url, folder } = await newsroom();
    const clip = await makeClip(path.join(folder, "lang.mp4"), { seconds: 6, size: "320x180" });
    const queued = await runCli(["queue", "add", "--no-write", clip], {
      env: { SICHTER_HOME: path.join(folder, "editor"), SICHTER_CATALOG: url },
    });
    expect(queued.code, queued.stderr).toBe(0);
    // The night shift's worker logs in as a role of its own, so the test can lock it out alone.
    await cluster.sql("CREATE ROLE night LOGIN");
    await cluster.sql(
      "GRANT ALL ON ALL TABLES IN SCHEMA public TO night; GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO night",
      db,
    );
    const nightUrl = url.replace("//sichter@", "//night@");
    const night = startWorker("night", { SICHTER_HOME: path.join(folder, "night"), SICHTER_CATALOG: nightUrl }, [
      "--lease",
      "3",
    ]);
    let day: WorkerProcess | undefined;
    try {
      await night.says(/: analysing$/m);
      // Every connection of the worker is killed, and it cannot log in again for now.
      await cluster.sql("ALTER ROLE night NOLOGIN");
      await cluster.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'night'");
      await night.says(/lost the database \(SICHTER_E_CATALOG_UNAVAILABLE/);
      const [held] = await jobs(db);
      expect(held).toMatchObject({ state: "running", lease_owner: "night", attempts: 1 });

      day = startWorker("day", { SICHTER_HOME: path.join(folder, "day"), SICHTER_CATALOG: url }, ["--lease", "3"]);
      const [done] = await eventually(allCompleted(db, 1), "the day worker finished the job after the lease ran out");
      expect(done).toMatchObject({ id: held!.id, attempts: 2, result: expect.objectContaining({ worker: "day" }) });

      await cluster.sql("ALTER ROLE night LOGIN");
      await night.says(/Connected to the database again/);
      await night.says(/another worker took this job over/);
      // The late end changed nothing: completed by day, one analysis in the catalog.
      expect(await jobs(db)).toEqual([
        expect.objectContaining({
          id: held!.id,
          state: "completed",
          result: expect.objectContaining({ worker: "day" }),
        }),
      ]);
      expect(await catalogued(db)).toEqual([{ path: clip, runs: 1 }]);

      // And the night worker works on: the next clip is its own.
      await stop([day]);
      const next = await makeClip(path.join(folder, "kurz.mp4"), { seconds: 1, size: "160x90" });
      const again = await runCli(["queue", "add", "--no-write", next], {
        env: { SICHTER_HOME: path.join(folder, "editor"), SICHTER_CATALOG: url },
      });
      expect(again.code, again.stderr).toBe(0);
      const both = await eventually(allCompleted(db, 2), "the night worker finished the next clip");
      expect(both.find((j) => j.clip_path === next)).toMatchObject({
        attempts: 1,
        result: expect.objectContaining({ worker: "night" }),
      });
      expect(night.child.exitCode).toBeNull();
    } finally {
      await stop([night, ...(day ? [day] : [])]);
    }
  }, 400_000);
});
