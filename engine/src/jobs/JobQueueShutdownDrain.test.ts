import { afterAll, describe, expect, it } from "vitest";
import { SqliteCatalog } from "../catalog/SqliteCatalog.ts";
import { JobQueue } from "./JobQueue.ts";
import { params, tempCatalogs, waitFor } from "../../test/support/jobTestSupport.ts";

const catalogs = tempCatalogs("sichter-jobs-drain-");
afterAll(() => catalogs.cleanup());

/**
 * A stopping engine waits for its running analyses only so long: a runner that does not end when
 * its token is cancelled (an extension call stuck in native code) must not hold the engine's stop
 * forever. Its row stays `running`, committed, and the next start resumes it as after a crash.
 */
describe("JobQueue shutdown with a runner that ignores cancellation", () => {
  it("resolves after the drain time, leaves the row running, and the next queue resumes the job", async () => {
    const file = catalogs.file();
    const catalog = SqliteCatalog.open(file);
    const logged: string[] = [];
    const queue = JobQueue.open(catalog.database, () => new Promise<never>(() => {}), {
      log: (level, message) => logged.push(`${level} ${message}`),
    });
    const { job } = queue.enqueue(params("/stuck.mov"));
    queue.start();
    await waitFor(() => queue.get(job.id)?.state === "running");

    const outcome = await Promise.race([
      queue.shutdown({ drainMs: 300 }).then(() => "stopped"),
      new Promise<string>((resolve) => setTimeout(() => resolve("still waiting"), 10_000).unref()),
    ]);
    expect(outcome).toBe("stopped");
    expect(logged.some((line) => line.startsWith("error ") && line.includes("did not end"))).toBe(true);
    catalog.dispose();

    const reopened = SqliteCatalog.open(file);
    try {
      const next = JobQueue.open(reopened.database, async (resumed) => ({ resumed: resumed.id }));
      next.start();
      await next.whenIdle();
      expect(next.get(job.id)).toMatchObject({ state: "completed", attempts: 1 });
      await next.shutdown();
    } finally {
      reopened.dispose();
    }
  }, 30_000);
});
