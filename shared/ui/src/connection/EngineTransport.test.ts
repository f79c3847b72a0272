import {
  ErrorCode,
  PROTOCOL_VERSION,
  SichterRpcError,
  type ConnectionState,
  type SichterRpcError as RpcError,
} from "@sichter/shared/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { waitUntil } from "../../test/waitUntil.ts";
import type { ConnectionKind } from "./ConnectionStatus.ts";
import { EngineConnection } from "./EngineConnection.ts";
import type { EngineChannel, EngineChannelOptions, EngineTransport } from "./EngineTransport.ts";
import { storageTokenStore } from "./TokenStore.ts";

/**
 * A transport that is not a WebSocket (as Resolve's page reaches the engine through its main
 * process): each channel answers from a small table, and the test opens, drops and notifies.
 */
class TableChannel implements EngineChannel {
  state: ConnectionState = "connecting";
  readonly handlers = new Map<string, Set<(params: unknown) => void>>();
  readonly requests: string[] = [];

  constructor(
    private readonly options: EngineChannelOptions,
    private readonly answers: Record<string, unknown>,
  ) {}

  set(state: ConnectionState): void {
    this.state = state;
    this.options.onStateChange(state);
  }

  request(method: string, params: unknown): Promise<never> {
    this.requests.push(`${method} ${JSON.stringify(params)}`);
    if (this.state !== "open") return Promise.reject(SichterRpcError.of(ErrorCode.CONNECTION_CLOSED));
    if (!(method in this.answers)) return Promise.reject(SichterRpcError.of(ErrorCode.METHOD_NOT_FOUND, { method }));
    return Promise.resolve(this.answers[method] as never);
  }

  onNotification(name: string, handler: (params: never) => void): { dispose(): void } {
    if (!this.handlers.has(name)) this.handlers.set(name, new Set());
    const set = this.handlers.get(name)!;
    set.add(handler as (params: unknown) => void);
    return { dispose: () => void set.delete(handler as (params: unknown) => void) };
  }

  notify(name: string, params: unknown): void {
    for (const handler of this.handlers.get(name) ?? []) handler(params);
  }

  dispose(): void {
    this.state = "disposed";
  }
}

const ENGINE_INFO = { version: "0.1.0-bridge", protocolVersion: PROTOCOL_VERSION };

function tableTransport(answers: Record<string, unknown>) {
  const channels: TableChannel[] = [];
  const tokens: (string | null)[] = [];
  const transport: EngineTransport = {
    holdsToken: true,
    open(options) {
      tokens.push(options.token);
      const channel = new TableChannel(options, answers);
      channels.push(channel);
      return channel;
    },
    fileUrl: (path) => `http://127.0.0.1:9999${path}?token=held-elsewhere`,
  };
  return { transport, channels, tokens };
}

const open: EngineConnection[] = [];
afterEach(() => open.splice(0).forEach((connection) => connection.dispose()));

function connect(transport: EngineTransport): { connection: EngineConnection; seen: ConnectionKind[] } {
  const connection = new EngineConnection({
    address: { ws: "ws://127.0.0.1:7431", http: "http://127.0.0.1:7431" },
    tokens: storageTokenStore(null),
    transport,
    reachable: async () => false,
    retry: { initialDelayMs: 10, maxDelayMs: 40 },
  });
  open.push(connection);
  const seen: ConnectionKind[] = [connection.status.get().kind];
  connection.status.subscribe(() => seen.push(connection.status.get().kind));
  connection.start();
  return { connection, seen };
}

describe("EngineConnection over an injected transport", () => {
  it("connects without a stored token when the transport holds it, and sends requests through it", async () => {
    const { transport, channels, tokens } = tableTransport({
      "engine.info": ENGINE_INFO,
      "catalog.search": { items: [] },
    });
    const { connection, seen } = connect(transport);
    expect(connection.status.get().kind).toBe("connecting");
    channels[0]!.set("open");
    await waitUntil(() => connection.status.get().kind === "connected", "connected");
    expect(seen).toEqual(["connecting", "connected"]);
    expect(tokens).toEqual([null]);
    await expect(connection.request("catalog.search" as never, { query: "Rathaus" } as never)).resolves.toEqual({
      items: [],
    });
    expect(channels[0]!.requests).toEqual(["engine.info {}", 'catalog.search {"query":"Rathaus"}']);
  });

  it("delivers notifications subscribed before the channel opened, and again after a drop on the next channel", async () => {
    const { transport, channels } = tableTransport({ "engine.info": ENGINE_INFO });
    const { connection, seen } = connect(transport);
    const heard: unknown[] = [];
    connection.onNotification("job.done", (params) => heard.push(params));
    channels[0]!.set("open");
    await waitUntil(() => connection.status.get().kind === "connected", "connected");
    channels[0]!.notify("job.done", { jobId: "a" });

    channels[0]!.set("closed");
    expect(connection.status.get().kind).toBe("reconnecting");
    await waitUntil(() => channels.length === 2, "a second channel");
    channels[1]!.set("open");
    await waitUntil(() => connection.status.get().kind === "connected", "connected again");
    channels[1]!.notify("job.done", { jobId: "b" });
    expect(heard).toEqual([{ jobId: "a" }, { jobId: "b" }]);
    expect(seen).toEqual(["connecting", "connected", "reconnecting", "connected"]);
  });

  it("says not running when a channel fails before opening, and keeps trying", async () => {
    const { transport, channels } = tableTransport({ "engine.info": ENGINE_INFO });
    const { connection } = connect(transport);
    channels[0]!.set("closed");
    await waitUntil(() => connection.status.get().kind === "not-running", "not running");
    await waitUntil(() => channels.length >= 2, "another attempt");
    channels.at(-1)!.set("open");
    await waitUntil(() => connection.status.get().kind === "connected", "connected");
  });

  it("asks the transport for engine files, since it holds the token", async () => {
    const { transport } = tableTransport({ "engine.info": ENGINE_INFO });
    const { connection } = connect(transport);
    expect(connection.fileUrl("/thumbnails/k1.jpg")).toBe(
      "http://127.0.0.1:9999/thumbnails/k1.jpg?token=held-elsewhere",
    );
  });

  it("fails a request with CONNECTION_CLOSED before the channel is open", async () => {
    const { transport } = tableTransport({ "engine.info": ENGINE_INFO });
    const { connection } = connect(transport);
    const error = (await connection.request("engine.info", {}).catch((e: unknown) => e)) as RpcError;
    expect(error.code).toBe(ErrorCode.CONNECTION_CLOSED);
  });
});
