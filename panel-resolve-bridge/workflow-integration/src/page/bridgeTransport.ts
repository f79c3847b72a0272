import { type ConnectionState, ErrorCode, type RequestOptions, SichterRpcError } from "@sichter/shared/protocol";
import { engineFileUrl } from "@sichter/ui/src/connection/engineFileUrl.ts";
import type {
  EngineChannel,
  EngineChannelOptions,
  EngineTransport,
} from "@sichter/ui/src/connection/EngineTransport.ts";
import type { SichterResolveBridge } from "../preload/exposeBridge.ts";
import { unwrap } from "./ipcResolveCalls.ts";

type EngineBridge = SichterResolveBridge["engine"];
type FileAccess = { readonly http: string; readonly token: string };

/**
 * The panel's engine transport inside Resolve: the main process holds the WebSocket (with the token
 * it finds itself, and its own reconnect), so a channel here is a view of that link through the
 * preload's bridge. It opens when the link is open, closes when the link drops or has no engine;
 * the panel's EngineConnection then shows the state and tries again.
 */
export function bridgeTransport(engine: EngineBridge): EngineTransport {
  let files: FileAccess | null = null;
  return {
    holdsToken: true,
    open: (options) => new BridgeChannel(engine, options, (access) => (files = access)),
    fileUrl: (path) =>
      files ? engineFileUrl({ ws: files.http.replace(/^http/, "ws"), http: files.http }, files.token, path) : null,
  };
}

type Listener = (params: unknown) => void;

class BridgeChannel implements EngineChannel {
  #state: ConnectionState = "connecting";
  #opening = false;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #stops: (() => void)[] = [];

  constructor(
    private readonly engine: EngineBridge,
    private readonly options: EngineChannelOptions,
    private readonly onFiles: (files: FileAccess | null) => void,
  ) {
    this.#stops.push(
      engine.onStateChange((state) => this.#linkState(state)),
      engine.onNotification((method, params) => {
        if (this.#state !== "open") return;
        for (const listener of [...(this.#listeners.get(method) ?? [])]) listener(params);
      }),
    );
    // Asked, not assumed: the link may have opened long before this page (or this attempt).
    unwrap<string>(engine.state()).then(
      (state) => this.#linkState(state),
      () => this.#set("closed"),
    );
  }

  get state(): ConnectionState {
    return this.#state;
  }

  request(method: string, params: unknown, options: RequestOptions = {}): Promise<never> {
    if (this.#state !== "open") return Promise.reject(SichterRpcError.of(ErrorCode.CONNECTION_CLOSED));
    const answer = unwrap<never>(this.engine.request(method, params));
    const { signal } = options;
    if (!signal) return answer;
    // The main process's request runs on; the panel stops waiting for it.
    return new Promise<never>((resolve, reject) => {
      const cancelled = (): void => reject(SichterRpcError.of(ErrorCode.CANCELLED));
      if (signal.aborted) return cancelled();
      signal.addEventListener("abort", cancelled, { once: true });
      answer.then(resolve, reject).finally(() => signal.removeEventListener("abort", cancelled));
    });
  }

  onNotification(name: string, handler: (params: never) => void): { dispose(): void } {
    let set = this.#listeners.get(name);
    if (!set) this.#listeners.set(name, (set = new Set()));
    const listener = handler as Listener;
    set.add(listener);
    return { dispose: () => void set.delete(listener) };
  }

  dispose(): void {
    this.#stops.splice(0).forEach((stop) => stop());
    this.#listeners.clear();
    this.#state = "disposed";
  }

  #linkState(link: string): void {
    if (this.#state === "closed" || this.#state === "disposed") return;
    if (link === "open") {
      if (this.#state === "connecting") void this.#open();
      return;
    }
    // A first connect of the link is worth waiting for; anything else (no engine found, a drop, a
    // reconnect under way) closes this attempt, and the panel says so and tries again.
    if (link === "connecting" && this.#state === "connecting") return;
    this.#set("closed");
  }

  async #open(): Promise<void> {
    if (this.#opening) return;
    this.#opening = true;
    let files: FileAccess | null = null;
    try {
      files = await unwrap<FileAccess | null>(this.engine.files());
    } catch {
      // Without file access the panel still works; thumbnails and the player stay empty.
    }
    if (this.#state !== "connecting") return;
    this.onFiles(files);
    this.#set("open");
  }

  #set(state: ConnectionState): void {
    if (this.#state === state || this.#state === "disposed") return;
    this.#state = state;
    if (state === "closed") this.#stops.splice(0).forEach((stop) => stop());
    this.options.onStateChange(state);
  }
}
