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
 * `job.failed`. It starts with `job.subscribe`: the engine tells a connection only about jobs it
 * started or subscribed to (a new connection after a reconnect follows nothing), and the answer is
 * the job as it is now, which settles a job that ended before anyone listened.
 */
export function watchJob(
  engine: EngineCalls,
  jobId: JobId,
  onProgress: (stage: string, fraction: number) => void,
): JobWatch {
  const subscriptions: Disposable[] = [];
  // The snapshot below may answer after a newer notification: it must not turn the stage back.
  let heard = false;
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
      if (p.jobId !== jobId || settled) return;
      heard = true;
      onProgress(p.stage, p.fraction);
    }),
    engine.onNotification("job.done", (p) => {
      if (p.jobId === jobId) settle(p.job);
    }),
    engine.onNotification("job.failed", (p) => {
      if (p.jobId === jobId) settle(p.job);
    }),
  );
  engine.request("job.subscribe", { jobId }).then(
    (job) => {
      if (isFinal(job)) settle(job);
      else if (job.stage !== null && !heard) onProgress(job.stage, job.fraction);
    },
    (error: unknown) => fail(error),
  );
  // Whoever disposes the watch no longer waits for it: their rejection must not go unhandled.
  finished.catch(() => {});
  return { finished, dispose: () => fail(SichterRpcError.of(ErrorCode.CANCELLED)) };
}
