import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgresCluster, type PostgresCluster } from "../../../test/postgresCluster.ts";
import { SichterError } from "../../core/SichterError.ts";
import { SharedJobQueue } from "./SharedJobQueue.ts";

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 120_000);
afterAll(() => cluster?.stop());

let n = 0;
/** Handles on one fresh database, as separate engines and workers would hold them. */
async function handles(count: number): Promise<SharedJobQueue[]> {
  const url = await cluster.createDatabase(`queue_${++n}`);
  const queues: SharedJobQueue[] = [];
  for (let i = 0; i < count; i++) queues.push(await SharedJobQueue.open(url));
  return queues;
}
const closeAll = (queues: SharedJobQueue[]) => Promise.all(queues.map((q) => q.close()));

/** Polls until `check` returns something, up to a generous limit: no test here depends on timing. */
async function eventually<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  for (
    const started = Date.now();
    Date.now() - started < 60_000;
    await new Promise((resolve) => setTimeout(resolve, 100))
  ) {
    const found = await check();
    if (found !== undefined) return found;
  }
  throw new Error(`never happened: ${what}`);
}

describe("SharedJobQueue on PostgreSQL", () => {
  it("20 clips queued from two engines are each run exactly once by two workers at once", async () => {
    const [engineA, engineB, worker1, worker2] = await handles(4);
    try {
      const queued = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? engineA! : engineB!).enqueue({
            clipKey: `sha256:${i}`,
            clipPath: `/nas/news/${i}.mxf`,
            params: { i },
          }),
        ),
      );
      expect(queued.every((q) => !q.joined)).toBe(true);
      const ran: string[] = [];
      const work = async (queue: SharedJobQueue, name: string): Promise<void> => {
        for (let job = await queue.claim(name, 60_000); job; job = await queue.claim(name, 60_000)) {
          ran.push(job.clipKey);
          await queue.heartbeat(job.id, name, 60_000, { stage: "shots", fraction: 0.5 });
          expect(await queue.finish(job.id, name, { result: { by: name } })).toBe(true);
        }
      };
      await Promise.all([work(worker1!, "worker-1"), work(worker2!, "worker-2")]);
      expect(ran.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `sha256:${i}`).sort());
      const ends = await Promise.all(queued.map((q) => engineA!.get(q.job.id)));
      expect(ends.every((j) => j?.state === "completed" && j.attempts === 1 && j.fraction === 1)).toBe(true);
    } finally {
      await closeAll([engineA!, engineB!, worker1!, worker2!]);
    }
  });

  it("a second request for a queued or running clip joins its job; after the end a new job starts", async () => {
    const [engine, worker] = await handles(2);
    try {
      const first = await engine!.enqueue({ clipKey: "sha256:same", clipPath: "/Volumes/News/a.mxf", params: {} });
      const joined = await engine!.enqueue({ clipKey: "sha256:same", clipPath: "\\\\nas\\News\\a.mxf", params: {} });
      expect(joined).toMatchObject({ joined: true, job: { id: first.job.id, clipPath: "/Volumes/News/a.mxf" } });
      const job = (await worker!.claim("w", 60_000))!;
      expect((await engine!.enqueue({ clipKey: "sha256:same", clipPath: "/mnt/news/a.mxf", params: {} })).job.id).toBe(
        job.id,
      );
      await worker!.finish(job.id, "w", { result: null });
      expect((await engine!.enqueue({ clipKey: "sha256:same", clipPath: "/mnt/news/a.mxf", params: {} })).joined).toBe(
        false,
      );
    } finally {
      await closeAll([engine!, worker!]);
    }
  });

  it("a dead worker's job is taken over once its lease runs out; the dead one's late words are ignored", async () => {
    const [engine, dead, alive] = await handles(3);
    try {
      const { job } = await engine!.enqueue({ clipKey: "sha256:x", clipPath: "/nas/x.mxf", params: {} });
      expect((await dead!.claim("dead", 500))!.id).toBe(job.id);
      expect(await alive!.claim("alive", 60_000)).toBeUndefined();
      const taken = await eventually(() => alive!.claim("alive", 60_000), "the lease running out");
      expect(taken).toMatchObject({ id: job.id, attempts: 2, leaseOwner: "alive" });
      await expect(dead!.heartbeat(job.id, "dead", 500)).rejects.toThrow(SichterError);
      expect(await dead!.finish(job.id, "dead", { result: "stale" })).toBe(false);
      expect(await alive!.finish(job.id, "alive", { result: "fresh" })).toBe(true);
      expect(await engine!.get(job.id)).toMatchObject({ state: "completed", result: "fresh" });
    } finally {
      await closeAll([engine!, dead!, alive!]);
    }
  });

  it("retries up to the limit: a job whose workers all died is interrupted, not run forever", async () => {
    const [engine, worker] = await handles(2);
    try {
      const { job } = await engine!.enqueue({
        clipKey: "sha256:y",
        clipPath: "/nas/y.mxf",
        params: {},
        maxAttempts: 1,
      });
      await worker!.claim("dies", 300);
      const ended = await eventually(async () => {
        await worker!.claim("next", 60_000);
        const now = await engine!.get(job.id);
        return now?.state === "interrupted" ? now : undefined;
      }, "the job being given up");
      expect(ended).toMatchObject({ attempts: 1, errorCode: "SICHTER_E_INTERNAL" });
    } finally {
      await closeAll([engine!, worker!]);
    }
  });

  it("cancels a queued job at once and asks a running one to stop; a worker that cannot see the file gives it back", async () => {
    const [engine, worker] = await handles(2);
    try {
      const queued = await engine!.enqueue({ clipKey: "sha256:q", clipPath: "/nas/q.mxf", params: {} });
      expect(await engine!.cancel(queued.job.id)).toMatchObject({
        state: "cancelled",
        errorCode: "SICHTER_E_CANCELLED",
      });
      const running = await engine!.enqueue({ clipKey: "sha256:r", clipPath: "/nas/r.mxf", params: {} });
      const released = (await worker!.claim("blind", 60_000))!;
      await worker!.release(released.id, "blind");
      expect(await engine!.get(running.job.id)).toMatchObject({ state: "queued", attempts: 0 });
      const job = (await worker!.claim("w", 60_000))!;
      await engine!.cancel(job.id);
      expect(await worker!.heartbeat(job.id, "w", 60_000)).toEqual({ cancelRequested: true });
      await worker!.finish(job.id, "w", { cancelled: true });
      expect(await engine!.get(job.id)).toMatchObject({ state: "cancelled", attempts: 1 });
    } finally {
      await closeAll([engine!, worker!]);
    }
  });

  it("a worker skips the jobs it gave back and takes the next; another worker takes the one given back", async () => {
    const [engine, blind, seeing] = await handles(3);
    try {
      const first = await engine!.enqueue({ clipKey: "sha256:s1", clipPath: "/nas/s1.mxf", params: {} });
      const second = await engine!.enqueue({ clipKey: "sha256:s2", clipPath: "/nas/s2.mxf", params: {} });
      const given = (await blind!.claim("blind", 60_000))!;
      expect(given.id).toBe(first.job.id);
      await blind!.release(given.id, "blind");
      expect((await blind!.claim("blind", 60_000, [given.id]))?.id).toBe(second.job.id);
      expect(await blind!.claim("blind", 60_000, [given.id])).toBeUndefined();
      expect((await seeing!.claim("seeing", 60_000))?.id).toBe(first.job.id);
    } finally {
      await closeAll([engine!, blind!, seeing!]);
    }
  });

  it("progress reaches the engine that asked through LISTEN/NOTIFY", async () => {
    const [engine, worker] = await handles(2);
    const heard: string[] = [];
    const listening = await engine!.listen((id) => heard.push(id));
    try {
      const { job } = await engine!.enqueue({ clipKey: "sha256:p", clipPath: "/nas/p.mxf", params: {} });
      await worker!.claim("w", 60_000);
      await worker!.heartbeat(job.id, "w", 60_000, { stage: "ocr", fraction: 0.4 });
      await eventually(
        async () => (heard.filter((id) => id === job.id).length >= 2 ? true : undefined),
        "two notifications",
      );
      expect(await engine!.get(job.id)).toMatchObject({ stage: "ocr", fraction: 0.4 });
    } finally {
      await listening.dispose();
      await closeAll([engine!, worker!]);
    }
  });

  it("a running job's cancel reaches its worker at once; a listener whose connection the server killed listens again and says so", async () => {
    const [engine, worker] = await handles(2);
    const cancels: string[] = [];
    const heard: string[] = [];
    let reconnects = 0;
    const listening = await worker!.listen({
      onJob: (id) => heard.push(id),
      onCancel: (id) => cancels.push(id),
      onReconnect: () => reconnects++,
    });
    try {
      const { job } = await engine!.enqueue({ clipKey: "sha256:c", clipPath: "/nas/c.mxf", params: {} });
      await worker!.claim("w", 60_000);
      await engine!.cancel(job.id);
      await eventually(async () => (cancels.includes(job.id) ? true : undefined), "the cancel at the worker");

      await cluster.sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()",
      );
      await eventually(async () => (reconnects > 0 ? true : undefined), "the listener back");
      const later = await engine!.enqueue({ clipKey: "sha256:later", clipPath: "/nas/later.mxf", params: {} });
      await eventually(
        async () => (heard.includes(later.job.id) ? true : undefined),
        "a notification after the reconnect",
      );
      expect(await engine!.list({ states: ["queued"] })).toEqual([
        expect.objectContaining({ id: later.job.id, createdAt: expect.stringMatching(/Z$/) }),
      ]);
    } finally {
      await listening.dispose();
      await closeAll([engine!, worker!]);
    }
  });
});
