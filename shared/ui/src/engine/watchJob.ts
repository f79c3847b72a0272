import { ErrorCode, SichterRpcError, type Disposable, type Job, type JobId } from "@sichter/shared/protocol";
import type { EngineCalls } from "./EngineCalls.ts";

const FINAL_STATES: ReadonlySet<Job["state"]> = new Set(["completed", "failed", "cancelled", "interrupted"]);

export function isFinal(job: Job): boolean {
  return FINAL_STATES.has(job.state);
}

export interface JobWatch extends Disposable {
  /** Settles with the job once it completed, failed, was cancelled or interrupted. */
  readonly finished: Promise<Job>;
}

/**
 * Follows one engine job to its end: progress from `job.progress`, the end from `job.done` /
 * `job.failed`, and one `job.get` right away, because a short job may have ended before the
 * subscription existed (notifications are not replayed).
 */
export function watchJob(engine: EngineCalls, jobId: JobId, onProgress: (stage: string, fraction: number) => void): JobWatch {
  const subscriptions: Disposable[] = [];
  let settle: (job: Job) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  let settled = false;
  const finished = new Promise<Job>((resolve, reject) => {
    settle = (job) => {
      if (settled) return;
      settled = true;
      dispose();
      resolve(job);
    };
    fail = (error) => {
      if (settled) return;
      settled = true;
      dispose();
      reject(error);
    };
  });
  const dispose = (): void => {
    for (const subscription of subscriptions.splice(0)) subscription.dispose();
  };
  subscriptions.push(
    engine.onNotification("job.progress", (p) => {
      if (p.jobId === jobId && !settled) onProgress(p.stage, p.fraction);
    }),
    engine.onNotification("job.done", (p) => {
      if (p.jobId === jobId) settle(p.job);
    }),
    engine.onNotification("job.failed", (p) => {
      if (p.jobId === jobId) settle(p.job);
    }),
  );
  engine.request("job.get", { jobId }).then(
    (job) => {
      if (isFinal(job)) settle(job);
      else if (job.stage !== null) onProgress(job.stage, job.fraction);
    },
    (error: unknown) => fail(error),
  );
  // Whoever disposes the watch no longer waits for it: their rejection must not go unhandled.
  finished.catch(() => {});
  return { finished, dispose: () => fail(SichterRpcError.of(ErrorCode.CANCELLED)) };
}
