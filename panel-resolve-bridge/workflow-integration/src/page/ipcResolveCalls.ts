import type { ResolveHostCalls } from "@sichter/resolve-adapter";
import type { TagPlan } from "@sichter/shared/model";
import { type ErrorCode, SichterRpcError } from "@sichter/shared/protocol";
import type { ApplyReport } from "@sichter/ui/src/host/ApplyReport.ts";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import type { SequenceMarkReport } from "@sichter/ui/src/host/HostAdapter.ts";
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
    markSequence: (plans) => unwrap<SequenceMarkReport>(bridge.markSequence(plans)),
    onCurrentClipChange: (listener) => {
      const stop = bridge.onCurrentClipChange((clip) => listener(clip as ClipReference | null));
      return { dispose: stop };
    },
  };
}
