/**
 * Messages between the engine and one extension host process (Node IPC with structured clone, so
 * frames travel as bytes, not base64). Requests carry an id; every request gets exactly one reply.
 */
export type EngineToHost =
  | { type: "activate"; id: number; extension: ExtensionLaunch }
  | {
      type: "call";
      id: number;
      contribution: string;
      method: "analyze" | "command" | "write" | "provideKeywords";
      input: unknown;
    }
  | { type: "cancel"; id: number }
  | { type: "reply"; id: number; ok: true; value: unknown }
  | { type: "reply"; id: number; ok: false; error: HostError }
  | { type: "deactivate"; id: number };

export type HostToEngine =
  | { type: "reply"; id: number; ok: true; value: unknown }
  | { type: "reply"; id: number; ok: false; error: HostError }
  | { type: "progress"; id: number; stage: string; fraction: number }
  // `call`: the id of the engine's call (an analysis, a keyword request) the request belongs to.
  | {
      type: "request";
      id: number;
      call: number;
      method: "frames.rgb";
      params: { frame: number; width: number; count: number };
    }
  // A keyword provider's only way out of the machine: the engine's privacy guard sends it.
  | { type: "request"; id: number; call: number; method: "privacy.send"; params: { request: unknown } }
  // A command of an extension with the "catalog" permission reads a catalogued clip's plan.
  | { type: "request"; id: number; call: number; method: "catalog.plan"; params: { clip: unknown; language: unknown } }
  | { type: "log"; level: "debug" | "info" | "warn" | "error"; message: string };

export interface HostError {
  readonly message: string;
  readonly code?: string;
  readonly params?: Record<string, string | number>;
}

/** What the host needs to load one extension. Nothing else of the engine's reaches the process. */
export interface ExtensionLaunch {
  readonly id: string;
  readonly folder: string;
  /** Absolute path of the extension's `main` module. */
  readonly main: string;
  /** The extension's private folder (the only place it may write). */
  readonly storage: string;
  readonly configuration: Record<string, unknown>;
}
