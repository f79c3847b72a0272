import type { ProgressValue } from "../rpc/notifications.ts";
import type { BackoffOptions } from "./backoff.ts";
import type { WebSocketConstructor } from "./WebSocketLike.ts";

/**
 * `connecting`: a socket is opening. `open`: requests go out. `reconnecting`: the connection
 * dropped and the next attempt waits for its backoff. `closed`: dropped with reconnect disabled.
 * `disposed`: dispose() was called.
 */
export type ConnectionState = "connecting" | "open" | "reconnecting" | "closed" | "disposed";

export interface SichterClientOptions {
  /** The engine's address, e.g. `ws://127.0.0.1:<port>`. */
  url: string;
  /** The per-install access token; sent as the `token` query parameter. */
  token: string;
  /** The host's WebSocket constructor (Node 20 has no global one; UXP and CEP bring their own). */
  WebSocket: WebSocketConstructor;
  /** Default time a request may take before it fails with REQUEST_TIMEOUT (30 s). */
  requestTimeoutMs?: number;
  /** Reconnect after a dropped connection (default on, 250 ms doubling up to 10 s); `false` disables it. */
  reconnect?: false | BackoffOptions;
  /** Called on every state change after construction (the client starts in `connecting`). */
  onStateChange?: (state: ConnectionState) => void;
  /** Messages from the engine that could not be understood; they are otherwise ignored. */
  onProtocolError?: (message: string) => void;
}

export interface RequestOptions {
  /** Aborting sends `$/cancelRequest` and rejects the request with CANCELLED. */
  signal?: AbortSignal;
  /** Overrides requestTimeoutMs for this request. */
  timeoutMs?: number;
  /** Receives the engine's `$/progress` for this request (the client adds a progressToken). */
  onProgress?: (value: ProgressValue) => void;
}

export interface Disposable {
  dispose(): void;
}
