import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ErrorCode, Job } from "@sichter/shared/protocol";
import { SqliteCatalog } from "../catalog/SqliteCatalog.ts";
import type { CancellationToken } from "../core/Cancellation.ts";
import { SichterError } from "../core/SichterError.ts";
import { JobQueue, type JobEvent, type JobRunner } from "./JobQueue.ts";
import { params, sleep, tempCatalogs, waitFor } from "../../test/support/jobTestSupport.ts";
import { toWireJob } from "./toWireJob.ts";

const catalogs = tempCatalogs("sichter-jobs-");
afterAll(() => catalogs.cleanup());

const open: SqliteCatalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.dispose();
});

function setup(runner: JobRunner, options: Parameters<typeof JobQueue.open>[2] = {}) {
  const file = catalogs.file();
  const catalog = SqliteCatalog.open(file);
  open.push(catalog);
  const queue = JobQueue.open(catalog.database, runner, options);
  const events: JobEvent[] = [];
  queue.onEvent((event) => events.push(event));
  return { file, catalog, queue, events };
}

/** Resolves when the token is cancelled, then rejects the way a real runner does. */
function untilCancelled(token: CancellationToken): Promise<never> {
  return new Promise((_, reject) => {
    token.onCancellationRequested(() => reject(new SichterError(ErrorCode.CANCELLED)));
  });
}

