import type { WebSocket } from "ws";
import {
  ErrorCode,
  JsonRpcCode,
  SichterRpcError,
  parseIncoming,
  type IncomingRequest,
  type ProgressToken,
  type ProgressValue,
  type RequestId,
  type ServerNotificationName,
  type ServerNotificationParams,
} from "@sichter/shared/protocol";
import type { Disposable } from "../core/Disposable.ts";
import type { Logger } from "./Logger.ts";
import type { RateLimiter } from "./RateLimiter.ts";
import { toRpcError } from "./toRpcError.ts";

/** What a method handler gets besides its params. */
export interface RequestContext {
  readonly connection: RpcConnection;
  readonly requestId: RequestId;
  /** Aborted by `$/cancelRequest` for this request, or when the connection closes. */
  readonly signal: AbortSignal;
  /** Set when the client asked for `$/progress` on this request. */
  readonly progressToken: ProgressToken | undefined;
}

export type Dispatch = (request: IncomingRequest, context: RequestContext) => Promise<unknown>;

/**
 * One authenticated WebSocket: JSON-RPC in, answers and notifications out. Every message is
 * validated by the protocol's schemas before a handler sees it; a handler's failure becomes an
 * error response with a stable code, never a dropped request or a closed socket.
 */
export class RpcConnection implements Disposable {
  private readonly inFlight = new Map<RequestId, AbortController>();
  /** `$/cancelRequest` for a request that started long work (a job) cancels that work too. */
  private readonly cancelHooks = new Map<RequestId, () => void>();
  private readonly disposables: Disposable[] = [];
  private closed = false;
  private markClosed!: () => void;
  /** Resolves once the socket has closed (handshake done, or terminated). */
  readonly whenClosed = new Promise<void>((resolve) => (this.markClosed = resolve));

  constructor(
    private readonly socket: WebSocket,
    private readonly dispatch: Dispatch,
    private readonly limiter: RateLimiter,
    private readonly log: Logger,
    readonly id: number,
  ) {
    socket.on("message", (data, isBinary) => this.onMessage(data, isBinary));
    socket.on("close", () => this.dispose());
    socket.on("error", (error) => this.log.warn("connection.error", { connection: id, message: error.message }));
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  notify<N extends ServerNotificationName>(method: N, params: ServerNotificationParams<N>): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  progress(token: ProgressToken, value: ProgressValue): void {
    this.send({ jsonrpc: "2.0", method: "$/progress", params: { token, value } });
  }

  /** Runs `cancel` if the client sends `$/cancelRequest` for this request, even after it was answered. */
  onCancel(requestId: RequestId, cancel: () => void): void {
    this.cancelHooks.set(requestId, cancel);
  }

  /** Keeps `disposable` alive as long as the connection (job subscriptions, progress followers). */
  own(disposable: Disposable): void {
    if (this.closed) disposable.dispose();
    else this.disposables.push(disposable);
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  /** Drops the socket without a close handshake: for a peer that never answered `close`. */
  terminate(): void {
    this.socket.terminate();
  }

  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    for (const controller of this.inFlight.values()) controller.abort();
    this.inFlight.clear();
    this.cancelHooks.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.log.info("connection.closed", { connection: this.id });
    this.markClosed();
  }

  private onMessage(data: unknown, isBinary: boolean): void {
    if (isBinary) {
      this.sendError(
        null,
        SichterRpcError.of(ErrorCode.INVALID_REQUEST, { detail: "binary frames are not JSON-RPC; send text" }),
      );
      return;
    }
    const text = Array.isArray(data) ? Buffer.concat(data as Buffer[]).toString("utf8") : String(data);
    const incoming = parseIncoming(text);
    if (!this.limiter.take()) {
      // Answer requests (the client may be waiting); drop notifications silently, as JSON-RPC wants.
      if (incoming.kind === "request") this.sendError(incoming.id, SichterRpcError.of(ErrorCode.RATE_LIMITED));
      return;
    }
    switch (incoming.kind) {
      case "error":
        this.log.debug("request.invalid", { connection: this.id, code: incoming.response.error.data?.code });
        this.send(incoming.response);
        return;
      case "dropped":
        this.log.debug("notification.dropped", { connection: this.id, reason: incoming.reason });
        return;
      case "notification":
        this.cancel(incoming.params.id);
        return;
      case "request":
        void this.run(incoming);
    }
  }

  private cancel(id: RequestId): void {
    this.inFlight.get(id)?.abort();
    const hook = this.cancelHooks.get(id);
    this.cancelHooks.delete(id);
    hook?.();
  }

  private async run(request: IncomingRequest): Promise<void> {
    if (this.inFlight.has(request.id)) {
      this.sendError(
        request.id,
        SichterRpcError.of(ErrorCode.INVALID_REQUEST, { detail: `request id ${String(request.id)} is already in use` }),
      );
      return;
    }
    const controller = new AbortController();
    this.inFlight.set(request.id, controller);
    const params = request.params as { progressToken?: ProgressToken };
    const context: RequestContext = {
      connection: this,
      requestId: request.id,
      signal: controller.signal,
      progressToken: params.progressToken,
    };
    const started = performance.now();
    try {
      const result = await this.dispatch(request, context);
      if (controller.signal.aborted) throw cancelled();
      this.send({ jsonrpc: "2.0", id: request.id, result });
      this.log.debug("request.done", {
        connection: this.id,
        method: request.method,
        ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      const rpc = controller.signal.aborted ? cancelled() : toRpcError(error);
      this.log[rpc.code === ErrorCode.INTERNAL ? "error" : "info"]("request.failed", {
        connection: this.id,
        method: request.method,
        code: rpc.code,
        message: rpc.message,
      });
      this.sendError(request.id, rpc);
    } finally {
      this.inFlight.delete(request.id);
    }
  }

  private sendError(id: RequestId | null, error: SichterRpcError): void {
    this.send({ jsonrpc: "2.0", id, error: error.toJsonRpcError() });
  }

  private send(message: unknown): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(JSON.stringify(message));
  }
}

function cancelled(): SichterRpcError {
  const error = SichterRpcError.of(ErrorCode.CANCELLED);
  return new SichterRpcError(ErrorCode.CANCELLED, error.message, {
    rpcCode: JsonRpcCode.REQUEST_CANCELLED,
    data: error.data,
  });
}
