/**
 * The plugin's whole IPC surface between its page (through the preload) and its main process.
 * Requests (page → main, answered): nothing else reaches Resolve or the engine from the page.
 */
export const REQUEST = {
  currentClip: "sichter:resolve:current-clip",
  sequenceClips: "sichter:resolve:sequence-clips",
  applyTagPlan: "sichter:resolve:apply-tag-plan",
  reveal: "sichter:resolve:reveal",
  setClipSource: "sichter:resolve:set-clip-source",
  markSequence: "sichter:resolve:mark-sequence",
  /** Stops the auto-mark run of that id between two instances (see markSequenceProgress). */
  cancelMarkSequence: "sichter:resolve:cancel-mark-sequence",
  engineRequest: "sichter:engine:request",
  engineState: "sichter:engine:state",
  engineFiles: "sichter:engine:files",
  locale: "sichter:host:locale",
} as const;

/** Events (main → page). */
export const EVENT = {
  currentClipChanged: "sichter:resolve:current-clip-changed",
  /** (run id, instances done, instances in all) of an auto-mark run the page started. */
  markSequenceProgress: "sichter:resolve:mark-sequence-progress",
  engineNotification: "sichter:engine:notification",
  engineStateChanged: "sichter:engine:state-changed",
} as const;

/** An IPC answer: Electron passes only a rejection's message, so failures travel as data with their code. */
export type IpcAnswer<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly error: { readonly code: string; readonly message: string; readonly data?: unknown };
    };
