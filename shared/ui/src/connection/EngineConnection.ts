import {
  backoffDelay,
  ErrorCode,
  PROTOCOL_VERSION,
  SichterRpcError,
  type BackoffOptions,
  type Disposable,
  type MethodName,
  type MethodParamsInput,
  type MethodResult,
  type RequestOptions,
  type ServerNotificationName,
  type ServerNotificationParams,
  type WebSocketConstructor,
} from "@sichter/shared/protocol";
import type { EngineCalls } from "../engine/EngineCalls.ts";
import { createStore, type Store } from "../state/Store.ts";
import type { ConnectionStatus } from "./ConnectionStatus.ts";
import type { EngineAddress } from "./engineAddress.ts";
import { engineFileUrl } from "./engineFileUrl.ts";
import { type EngineChannel, type EngineTransport, webSocketTransport } from "./EngineTransport.ts";
import type { TokenStore } from "./TokenStore.ts";

export interface EngineConnectionOptions {
  readonly address: EngineAddress;
  readonly tokens: TokenStore;
  /** The default transport's WebSocket (browser, CEP, UXP); not needed when `transport` is given. */
  readonly WebSocket?: WebSocketConstructor;
  /** How the engine is reached; a WebSocket to `address.ws` by default (see EngineTransport). */
  readonly transport?: EngineTransport;
  /** Whether anything answers at the engine's HTTP address (see engineReachable). */
  readonly reachable: () => Promise<boolean>;
  /** The protocol this panel speaks; the engine must speak the same. */
  readonly protocolVersion?: number;
  /** Delays between attempts while the engine is away: short, so a started engine is found quickly. */
  readonly retry?: BackoffOptions;
  readonly requestTimeoutMs?: number;
}

/** Failed attempts after a drop that still count as "reconnecting" before the panel says "not running". */
const RECONNECT_GRACE = 3;
/** Upgrades refused while the engine answers on HTTP before the panel blames the token. */
const REFUSALS_FOR_WRONG_TOKEN = 2;
const DEFAULT_RETRY: BackoffOptions = { initialDelayMs: 250, maxDelayMs: 3000 };

type Handler = (params: never) => void;

/**
 * The panel's one link to its engine: opens a channel through its transport (a WebSocket with the
 * stored token by default), tells the designed states apart (see ConnectionStatus), reconnects on
 * its own, and stays the same object across reconnects, so views keep their notification
 * subscriptions. Every attempt is a fresh channel without its own reconnect: only then does each
 * failure show, and its cause can be probed.
 */
export class EngineConnection implements EngineCalls, Disposable {
  readonly #options: EngineConnectionOptions;
  readonly #transport: EngineTransport;
  readonly #status = createStore<ConnectionStatus>({ kind: "connecting" });
  #client: EngineChannel | null = null;
  #generation = 0;
  #failures = 0;
  #refusals = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;
  readonly #handlers = new Map<ServerNotificationName, Set<Handler>>();
  readonly #openListeners = new Set<() => void>();

  constructor(options: EngineConnectionOptions) {
    this.#options = options;
    if (!options.transport && !options.WebSocket)
      throw new TypeError("EngineConnection needs a WebSocket or a transport");
    this.#transport = options.transport ?? webSocketTransport(options.address.ws, options.WebSocket!);
  }

  get status(): Store<ConnectionStatus> {
    return this.#status;
  }

  /** Connects with the stored token, or waits in `needs-token`. */
  start(): void {
    this.#restart();
  }

  /** A token the user pasted or a pairing link brought: stored, then used right away. */
  setToken(token: string): void {
    const trimmed = token.trim();
    if (trimmed === "") return;
    this.#options.tokens.set(trimmed);
    this.#restart();
  }

  /** Tries again now (after a wrong token, an incompatible engine, or while waiting for one). */
  retry(): void {
    this.#restart();
  }

