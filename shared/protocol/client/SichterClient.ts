import type { z } from "zod";
import { ErrorCode } from "../ErrorCode.ts";
import { describeIssues } from "../rpc/describeIssues.ts";
import { ErrorData } from "../rpc/envelope.ts";
import { errorCodeFromResponse } from "../rpc/jsonRpcCode.ts";
import type { ProgressToken } from "../rpc/progressToken.ts";
import type { ProgressValue } from "../rpc/notifications.ts";
import {
  isServerNotificationName,
  methods,
  serverNotifications,
  type MethodName,
  type MethodParamsInput,
  type MethodResult,
  type ServerNotificationName,
  type ServerNotificationParams,
} from "../rpc/registry.ts";
import { SichterRpcError } from "../rpc/SichterRpcError.ts";
import { backoffDelay } from "./backoff.ts";
import { connectionUrl } from "./connectionUrl.ts";
import { readServerMessage, type ServerMessage } from "./readServerMessage.ts";
import type { ConnectionState, Disposable, RequestOptions, SichterClientOptions } from "./SichterClientOptions.ts";
import { WEBSOCKET_OPEN, type WebSocketLike } from "./WebSocketLike.ts";

const DEFAULT_TIMEOUT_MS = 30_000;

interface Pending {
  readonly method: MethodName;
  readonly text: string;
  /** False while the request waits for a connection; only sent requests die with the connection. */
  sent: boolean;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: SichterRpcError) => void;
  readonly cleanup: (answered?: boolean) => void;
}

/**
 * Typed JSON-RPC client of the Sichter engine. Host-neutral (no Node APIs): runs in the browser,
 * CEP, UXP and Node alike. Requests made while disconnected wait for the next connection, bounded
 * by their timeout.
 */
export class SichterClient implements Disposable {
  readonly #options: SichterClientOptions;
  #state: ConnectionState = "connecting";
  #socket: WebSocketLike | null = null;
  #attempt = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  readonly #progress = new Map<ProgressToken, (value: ProgressValue) => void>();
  readonly #handlers = new Map<string, Set<(params: never) => void>>();

  constructor(options: SichterClientOptions) {
    this.#options = options;
    this.#connect();
  }

  get state(): ConnectionState {
    return this.#state;
  }

