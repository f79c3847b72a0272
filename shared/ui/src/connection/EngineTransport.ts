import {
  SichterClient,
  type ConnectionState,
  type Disposable,
  type WebSocketConstructor,
} from "@sichter/shared/protocol";
import type { EngineCalls } from "../engine/EngineCalls.ts";

/** One attempt to reach the engine: requests and notifications while it is `open`. */
export interface EngineChannel extends EngineCalls, Disposable {
  readonly state: ConnectionState;
}

export interface EngineChannelOptions {
  /** The panel's stored token; null when the transport holds its own (see `holdsToken`). */
  readonly token: string | null;
  readonly requestTimeoutMs?: number;
  /**
   * `open` once requests can go out, `closed` when the attempt failed or the channel dropped.
   * Never called from inside `open()`: the connection must have the channel in hand first.
   */
  readonly onStateChange: (state: ConnectionState) => void;
}

/**
 * How the panel reaches its engine. The browser, CEP and UXP open their own WebSocket; a host whose
 * native side holds the engine connection (Resolve's Electron main process) passes requests and
 * notifications over its own bridge instead, with the token kept on that side.
 */
export interface EngineTransport {
  /** The transport brings its own credentials: the panel never asks the user for a token. */
  readonly holdsToken: boolean;
  open(options: EngineChannelOptions): EngineChannel;
  /** The address of an engine file for `<img>`/`<video>`, when the transport knows it (it holds the token). */
  fileUrl?(path: string): string | null;
}

/** The default: a fresh protocol client per attempt, without its own reconnect (the connection decides). */
export function webSocketTransport(url: string, WebSocket: WebSocketConstructor): EngineTransport {
  return {
    holdsToken: false,
    open: ({ token, requestTimeoutMs, onStateChange }) =>
      new SichterClient({
        url,
        token: token ?? "",
        WebSocket,
        reconnect: false,
        ...(requestTimeoutMs !== undefined && { requestTimeoutMs }),
        onStateChange,
      }),
  };
}
