import type { ProgressToken } from "@sichter/shared/protocol";
import type { Disposable } from "../core/Disposable.ts";
import type { JobEvent } from "../jobs/JobQueue.ts";
import type { RpcConnection } from "./RpcConnection.ts";

/**
 * LSP-style `$/progress` for the job a request started: begin now, report as it runs, end when it
 * finishes however it finishes. Percentages only grow, so a panel's bar never jumps back.
 */
export function followJobProgress(
  jobs: { onEvent(listener: (event: JobEvent) => void): Disposable },
  jobId: string,
  connection: RpcConnection,
  token: ProgressToken,
  title: string,
): Disposable {
  let last = -1;
  connection.progress(token, { kind: "begin", title, percentage: 0 });
  const subscription = jobs.onEvent((event) => {
    if (event.job.id !== jobId) return;
    if (event.type === "progress") {
      const percentage = Math.floor(event.job.fraction * 100);
      if (percentage <= last) return;
      last = percentage;
      connection.progress(token, { kind: "report", percentage, ...(event.job.stage && { message: event.job.stage }) });
      return;
    }
    connection.progress(token, { kind: "end", message: event.type });
    subscription.dispose();
  });
  return subscription;
}