  request<M extends MethodName>(
    method: M,
    params: MethodParamsInput<M>,
    options: RequestOptions = {},
  ): Promise<MethodResult<M>> {
    if (this.#state === "disposed" || this.#state === "closed") {
      return Promise.reject(SichterRpcError.of(ErrorCode.CONNECTION_CLOSED));
    }
    if (options.signal?.aborted) return Promise.reject(SichterRpcError.of(ErrorCode.CANCELLED));

    const id = this.#nextId++;
    const { onProgress, signal } = options;
    const progressToken = onProgress ? `sichter-progress-${id}` : undefined;
    const sentParams = progressToken === undefined ? params : { ...params, progressToken };
    const text = JSON.stringify({ jsonrpc: "2.0", id, method, params: sentParams });
    const timeoutMs = options.timeoutMs ?? this.#options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;

    return new Promise<MethodResult<M>>((resolve, reject) => {
      // Timeout and abort both tell the engine to stop: nobody waits for the answer any more.
      const timer = setTimeout(() => {
        this.#abandon(id, SichterRpcError.of(ErrorCode.REQUEST_TIMEOUT, { method, seconds: timeoutMs / 1000 }));
      }, timeoutMs);
      const onAbort = () => this.#abandon(id, SichterRpcError.of(ErrorCode.CANCELLED));
      signal?.addEventListener("abort", onAbort, { once: true });
      if (progressToken !== undefined && onProgress) this.#progress.set(progressToken, onProgress);

      this.#pending.set(id, {
        method,
        text,
        sent: false,
        resolve: resolve as (result: unknown) => void,
        reject,
        cleanup: (answered = false) => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          // Work a request started can outlive its answer (clip.analyze answers with a job id at
          // once): after a success, progress keeps flowing until the engine sends `end`.
          if (progressToken !== undefined && !answered) this.#progress.delete(progressToken);
        },
      });
      this.#flush();
    });
  }

  /** Calls `handler` for every valid `name` notification from the engine until disposed. */
  onNotification<N extends ServerNotificationName>(
    name: N,
    handler: (params: ServerNotificationParams<N>) => void,
  ): Disposable {
    let set = this.#handlers.get(name);
    if (!set) this.#handlers.set(name, (set = new Set()));
    const entry = handler as (params: never) => void;
    set.add(entry);
    return { dispose: () => void set.delete(entry) };
  }

  /** Closes the connection for good; pending requests fail with CONNECTION_CLOSED. */
  dispose(): void {
    if (this.#state === "disposed") return;
    clearTimeout(this.#reconnectTimer);
    this.#setState("disposed");
    this.#rejectPending(() => true, ErrorCode.CONNECTION_CLOSED);
    this.#handlers.clear();
    const socket = this.#socket;
    this.#socket = null;
    if (socket) this.#detach(socket).close(1000, "client disposed");
  }

  #connect(): void {
    this.#setState(this.#attempt === 0 ? "connecting" : "reconnecting");
    let socket: WebSocketLike;
    try {
      socket = new this.#options.WebSocket(connectionUrl(this.#options.url, this.#options.token));
    } catch (error) {
      this.#options.onProtocolError?.(`cannot open a WebSocket: ${String(error)}`);
      this.#connectionLost();
      return;
    }
    this.#socket = socket;
    socket.onopen = () => {
      this.#attempt = 0;
      this.#setState("open");
      this.#flush();
    };
    socket.onmessage = (event) => this.#receive(readServerMessage(event.data));
    socket.onclose = () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      this.#connectionLost();
    };
    // Every error is followed by a close event, which is where recovery happens.
    socket.onerror = () => {};
  }

  #connectionLost(): void {
    if (this.#state === "disposed") return;
    // A sent request's answer is lost with the connection; unsent ones wait for the next one.
    this.#rejectPending((p) => p.sent, ErrorCode.CONNECTION_CLOSED);
    const reconnect = this.#options.reconnect;
    if (reconnect === false) {
      this.#setState("closed");
      this.#rejectPending(() => true, ErrorCode.CONNECTION_CLOSED);
      return;
    }
    this.#setState("reconnecting");
    const delay = backoffDelay(this.#attempt++, reconnect);
    this.#reconnectTimer = setTimeout(() => this.#connect(), delay);
  }

  #flush(): void {
    const socket = this.#socket;
    if (!socket || socket.readyState !== WEBSOCKET_OPEN) return;
    for (const pending of this.#pending.values()) {
      if (pending.sent) continue;
      socket.send(pending.text);
      pending.sent = true;
    }
  }

  #receive(message: ServerMessage): void {
    switch (message.kind) {
      case "result":
      case "error":
        this.#settle(message);
        return;
      case "notification":
        this.#dispatch(message.method, message.params);
        return;
      case "invalid":
        this.#options.onProtocolError?.(message.reason);
    }
  }

  #settle(message: Extract<ServerMessage, { kind: "result" | "error" }>): void {
    const id = message.id;
    const pending = typeof id === "number" ? this.#pending.get(id) : undefined;
    if (id === null && message.kind === "error") {
      // The engine could not read one of our messages at all: a client bug worth reporting.
      this.#options.onProtocolError?.(`engine refused a message: ${message.message}`);
      return;
    }
    // Late answers to cancelled or timed-out requests land here and are dropped.
    if (!pending || id === null) return;
    this.#pending.delete(id as number);
    pending.cleanup(message.kind === "result");

    if (message.kind === "error") {
      const data = ErrorData.safeParse(message.data);
      const code = errorCodeFromResponse(message.rpcCode, data.success ? data.data.code : undefined);
      pending.reject(
        new SichterRpcError(code, message.message, {
          rpcCode: message.rpcCode,
          data: data.success ? data.data : { code },
        }),
      );
      return;
    }
    const schema: z.ZodType = methods[pending.method].result;
    const result = schema.safeParse(message.result);
    if (result.success) pending.resolve(result.data);
    else {
      const detail = describeIssues(result.error.issues, message.result, "result");
      pending.reject(SichterRpcError.of(ErrorCode.RESPONSE_INVALID, { method: pending.method, detail }));
    }
  }

  #dispatch(method: string, rawParams: unknown): void {
    if (!isServerNotificationName(method)) {
      this.#options.onProtocolError?.(`unknown notification ${method}`);
      return;
    }
    const schema: z.ZodType = serverNotifications[method];
    const parsed = schema.safeParse(rawParams);
    if (!parsed.success) {
      this.#options.onProtocolError?.(`${method}: ${describeIssues(parsed.error.issues, rawParams, "params")}`);
      return;
    }
    if (method === "$/progress") {
      const { token, value } = parsed.data as ServerNotificationParams<"$/progress">;
      this.#progress.get(token)?.(value);
      if (value.kind === "end") this.#progress.delete(token);
    }
    for (const handler of [...(this.#handlers.get(method) ?? [])]) {
      (handler as (params: unknown) => void)(parsed.data);
    }
  }

  /** Gives up on a request (timeout, abort) and tells the engine to stop working on it. */
  #abandon(id: number, error: SichterRpcError): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    pending.cleanup();
    const socket = this.#socket;
    if (pending.sent && socket && socket.readyState === WEBSOCKET_OPEN) {
      socket.send(JSON.stringify({ jsonrpc: "2.0", method: "$/cancelRequest", params: { id } }));
    }
    pending.reject(error);
  }

  #rejectPending(which: (pending: Pending) => boolean, code: ErrorCode): void {
    for (const [id, pending] of [...this.#pending]) {
      if (!which(pending)) continue;
      this.#pending.delete(id);
      pending.cleanup();
      pending.reject(SichterRpcError.of(code));
    }
  }

  #detach(socket: WebSocketLike): WebSocketLike {
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = () => {};
    return socket;
  }

  #setState(state: ConnectionState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.#options.onStateChange?.(state);
  }
}
