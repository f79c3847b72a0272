import type { ResolveHost, SelectionPoller } from "@sichter/resolve-adapter";
import { ErrorCode, SichterRpcError, isMethodName } from "@sichter/shared/protocol";
import { REQUEST } from "../ipcChannels.ts";
import type { EngineLink } from "./EngineLink.ts";
import type { IpcMainInvokeEventLike, IpcMainLike } from "./ElectronSeam.ts";
import { ClipReferenceValue, ClipSourceValue, FrameValue, SequencePlansValue, TagPlanValue, answer, checked } from "./ipcValues.ts";

export interface IpcServices {
  readonly host: ResolveHost;
  readonly poller: SelectionPoller;
  readonly engine: EngineLink;
  readonly locale: () => "de" | "en";
  /** The plugin window's webContents: requests from anywhere else are refused. */
  readonly sender: () => unknown;
}

/**
 * Answers the page's requests. Every argument is checked here (the page renders engine data and
 * is the less trusted side); Resolve is reached only through the host's call queue.
 */
export function registerIpc(ipc: IpcMainLike, services: IpcServices): { dispose(): void } {
  const handlers: Record<(typeof REQUEST)[keyof typeof REQUEST], (...args: unknown[]) => unknown> = {
    [REQUEST.currentClip]: () => services.host.currentClip(),
    [REQUEST.sequenceClips]: () => services.host.sequenceClips(),
    [REQUEST.applyTagPlan]: async (plan, clip) => {
      const report = await services.host.applyTagPlan(checked(TagPlanValue, plan, "plan"), checked(ClipReferenceValue, clip, "clip"));
      // The markers under the clip changed; the panel hears the current clip again if it moved.
      void services.poller.pollNow();
      return report;
    },
    [REQUEST.reveal]: (clip, frame) => services.host.reveal(checked(ClipReferenceValue, clip, "clip"), checked(FrameValue, frame, "frame")),
    [REQUEST.setClipSource]: (source) => {
      services.host.setClipSource(checked(ClipSourceValue, source, "source"));
      // The panel hears the new source's clip at once, not a poll later.
      return services.poller.pollNow();
    },
    [REQUEST.markSequence]: async (plans) => {
      const report = await services.host.markTimeline(new Map(checked(SequencePlansValue, plans, "plans")));
      void services.poller.pollNow();
      return report;
    },
    [REQUEST.engineRequest]: (method, params) => {
      if (typeof method !== "string" || !isMethodName(method)) throw SichterRpcError.of(ErrorCode.METHOD_NOT_FOUND, { method: String(method) });
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
  return { dispose: () => Object.keys(handlers).forEach((channel) => ipc.removeHandler(channel)) };
}
