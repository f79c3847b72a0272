import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/errors";
import { SqliteCatalog } from "../catalog/SqliteCatalog.ts";
import { JobQueue, type JobRunner } from "./JobQueue.ts";
import { params, tempCatalogs, waitFor } from "../../test/support/jobTestSupport.ts";

const catalogs = tempCatalogs("sichter-jobs-recovery-");
afterAll(() => catalogs.cleanup());

const open: SqliteCatalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.dispose();
});

const hang: JobRunner = () => new Promise<never>(() => {});
const fast: JobRunner = async (job) => ({ done: job.clipPath });

type Log = Array<{ level: string; message: string; fields?: Record<string, unknown> }>;

function reopen(file: string, runner: JobRunner, log: Log = [], maxAttempts?: number) {
  const catalog = SqliteCatalog.open(file);
  open.push(catalog);
  const queue = JobQueue.open(catalog.database, runner, {
    log: (level, message, fields) => log.push({ level, message, ...(fields && { fields }) }),
    ...(maxAttempts !== undefined && { maxAttempts }),
  });
  return { catalog, queue };
}

/** An engine that dies mid-job without a shutdown: its runner hangs and its connection just closes. */
async function crashWhileRunning(file: string, clipPath?: string): Promise<string | undefined> {
  const { catalog, queue } = reopen(file, hang);
  const id = clipPath === undefined ? undefined : queue.enqueue(params(clipPath)).job.id;
  queue.start();
  await waitFor(() => queue.list({ states: ["running"] }).length === 1);
  catalog.dispose();
  open.splice(open.indexOf(catalog), 1);
  return id;
}

describe("recovery of jobs a stopped engine left running", () => {
  it("queues the job again, logs it, and the next runner completes it", async () => {
    const file = catalogs.file();
    const id = (await crashWhileRunning(file, "/crash.mov"))!;
    const log: Log = [];
    const { queue } = reopen(file, fast, log);
    expect(queue.get(id)).toMatchObject({ state: "queued", attempts: 1, stage: null, startedAt: null });
    expect(log).toEqual([expect.objectContaining({ level: "info", fields: { jobId: id, attempts: 1 } })]);
    queue.start();
    await queue.whenIdle();
    expect(queue.get(id)?.state).toBe("completed");
    expect(queue.result(id)).toEqual({ done: "/crash.mov" });
  });

  it("gives up after maxAttempts runs cut short: interrupted, with an error", async () => {
    const file = catalogs.file();
    const id = (await crashWhileRunning(file, "/poison.mov"))!;
    await crashWhileRunning(file);
    const log: Log = [];
    const ran: string[] = [];
    const { queue } = reopen(file, async (job) => void ran.push(job.id), log);
    const job = queue.get(id);
    expect(job).toMatchObject({ state: "interrupted", attempts: 2, stage: null, error: { code: ErrorCode.INTERNAL } });
    expect(job?.error?.message).toContain("the engine stopped twice while running this job; start it again");
    expect(job?.finishedAt).not.toBeNull();
    expect(log).toEqual([expect.objectContaining({ level: "warn", fields: { jobId: id, attempts: 2 } })]);
    queue.start();
    await queue.whenIdle();
    expect(ran).toEqual([]);
  });

  it("honours maxAttempts 1: the first crash already interrupts", async () => {
    const file = catalogs.file();
    const id = (await crashWhileRunning(file, "/once.mov"))!;
    const { queue } = reopen(file, fast, [], 1);
    expect(queue.get(id)?.error?.message).toContain("stopped once");
  });

  it("leaves a job alone that a live engine process still runs", async () => {
    const file = catalogs.file();
    const id = (await crashWhileRunning(file, "/elsewhere.mov"))!;
    const db = SqliteCatalog.open(file);
    db.database.prepare("UPDATE jobs SET owner_pid = ? WHERE id = ?").run(process.ppid, id);
    db.dispose();
    const { queue } = reopen(file, fast);
    expect(queue.get(id)).toMatchObject({ state: "running", attempts: 0 });
  });

  it("keeps queued jobs queued until start()", async () => {
    const file = catalogs.file();
    const first = reopen(file, hang);
    const { job } = first.queue.enqueue(params("/waiting.mov"));
    first.catalog.dispose();
    open.splice(open.indexOf(first.catalog), 1);
    const { queue } = reopen(file, fast);
    expect(queue.get(job.id)).toMatchObject({ state: "queued", attempts: 0 });
    queue.start();
    await queue.whenIdle();
    expect(queue.get(job.id)?.state).toBe("completed");
  });

  it("recovers a job whose engine process was SIGKILLed", async () => {
    const file = catalogs.file();
    const child = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../test/support/hangingQueueChild.ts");
    const id = await new Promise<string>((resolve, reject) => {
      const proc = spawn(process.execPath, ["--import", "tsx", child, file, "/killed.mov"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      let jobId: string | undefined;
      proc.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      proc.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /^running (\S+)$/m.exec(stdout);
        if (match && !jobId) {
          jobId = match[1]!;
          proc.kill("SIGKILL");
        }
      });
      proc.on("error", reject);
      proc.on("close", (code, signal) =>
        signal === "SIGKILL" && jobId ? resolve(jobId) : reject(new Error(`child exited ${code}: ${stderr}`)),
      );
    });
    const log: Log = [];
    const { queue } = reopen(file, fast, log);
    expect(queue.get(id)).toMatchObject({ state: "queued", attempts: 1, clipPath: "/killed.mov" });
    expect(log).toHaveLength(1);
    queue.start();
    await queue.whenIdle();
    expect(queue.get(id)?.state).toBe("completed");
    expect(queue.result(id)).toEqual({ done: "/killed.mov" });
  }, 60_000);
});
