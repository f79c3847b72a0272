import {
  type ConnectionState,
  type Disposable,
  type MethodName,
  type WebSocketConstructor,
  ErrorCode,
  SichterClient,
  SichterRpcError,
  serverNotifications,
} from "@sichter/shared/protocol";
import type { EngineAddress } from "./engineDiscovery.ts";

/** The link's state: the client's, or `engine-not-found` while no engine token exists yet. */
export type EngineLinkState = ConnectionState | "engine-not-found";

export interface EngineLinkOptions {
  readonly discover: () => EngineAddress | null;
  readonly WebSocket: WebSocketConstructor;
  readonly onState?: (state: EngineLinkState) => void;
  /** Every engine notification (job.progress, job.done, job.failed, $/progress), to pass to the page. */
  readonly onNotification?: (method: string, params: unknown) => void;
  /** How often to look again for an engine that is not there yet; default 3 s. */
  readonly retryMs?: number;
  readonly requestTimeoutMs?: number;
}

/**
 * The plugin's one WebSocket to the engine, held in the main process (the page talks to it over
 * IPC). It finds the engine's port and token itself, reconnects with the client's backoff, and when
 * a reconnect finds the engine restarted elsewhere (another port or token) it starts a new client
 * for the new address.
 */
export class EngineLink implements Disposable {
  private client: SichterClient | null = null;
  private address: EngineAddress | null = null;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private rediscovery: ReturnType<typeof setInterval> | undefined;
  private subscriptions: Disposable[] = [];
  private current: EngineLinkState = "engine-not-found";
  private disposed = false;

  constructor(private readonly options: EngineLinkOptions) {
    this.connect();
  }

  get state(): EngineLinkState {
    return this.current;
  }

  /**
   * Where the page's `<img>` and `<video>` get engine files (thumbnails, media): they cannot send a
   * header, so the token goes into their query, as in the browser host. Null until an engine is found.
   */
  get files(): { readonly http: string; readonly token: string } | null {
    if (!this.address) return null;
    return { http: this.address.url.replace(/^ws/, "http"), token: this.address.token };
  }

  request(method: MethodName, params: unknown): Promise<unknown> {
    if (!this.client) return Promise.reject(SichterRpcError.of(ErrorCode.CONNECTION_CLOSED));
    return this.client.request(method, params as never);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retry);
    this.drop();
    this.setState("disposed");
  }

  private connect(): void {
    if (this.disposed) return;
    const address = this.options.discover();
    if (!address) {
      this.setState("engine-not-found");
      this.retry = setTimeout(() => this.connect(), this.options.retryMs ?? 3000);
      return;
    }
    this.address = address;
    const client = new SichterClient({
      url: address.url,
      token: address.token,
      WebSocket: this.options.WebSocket,
      ...(this.options.requestTimeoutMs !== undefined && { requestTimeoutMs: this.options.requestTimeoutMs }),
      onStateChange: (state) => this.onClientState(client, state),
    });
    this.client = client;
    for (const name of Object.keys(serverNotifications) as (keyof typeof serverNotifications)[]) {
      this.subscriptions.push(client.onNotification(name, (params) => this.options.onNotification?.(name, params)));
    }
    this.setState(client.state);
    // The client reports "reconnecting" once per outage; an engine that comes back on another port
    // after that first look is found by looking again while the link is down.
    this.rediscovery = setInterval(() => {
      if (client === this.client && client.state !== "open") this.followMovedEngine();
    }, this.options.retryMs ?? 3000);
  }

  private onClientState(client: SichterClient, state: ConnectionState): void {
    if (client !== this.client) return;
    if (state === "reconnecting" && this.followMovedEngine()) return;
    this.setState(state);
  }

  /** A new client when the engine now runs at another address or with another token. */
  private followMovedEngine(): boolean {
    const now = this.options.discover();
    if (!now || (now.url === this.address?.url && now.token === this.address?.token)) return false;
    this.drop();
    this.connect();
    return true;
  }

  private drop(): void {
    clearInterval(this.rediscovery);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.subscriptions = [];
    const client = this.client;
    this.client = null;
    client?.dispose();
  }

  private setState(state: EngineLinkState): void {
    if (state === this.current) return;
    this.current = state;
    this.options.onState?.(state);
  }
}