describe("JobQueue", () => {
  it("commits a job before it runs and runs jobs FIFO, one at a time", async () => {
    const log: string[] = [];
    let active = 0;
    const { file, queue } = setup(async (job) => {
      active++;
      log.push(`start ${job.clipPath} ${active}`);
      await sleep(15);
      log.push(`end ${job.clipPath}`);
      active--;
      return { clip: job.clipPath };
    });
    const ids = ["/a.mov", "/b.mov", "/c.mov"].map((p) => queue.enqueue(params(p)).job.id);
    // Visible to another connection before start(): a crash now loses nothing.
    const other = new Database(file, { readonly: true });
    expect(other.prepare("SELECT clip_path FROM jobs WHERE state = 'queued' ORDER BY rowid").pluck().all()).toEqual([
      "/a.mov",
      "/b.mov",
      "/c.mov",
    ]);
    other.close();
    queue.start();
    await queue.whenIdle();
    expect(log).toEqual([
      "start /a.mov 1",
      "end /a.mov",
      "start /b.mov 1",
      "end /b.mov",
      "start /c.mov 1",
      "end /c.mov",
    ]);
    for (const id of ids) expect(queue.get(id)?.state).toBe("completed");
    expect(queue.result(ids[1]!)).toEqual({ clip: "/b.mov" });
    expect(queue.list().map((job) => job.clipPath)).toEqual(["/c.mov", "/b.mov", "/a.mov"]);
    expect(queue.list({ limit: 1 })).toHaveLength(1);
  });

  it("runs up to `concurrency` jobs at once", async () => {
    let active = 0;
    let peak = 0;
    const { queue } = setup(
      async () => {
        peak = Math.max(peak, ++active);
        await sleep(20);
        active--;
      },
      { concurrency: 2 },
    );
    for (const p of ["/1", "/2", "/3", "/4", "/5"]) queue.enqueue(params(p));
    queue.start();
    await queue.whenIdle();
    expect(peak).toBe(2);
    expect(queue.list({ states: ["completed"] })).toHaveLength(5);
  });

  it("joins a queued or running job of the same clip", async () => {
    let release!: () => void;
    const { queue } = setup((job) =>
      job.clipPath === "/same.mxf" ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve(),
    );
    const first = queue.enqueue(params("/same.mxf"));
    const queuedJoin = queue.enqueue(params("/same.mxf"));
    expect(first.joined).toBe(false);
    expect(queuedJoin).toMatchObject({ joined: true, job: { id: first.job.id } });
    queue.start();
    await waitFor(() => queue.get(first.job.id)?.state === "running");
    expect(queue.enqueue(params("/same.mxf"))).toMatchObject({
      joined: true,
      job: { id: first.job.id, state: "running" },
    });
    expect(queue.enqueue(params("/other.mxf")).joined).toBe(false);
    release();
    await waitFor(() => queue.get(first.job.id)?.state === "completed");
    const again = queue.enqueue(params("/same.mxf"));
    expect(again.joined).toBe(false);
    expect(again.job.id).not.toBe(first.job.id);
    await waitFor(() => queue.get(again.job.id)?.state === "running");
    release();
    await queue.whenIdle();
  });

  it("cancels a queued job at once; its runner never starts", async () => {
    const ran: string[] = [];
    const { queue, events } = setup(async (job) => void ran.push(job.clipPath));
    const { job } = queue.enqueue(params("/never.mov"));
    queue.enqueue(params("/runs.mov"));
    const cancelled = queue.cancel(job.id);
    expect(cancelled).toMatchObject({ state: "cancelled", error: null });
    expect(cancelled?.finishedAt).not.toBeNull();
    expect(events).toContainEqual({ type: "cancelled", job: cancelled });
    queue.start();
    await queue.whenIdle();
    expect(ran).toEqual(["/runs.mov"]);
    // Cancelling a finished job changes nothing; an unknown id is undefined.
    expect(queue.cancel(job.id)).toEqual(cancelled);
    expect(queue.cancel("no-such-job")).toBeUndefined();
  });

  it("cancels a running job through its token and ends it cancelled when the runner settles", async () => {
    let seen: CancellationToken | undefined;
    const { queue, events } = setup((_job, _progress, token) => {
      seen = token;
      return untilCancelled(token);
    });
    const { job } = queue.enqueue(params("/long.mov"));
    queue.start();
    await waitFor(() => seen !== undefined);
    expect(queue.cancel(job.id)?.state).toBe("running");
    expect(seen?.isCancellationRequested).toBe(true);
    await queue.whenIdle();
    const ended = queue.get(job.id);
    expect(ended).toMatchObject({ state: "cancelled", error: null, stage: null });
    expect(events.at(-1)).toEqual({ type: "cancelled", job: ended });
  });

  it("counts any error after a cancel as cancelled", async () => {
    const { queue } = setup(
      (_job, _progress, token) =>
        new Promise((_, reject) => token.onCancellationRequested(() => reject(new Error("ffmpeg was killed")))),
    );
    const { job } = queue.enqueue(params("/killed.mov"));
    queue.start();
    await waitFor(() => queue.get(job.id)?.state === "running");
    queue.cancel(job.id);
    await queue.whenIdle();
    expect(queue.get(job.id)?.state).toBe("cancelled");
  });

  it("stores a failure with its stable code; other errors become INTERNAL", async () => {
    const { queue, events } = setup(async (job) => {
      if (job.clipPath === "/audio.wav") throw new SichterError(ErrorCode.PROBE_NOT_VIDEO, { path: job.clipPath });
      throw new TypeError("boom");
    });
    const audio = queue.enqueue(params("/audio.wav")).job;
    const buggy = queue.enqueue(params("/bug.mov")).job;
    queue.start();
    await queue.whenIdle();
    expect(queue.get(audio.id)).toMatchObject({ state: "failed", error: { code: ErrorCode.PROBE_NOT_VIDEO } });
    expect(queue.get(buggy.id)?.error).toEqual({ code: ErrorCode.INTERNAL, message: "Internal error: boom" });
    expect(queue.result(audio.id)).toBeUndefined();
    expect(events.filter((event) => event.type === "failed").map((event) => event.job.id)).toEqual([
      audio.id,
      buggy.id,
    ]);
  });

  it("fails a job whose result is not JSON", async () => {
    const { queue } = setup(async () => ({ big: 1n }));
    const { job } = queue.enqueue(params("/bigint.mov"));
    queue.start();
    await queue.whenIdle();
    expect(queue.get(job.id)).toMatchObject({ state: "failed", error: { code: ErrorCode.INTERNAL } });
  });

  it("keeps results across a restart", async () => {
    const { file, catalog, queue } = setup(async () => ({ shots: [1, 2, 3], note: "Überflutung" }));
    const { job } = queue.enqueue(params("/keep.mov"));
    queue.start();
    await queue.whenIdle();
    await queue.shutdown();
    catalog.dispose();
    const reopened = SqliteCatalog.open(file);
    open.push(reopened);
    const next = JobQueue.open(reopened.database, async () => undefined);
    expect(next.get(job.id)).toMatchObject({ state: "completed", fraction: 1, stage: null });
    expect(next.result(job.id)).toEqual({ shots: [1, 2, 3], note: "Überflutung" });
  });

  it("throttles fraction events, always emits and persists stage changes", async () => {
    let db!: Database.Database; // eslint-disable-line prefer-const -- assigned in a callback below
    const persisted: Array<{ stage: string; fraction: number }> = [];
    const readRow = (id: string) =>
      db.prepare("SELECT stage, fraction FROM jobs WHERE id = ?").get(id) as { stage: string; fraction: number };
    const { catalog, queue, events } = setup(async (job, progress) => {
      progress.report({ stage: "probe", fraction: 0.01 });
      persisted.push(readRow(job.id));
      progress.report({ stage: "shots", fraction: 0.1 });
      for (let i = 1; i <= 200; i++) progress.report({ stage: "shots", fraction: 0.1 + i * 0.004 });
      // Only the stage boundary reached the row; the in-between fractions stayed in memory.
      persisted.push(readRow(job.id));
      await sleep(250);
      progress.report({ stage: "ocr", fraction: 0.95 });
      progress.report({ stage: "ocr", fraction: 0.96 });
      persisted.push(readRow(job.id));
      return "ok";
    });
    db = catalog.database;
    const { job } = queue.enqueue(params("/progress.mov"));
    queue.start();
    await queue.whenIdle();
    const progress = events.filter((event) => event.type === "progress").map((event) => event.job);
    expect(progress[0]).toMatchObject({ state: "running", stage: null, fraction: 0 });
    const stages = progress.map((record) => record.stage);
    expect(stages.filter((stage) => stage === "probe")).toHaveLength(1);
    const shots = progress.filter((record) => record.stage === "shots");
    expect(shots.length).toBeGreaterThanOrEqual(2); // the boundary and the trailing value
    expect(shots.length).toBeLessThanOrEqual(4);
    expect(shots[0]?.fraction).toBe(0.1);
    expect(shots.at(-1)?.fraction).toBeCloseTo(0.9);
    expect(stages).toContain("ocr");
    expect(persisted).toEqual([
      { stage: "probe", fraction: 0.01 },
      { stage: "shots", fraction: 0.1 },
      { stage: "ocr", fraction: 0.95 },
    ]);
    expect(events.at(-1)).toMatchObject({ type: "done", job: { id: job.id, state: "completed", fraction: 1 } });
  });

  it("shutdown puts a running job back to queued and the next queue completes it", async () => {
    const { file, catalog, queue, events } = setup((_job, progress, token) => {
      progress.report({ stage: "shots", fraction: 0.4 });
      return untilCancelled(token);
    });
    const { job } = queue.enqueue(params("/checkpoint.mov"));
    queue.start();
    await waitFor(() => queue.get(job.id)?.stage === "shots");
    await queue.shutdown();
    expect(queue.get(job.id)).toMatchObject({
      state: "queued",
      stage: null,
      fraction: 0,
      startedAt: null,
      attempts: 0,
    });
    expect(events.at(-1)).toMatchObject({ type: "progress", job: { state: "queued" } });
    expect(() => queue.enqueue(params("/late.mov"))).toThrow(
      expect.objectContaining({ code: ErrorCode.SHUTTING_DOWN }),
    );
    await queue.whenIdle(); // a shut-down queue never keeps a caller waiting
    catalog.dispose();

    const reopened = SqliteCatalog.open(file);
    open.push(reopened);
    const next = JobQueue.open(reopened.database, async (resumed) => ({ resumed: resumed.id }));
    next.start();
    await next.whenIdle();
    expect(next.get(job.id)?.state).toBe("completed");
    expect(next.result(job.id)).toEqual({ resumed: job.id });
  });

  it("maps every record onto the wire Job schema", async () => {
    const { queue } = setup(async (job) => {
      if (job.clipPath === "/bad.mov") throw new SichterError(ErrorCode.PROBE_CORRUPT, { path: job.clipPath });
    });
    queue.enqueue(params("/good.mov"));
    queue.enqueue(params("/bad.mov"));
    const queued = queue.enqueue(params("/cancel.mov")).job;
    queue.cancel(queued.id);
    queue.start();
    await queue.whenIdle();
    const jobs = queue.list();
    expect(new Set(jobs.map((job) => job.state))).toEqual(new Set(["completed", "failed", "cancelled"]));
    for (const record of jobs) {
      const wire = toWireJob(record);
      expect(Job.parse(wire)).toEqual(wire);
      expect(Object.keys(wire).sort()).toEqual(Object.keys(Job.shape).sort());
    }
  });
});