  request<M extends MethodName>(
    method: M,
    params: MethodParamsInput<M>,
    options?: RequestOptions,
  ): Promise<MethodResult<M>> {
    const client = this.#client;
    if (!client || this.#status.get().kind !== "connected")
      return Promise.reject(SichterRpcError.of(ErrorCode.CONNECTION_CLOSED));
    return client.request(method, params, options);
  }

  onNotification<N extends ServerNotificationName>(
    name: N,
    handler: (params: ServerNotificationParams<N>) => void,
  ): Disposable {
    let set = this.#handlers.get(name);
    if (!set) {
      this.#handlers.set(name, (set = new Set()));
      if (this.#client) this.#forward(this.#client, name);
    }
    const entry = handler as Handler;
    set.add(entry);
    return { dispose: () => void set.delete(entry) };
  }

  /** Called each time the connection is (re)established and checked; work in flight re-syncs here. */
  onConnected(listener: () => void): Disposable {
    this.#openListeners.add(listener);
    return { dispose: () => void this.#openListeners.delete(listener) };
  }

  /**
   * The address of a file the engine serves (`/thumbnails/…`, `/media/…`) with the stored token, for
   * an `<img>` or `<video>`; null while the panel has no token.
   */
  fileUrl(path: string): string | null {
    if (this.#transport.fileUrl) return this.#transport.fileUrl(path);
    const token = this.#options.tokens.get();
    return token ? engineFileUrl(this.#options.address, token, path) : null;
  }

  dispose(): void {
    this.#disposed = true;
    this.#generation++;
    clearTimeout(this.#timer);
    this.#dropClient();
    this.#handlers.clear();
    this.#openListeners.clear();
  }

  #restart(): void {
    if (this.#disposed) return;
    this.#failures = 0;
    this.#refusals = 0;
    this.#connect();
  }

  #connect(): void {
    clearTimeout(this.#timer);
    this.#dropClient();
    const generation = ++this.#generation;
    const token = this.#options.tokens.get();
    if (!token && !this.#transport.holdsToken) {
      this.#status.set({ kind: "needs-token" });
      return;
    }
    const shown = this.#status.get().kind;
    if (shown !== "reconnecting" && shown !== "not-running" && shown !== "connecting")
      this.#status.set({ kind: "connecting" });
    let opened = false;
    const client: EngineChannel = this.#transport.open({
      token,
      ...(this.#options.requestTimeoutMs !== undefined && { requestTimeoutMs: this.#options.requestTimeoutMs }),
      onStateChange: (state) => {
        if (generation !== this.#generation) return;
        if (state === "open") {
          opened = true;
          void this.#handshake(client, generation);
        } else if (state === "closed") {
          void this.#lost(opened, generation);
        }
      },
    });
    if (generation !== this.#generation) {
      // The socket failed while being constructed and a new attempt is already planned.
      client.dispose();
      return;
    }
    this.#client = client;
    for (const name of this.#handlers.keys()) this.#forward(client, name);
  }

  /** Checks the engine's protocol version before the panel calls itself connected. */
  async #handshake(client: EngineChannel, generation: number): Promise<void> {
    let info;
    try {
      info = await client.request("engine.info", {});
    } catch {
      if (generation !== this.#generation || client.state !== "open") return;
      // Open but not answering sensibly: start over as after a drop.
      client.dispose();
      void this.#lost(true, generation);
      return;
    }
    if (generation !== this.#generation) return;
    const panelProtocol = this.#options.protocolVersion ?? PROTOCOL_VERSION;
    if (info.protocolVersion !== panelProtocol) {
      this.#generation++;
      this.#dropClient();
      this.#status.set({
        kind: "incompatible",
        engineVersion: info.version,
        engineProtocol: info.protocolVersion,
        panelProtocol,
      });
      return;
    }
    this.#failures = 0;
    this.#refusals = 0;
    this.#status.set({ kind: "connected", engine: info });
    for (const listener of [...this.#openListeners]) listener();
  }

  async #lost(opened: boolean, generation: number): Promise<void> {
    this.#dropClient();
    if (opened) {
      this.#refusals = 0;
      this.#status.set({ kind: "reconnecting" });
      this.#schedule(generation);
      return;
    }
    const reachable = await this.#options.reachable();
    if (generation !== this.#generation) return;
    if (!reachable) {
      this.#refusals = 0;
      const wasConnected = this.#status.get().kind === "reconnecting";
      if (!wasConnected || this.#failures >= RECONNECT_GRACE) this.#status.set({ kind: "not-running" });
      this.#schedule(generation);
      return;
    }
    // It answers on HTTP but refused the WebSocket. Once could be an engine between stopping and
    // starting; twice in a row is the token.
    if (++this.#refusals >= REFUSALS_FOR_WRONG_TOKEN) {
      this.#generation++;
      this.#status.set({ kind: "wrong-token" });
      return;
    }
    this.#schedule(generation);
  }

  #schedule(generation: number): void {
    if (generation !== this.#generation || this.#disposed) return;
    clearTimeout(this.#timer);
    const delay = backoffDelay(this.#failures++, this.#options.retry ?? DEFAULT_RETRY);
    this.#timer = setTimeout(() => this.#connect(), delay);
  }

  #forward(client: EngineChannel, name: ServerNotificationName): void {
    client.onNotification(name, (params) => {
      for (const handler of [...(this.#handlers.get(name) ?? [])]) (handler as (p: unknown) => void)(params);
    });
  }

  #dropClient(): void {
    const client = this.#client;
    this.#client = null;
    client?.dispose();
  }
}
