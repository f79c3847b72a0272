import type { ResolveHostCalls } from "@sichter/resolve-adapter";
import type { TagPlan } from "@sichter/shared/model";
import { type ErrorCode, SichterRpcError } from "@sichter/shared/protocol";
import type { ApplyReport } from "@sichter/ui/src/host/ApplyReport.ts";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import type { SequenceMarkProgress, SequenceMarkReport } from "@sichter/ui/src/host/HostAdapter.ts";
import type { IpcAnswer } from "../ipcChannels.ts";
import type { SichterResolveBridge } from "../preload/exposeBridge.ts";

/** The value of an IPC answer, or its failure as a SichterRpcError with the main process's code. */
export async function unwrap<T>(answer: Promise<IpcAnswer<unknown>>): Promise<T> {
  const result = await answer;
  if (result.ok) return result.value as T;
  const { code, message, data } = result.error;
  throw new SichterRpcError(code as ErrorCode, message, data === undefined ? {} : { data: data as never });
}

/** The Resolve HostAdapter's calls in the page: each goes over the preload's bridge to the main process. */
export function ipcResolveCalls(bridge: SichterResolveBridge): ResolveHostCalls {
  return {
    currentClip: () => unwrap<ClipReference | null>(bridge.currentClip()),
    sequenceClips: () => unwrap<ClipReference[]>(bridge.sequenceClips()),
    applyTagPlan: (plan: TagPlan, clip: ClipReference) => unwrap<ApplyReport>(bridge.applyTagPlan(plan, clip)),
    reveal: (clip: ClipReference, frame: number) => unwrap(bridge.reveal(clip, frame)),
    setClipSource: (source) => unwrap(bridge.setClipSource(source)),
    markSequence: (plans, progress, signal) => markSequenceOverBridge(bridge, plans, progress, signal),
    onCurrentClipChange: (listener) => {
      const stop = bridge.onCurrentClipChange((clip) => listener(clip as ClipReference | null));
      return { dispose: stop };
    },
  };
}

let runs = 0;

/**
 * One auto-mark run in the main process under an id of this page's: its progress events are
 * picked out by the id, and an abort of `signal` asks the main process to stop the run.
 */
async function markSequenceOverBridge(
  bridge: SichterResolveBridge,
  plans: readonly (readonly [string, TagPlan])[],
  progress?: SequenceMarkProgress,
  signal?: AbortSignal,
): Promise<SequenceMarkReport> {
  // A reloaded page counts from 0 again while the main process may still run an older page's run.
  const runId = `${++runs}-${Math.random().toString(36).slice(2, 10)}`;
  const stop = bridge.onMarkSequenceProgress((id, done, total) => {
    if (id === runId) progress?.(done, total);
  });
  const cancel = (): void => void bridge.cancelMarkSequence(runId);
  signal?.addEventListener("abort", cancel);
  try {
    return await unwrap<SequenceMarkReport>(bridge.markSequence(plans, runId));
  } finally {
    signal?.removeEventListener("abort", cancel);
    stop();
  }
}
