import type { Database } from "better-sqlite3";
import { ErrorCode } from "@sichter/shared/errors";
import { processIsAlive } from "../core/processIsAlive.ts";
import { SichterError } from "../core/SichterError.ts";
import type { JobLog } from "./JobLog.ts";

interface RunningRow {
  id: string;
  attempts: number;
  owner_pid: number | null;
}

/**
 * Jobs left `running` by an engine that stopped without a shutdown (crash, SIGKILL, power loss).
 * Analysis is idempotent, so such a job is queued again to run from the start; a job that keeps
 * taking the engine down with it is given up after `maxAttempts` cut-short runs instead of
 * crashing every restart. A row whose owner still lives belongs to another engine on this catalog.
 */
export function recoverOrphanedJobs(db: Database, maxAttempts: number, log: JobLog, now: string): void {
  const changes: Array<{ id: string; attempts: number; state: "queued" | "interrupted" }> = [];
  db.transaction(() => {
    const rows = db.prepare("SELECT id, attempts, owner_pid FROM jobs WHERE state = 'running'").all() as RunningRow[];
    const requeue = db.prepare(
      `UPDATE jobs SET state = 'queued', stage = NULL, fraction = 0, started_at = NULL, owner_pid = NULL, attempts = ?
       WHERE id = ?`,
    );
    const interrupt = db.prepare(
      `UPDATE jobs SET state = 'interrupted', stage = NULL, finished_at = ?, owner_pid = NULL, attempts = ?,
              error_code = ?, error_message = ?
       WHERE id = ?`,
    );
    for (const row of rows) {
      if (!ownerIsGone(row.owner_pid)) continue;
      const attempts = row.attempts + 1;
      if (attempts < maxAttempts) {
        requeue.run(attempts, row.id);
        changes.push({ id: row.id, attempts, state: "queued" });
      } else {
        const error = interruptedError(attempts);
        interrupt.run(now, attempts, error.code, error.message, row.id);
        changes.push({ id: row.id, attempts, state: "interrupted" });
      }
    }
  }).immediate();
  for (const change of changes) {
    if (change.state === "queued") {
      log("info", "job resumed: the engine stopped while running it; it runs again from the start", {
        jobId: change.id,
        attempts: change.attempts,
      });
    } else {
      log("warn", "job interrupted: the engine stopped every time it ran; not retried", {
        jobId: change.id,
        attempts: change.attempts,
      });
    }
  }
}

/**
 * Our own pid means an earlier life of this engine (pids are reused across restarts) or a queue of
 * this process that was dropped without shutdown(); either way nobody will finish the run.
 */
function ownerIsGone(pid: number | null): boolean {
  return pid === null || pid === process.pid || !processIsAlive(pid);
}

function interruptedError(times: number): SichterError {
  const count = times === 1 ? "once" : times === 2 ? "twice" : `${times} times`;
  return new SichterError(ErrorCode.INTERNAL, {
    detail: `the engine stopped ${count} while running this job; start it again`,
  });
}
