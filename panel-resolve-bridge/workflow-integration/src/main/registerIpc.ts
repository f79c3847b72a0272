import type { ResolveHost, SelectionPoller } from "@sichter/resolve-adapter";
import { ErrorCode, SichterRpcError, isMethodName } from "@sichter/shared/protocol";
import { EVENT, REQUEST } from "../ipcChannels.ts";
import type { EngineLink } from "./EngineLink.ts";
import type { IpcMainInvokeEventLike, IpcMainLike } from "./ElectronSeam.ts";
import {
  ClipReferenceValue,
  ClipSourceValue,
  FrameValue,
  RunIdValue,
  SequencePlansValue,
  TagPlanValue,
  answer,
  checked,
} from "./ipcValues.ts";

export interface IpcServices {
  readonly host: ResolveHost;
  readonly poller: SelectionPoller;
  readonly engine: EngineLink;
  readonly locale: () => "de" | "en";
  /** The plugin window's webContents: requests from anywhere else are refused. */
  readonly sender: () => unknown;
  /** Sends an event to the plugin window (nothing once it is gone). */
  readonly notify: (channel: string, ...args: unknown[]) => void;
}

/**
 * Answers the page's requests. Every argument is checked here (the page renders engine data and
 * is the less trusted side); Resolve is reached only through the host's call queue.
 */
export function registerIpc(ipc: IpcMainLike, services: IpcServices): { dispose(): void } {
  // Auto-mark runs under way, by the page's run id: a cancel reaches the run between two instances.
  const runs = new Map<string, AbortController>();
  const handlers: Record<(typeof REQUEST)[keyof typeof REQUEST], (...args: unknown[]) => unknown> = {
    [REQUEST.currentClip]: () => services.host.currentClip(),
    [REQUEST.sequenceClips]: () => services.host.sequenceClips(),
    [REQUEST.applyTagPlan]: async (plan, clip) => {
      const report = await services.host.applyTagPlan(
        checked(TagPlanValue, plan, "plan"),
        checked(ClipReferenceValue, clip, "clip"),
      );
      // The markers under the clip changed; the panel hears the current clip again if it moved.
      void services.poller.pollNow();
      return report;
    },
    [REQUEST.reveal]: (clip, frame) =>
      services.host.reveal(checked(ClipReferenceValue, clip, "clip"), checked(FrameValue, frame, "frame")),
    [REQUEST.setClipSource]: (source) => {
      services.host.setClipSource(checked(ClipSourceValue, source, "source"));
      // The panel hears the new source's clip at once, not a poll later.
      return services.poller.pollNow();
    },
    [REQUEST.markSequence]: async (plans, runId) => {
      const checkedPlans = new Map(checked(SequencePlansValue, plans, "plans"));
      const id = checked(RunIdValue, runId, "runId");
      if (runs.has(id))
        throw SichterRpcError.of(ErrorCode.INVALID_PARAMS, { method: "runId", detail: `run ${id} is under way` });
      const run = new AbortController();
      runs.set(id, run);
      try {
        const report = await services.host.markTimeline(
          checkedPlans,
          (done, total) => services.notify(EVENT.markSequenceProgress, id, done, total),
          run.signal,
        );
        void services.poller.pollNow();
        return report;
      } finally {
        runs.delete(id);
      }
    },
    [REQUEST.cancelMarkSequence]: (runId) => {
      runs.get(checked(RunIdValue, runId, "runId"))?.abort();
      return null;
    },
    [REQUEST.engineRequest]: (method, params) => {
      if (typeof method !== "string" || !isMethodName(method))
        throw SichterRpcError.of(ErrorCode.METHOD_NOT_FOUND, { method: String(method) });
      return services.engine.request(method, params ?? {});
    },
    [REQUEST.engineState]: () => services.engine.state,
    [REQUEST.engineFiles]: () => services.engine.files,
    [REQUEST.locale]: () => services.locale(),
  };
  for (const [channel, handler] of Object.entries(handlers)) {
    ipc.handle(channel, (event: IpcMainInvokeEventLike, ...args: unknown[]) =>
      answer(() => {
        if (event.sender !== services.sender()) throw SichterRpcError.of(ErrorCode.UNAUTHORIZED);
        return handler(...args);
      }),
    );
  }
  return {
    dispose: () => {
      for (const run of runs.values()) run.abort();
      Object.keys(handlers).forEach((channel) => ipc.removeHandler(channel));
    },
  };
}
