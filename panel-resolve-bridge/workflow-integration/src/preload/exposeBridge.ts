import { EVENT, type IpcAnswer, REQUEST } from "../ipcChannels.ts";

/** The preload's part of Electron's renderer API. */
export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Where the page finds the bridge: `window.sichterResolve`. */
export const BRIDGE_KEY = "sichterResolve";

/**
 * What the page may ask, and nothing more: no ipcRenderer, no Node, no Resolve object. Requests
 * answer the IPC envelope (see IpcAnswer); subscriptions answer a function that unsubscribes.
 */
export interface SichterResolveBridge {
  currentClip(): Promise<IpcAnswer<unknown>>;
  sequenceClips(): Promise<IpcAnswer<unknown>>;
  applyTagPlan(plan: unknown, clip: unknown): Promise<IpcAnswer<unknown>>;
  reveal(clip: unknown, frame: number): Promise<IpcAnswer<unknown>>;
  setClipSource(source: string): Promise<IpcAnswer<unknown>>;
  /** Auto-mark under the page's `runId`: its progress comes as onMarkSequenceProgress events with that id. */
  markSequence(plans: unknown, runId: string): Promise<IpcAnswer<unknown>>;
  cancelMarkSequence(runId: string): Promise<IpcAnswer<unknown>>;
  onMarkSequenceProgress(listener: (runId: string, done: number, total: number) => void): () => void;
  locale(): Promise<IpcAnswer<unknown>>;
  onCurrentClipChange(listener: (clip: unknown) => void): () => void;
  engine: {
    request(method: string, params: unknown): Promise<IpcAnswer<unknown>>;
    state(): Promise<IpcAnswer<unknown>>;
    /** The engine's HTTP address and token for file URLs (see EngineLink.files). */
    files(): Promise<IpcAnswer<unknown>>;
    onNotification(listener: (method: string, params: unknown) => void): () => void;
    onStateChange(listener: (state: string) => void): () => void;
  };
}

/** Builds the bridge and exposes it to the page's isolated world. */
export function exposeBridge(contextBridge: ContextBridgeLike, ipc: IpcRendererLike): void {
  contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(ipc));
}

export function createBridge(ipc: IpcRendererLike): SichterResolveBridge {
  const invoke = (channel: string, ...args: unknown[]) => ipc.invoke(channel, ...args) as Promise<IpcAnswer<unknown>>;
  const subscribe = <A extends unknown[]>(channel: string, listener: (...args: A) => void): (() => void) => {
    // The event object (with its sender) stays in the preload.
    const handler = (_event: unknown, ...args: unknown[]): void => listener(...(args as A));
    ipc.on(channel, handler);
    return () => void ipc.removeListener(channel, handler);
  };
  return {
    currentClip: () => invoke(REQUEST.currentClip),
    sequenceClips: () => invoke(REQUEST.sequenceClips),
    applyTagPlan: (plan, clip) => invoke(REQUEST.applyTagPlan, plan, clip),
    reveal: (clip, frame) => invoke(REQUEST.reveal, clip, frame),
    setClipSource: (source) => invoke(REQUEST.setClipSource, source),
    markSequence: (plans, runId) => invoke(REQUEST.markSequence, plans, runId),
    cancelMarkSequence: (runId) => invoke(REQUEST.cancelMarkSequence, runId),
    onMarkSequenceProgress: (listener) => subscribe(EVENT.markSequenceProgress, listener),
    locale: () => invoke(REQUEST.locale),
    onCurrentClipChange: (listener) => subscribe(EVENT.currentClipChanged, listener),
    engine: {
      request: (method, params) => invoke(REQUEST.engineRequest, method, params),
      state: () => invoke(REQUEST.engineState),
      files: () => invoke(REQUEST.engineFiles),
      onNotification: (listener) => subscribe(EVENT.engineNotification, listener),
      onStateChange: (listener) => subscribe(EVENT.engineStateChanged, listener),
    },
  };
}
