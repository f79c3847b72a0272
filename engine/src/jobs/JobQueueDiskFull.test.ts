import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/protocol";
import { SqliteCatalog } from "../catalog/SqliteCatalog.ts";
import { JobQueue, type JobEvent, type JobRunner } from "./JobQueue.ts";
import { params, tempCatalogs, waitFor } from "../../test/support/jobTestSupport.ts";

/*
 * Real disk-full conditions, no faked errors: the kernel's ENOSPC from writing to /dev/full (what a
 * full disk gives a write), and SQLite's own SQLITE_FULL once `PRAGMA max_page_count` caps the
 * catalog at the pages it has (what a full disk gives SQLite). A job's end then needs a page the
 * catalog cannot get when it carries more than a page holds: a large result, or a long message.
 */

const catalogs = tempCatalogs("sichter-jobs-full-");
afterAll(() => catalogs.cleanup());
const open: SqliteCatalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.dispose();
});

type Log = Array<{ level: string; message: string; fields?: Record<string, unknown> }>;

function setup(runner: (catalog: SqliteCatalog) => JobRunner) {
  const file = catalogs.file();
  const catalog = SqliteCatalog.open(file);
  open.push(catalog);
  const log: Log = [];
  const queue = JobQueue.open(catalog.database, runner(catalog), {
    retryMs: 20,
    log: (level, message, fields) => log.push({ level, message, ...(fields && { fields }) }),
  });
  const events: JobEvent[] = [];
  queue.onEvent((event) => events.push(event));
  return { file, catalog, queue, events, log };
}

/** Throws what the kernel says to a path longer than a name may be; its message holds the 4200-byte path. */
function openLongName(): never {
  fs.openSync(`/${"媒".repeat(1400)}`, "r");
  throw new Error("a 4200-byte name was opened");
}

/** Throws what the kernel says to a write on a full disk. */
function writeToFullDisk(): never {
  fs.writeFileSync("/dev/full", Buffer.alloc(4096));
  throw new Error("/dev/full took the write");
}

/** From now on the catalog cannot grow by a page, as on a full disk. */
function fillCatalog(catalog: SqliteCatalog): void {
  catalog.database.pragma(`max_page_count = ${catalog.database.pragma("page_count", { simple: true }) as number}`);
}

function freeCatalog(catalog: SqliteCatalog): void {
  catalog.database.pragma("max_page_count = 1073741823");
}

/** The row as another process sees it on disk. */
function row(file: string, id: string): { state: string; error_code: string | null; result: string | null } {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT state, error_code, result FROM jobs WHERE id = ?").get(id) as never;
  } finally {
    db.close();
  }
}

describe("JobQueue on a full disk", () => {
  it("fails a job whose runner hit a full disk with DISK_FULL and the system's words", async () => {
    const { queue, events, log } = setup(() => async () => writeToFullDisk());
    const { job } = queue.enqueue(params("/full.mov"));
    queue.start();
    await queue.whenIdle();
    const failed = queue.get(job.id);
    expect(failed).toMatchObject({ state: "failed", error: { code: ErrorCode.DISK_FULL } });
    expect(failed?.error?.message).toContain("no space left on device");
    expect(events.at(-1)).toMatchObject({ type: "failed", job: { id: job.id, error: { code: ErrorCode.DISK_FULL } } });
    // The log carries the cause, not only that something failed.
    expect(log).toContainEqual(
      expect.objectContaining({
        message: "job failed",
        fields: expect.objectContaining({ code: ErrorCode.DISK_FULL, message: failed?.error?.message }),
      }),
    );
  });

  it("when the catalog cannot take a job's end, it is still announced, answered, never joined, and written once there is room", async () => {
    let filled = false;
    const { file, catalog, queue, events, log } = setup((db) => async (job) => {
      if (job.clipPath !== "/target.mov") return { done: job.clipPath };
      if (!filled) fillCatalog(db);
      filled = true;
      return openLongName();
    });
    const { job } = queue.enqueue(params("/target.mov"));
    for (let i = 0; i < 3; i++) queue.enqueue(params(`/later-${i}.mov`));
    queue.start();

    await waitFor(() => events.some((e) => e.type === "failed" && e.job.id === job.id));
    expect(row(file, job.id).state).toBe("running"); // the end really was not written
    expect(queue.get(job.id)).toMatchObject({ state: "failed", stage: null, error: { code: ErrorCode.INTERNAL } });
    expect(queue.get(job.id)?.error?.message).toContain("ENAMETOOLONG");
    expect(queue.list({ states: ["failed"] }).map((j) => j.id)).toContain(job.id);
    expect(queue.list({ states: ["running"] }).map((j) => j.id)).not.toContain(job.id);
    expect(log).toContainEqual(
      expect.objectContaining({
        level: "error",
        fields: expect.objectContaining({ jobId: job.id, code: ErrorCode.DISK_FULL }),
      }),
    );
    // A new request for the clip does not join the job that ended: a new job, or (no room for one) DISK_FULL.
    let again: string | undefined;
    try {
      const next = queue.enqueue(params("/target.mov"));
      expect(next.joined).toBe(false);
      again = next.job.id;
    } catch (error) {
      expect(error).toMatchObject({ code: ErrorCode.DISK_FULL });
    }
    expect(again).not.toBe(job.id);

    freeCatalog(catalog);
    await waitFor(() => row(file, job.id).state === "failed");
    expect(row(file, job.id).error_code).toBe(ErrorCode.INTERNAL);
    expect(queue.get(job.id)?.state).toBe("failed");
    again ??= queue.enqueue(params("/target.mov")).job.id;
    expect(again).not.toBe(job.id);
    await queue.whenIdle();
    // The jobs behind it ran once there was room again.
    expect(
      queue
        .list({ states: ["completed"] })
        .map((j) => j.clipPath)
        .sort(),
    ).toEqual(["/later-0.mov", "/later-1.mov", "/later-2.mov"]);
    expect(queue.get(again)?.state).toBe("failed"); // the same runner fails the same way
  });

  it("keeps a completed job's result in memory until the catalog takes it", async () => {
    const big = "Überflutung ".repeat(8000);
    const { file, catalog, queue, events } = setup((db) => async () => {
      fillCatalog(db);
      return { text: big };
    });
    const { job } = queue.enqueue(params("/big-result.mov"));
    queue.start();
    await waitFor(() => events.some((e) => e.type === "done"));
    expect(row(file, job.id)).toMatchObject({ state: "running", result: null });
    expect(queue.get(job.id)).toMatchObject({ state: "completed", fraction: 1 });
    expect(queue.result(job.id)).toEqual({ text: big });

    freeCatalog(catalog);
    await waitFor(() => row(file, job.id).state === "completed");
    expect(JSON.parse(row(file, job.id).result!)).toEqual({ text: big });
    expect(queue.result(job.id)).toEqual({ text: big });
  });

  it("a shutdown writes an end the catalog takes by then", async () => {
    const { file, catalog, queue } = setup((db) => async () => {
      fillCatalog(db);
      return { text: "x".repeat(20_000) };
    });
    const { job } = queue.enqueue(params("/late.mov"));
    queue.start();
    await waitFor(() => queue.get(job.id)?.state === "completed");
    expect(row(file, job.id).state).toBe("running");
    freeCatalog(catalog);
    await queue.shutdown();
    expect(row(file, job.id).state).toBe("completed");
  });
});
