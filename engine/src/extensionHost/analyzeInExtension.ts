import { abortSignalFor, type CancellationToken } from "../core/Cancellation.ts";
import type { Progress } from "../core/Progress.ts";
import type { CallOptions, ExtensionProcess } from "./host/ExtensionProcess.ts";

export interface AnalyzerCallTarget {
  /** The analyzer contribution's id. */
  readonly id: string;
  readonly timeoutSeconds: number;
  /** Starts (activates) the extension's process on first use. */
  readonly host: () => Promise<ExtensionProcess>;
}

/**
 * One `analyze` call into an extension's process: within the contribution's time limit, its
 * progress passed on (clamped: an extension's numbers are not trusted to stay in 0..1), and
 * cancelled with the token. The caller validates what comes back.
 */
export async function analyzeInExtension(
  target: AnalyzerCallTarget,
  input: unknown,
  progress: Progress,
  token: CancellationToken,
  onRequest?: CallOptions["onRequest"],
): Promise<unknown> {
  const host = await target.host();
  const abort = abortSignalFor(token);
  try {
    return await host.analyze(target.id, input, {
      timeoutMs: target.timeoutSeconds * 1000,
      signal: abort.signal,
      onProgress: (stage, fraction) => progress.report({ stage, fraction: Math.min(1, Math.max(0, fraction)) }),
      ...(onRequest && { onRequest }),
    });
  } finally {
    abort.dispose();
  }
}
