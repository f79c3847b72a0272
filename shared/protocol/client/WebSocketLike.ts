/**
 * The part of a WebSocket the client uses. Browser, CEP and UXP WebSockets and the `ws` package
 * all fit, so the client never imports one: the host passes its own constructor.
 */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: Listener<unknown> | null;
  onmessage: Listener<{ readonly data: unknown }> | null;
  onclose: Listener<{ readonly code: number; readonly reason: string }> | null;
  onerror: Listener<unknown> | null;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** WebSocket.OPEN; the constant is not on every host's constructor. */
export const WEBSOCKET_OPEN = 1;

/**
 * Method-style signature, so a socket whose listener takes a richer event type (the DOM's
 * MessageEvent, ws's WebSocket.MessageEvent) is still accepted.
 */
type Listener<E> = { bivarianceHack(event: E): void }["bivarianceHack"];
