import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { ErrorCode } from "../ErrorCode.ts";
import { jobFixture } from "../test/wireFixtures.ts";
import type { ProgressValue } from "../rpc/notifications.ts";
import { SichterRpcError } from "../rpc/SichterRpcError.ts";
import { SichterClient } from "./SichterClient.ts";
import type { ConnectionState, SichterClientOptions } from "./SichterClientOptions.ts";

interface Received {
  id?: number;
  method: string;
  params: Record<string, unknown>;
}
type Reply = (message: object) => void;
type Handler = (request: Received, reply: Reply) => void;

/** A fake engine: answers with per-method handlers and records what it received. Not product code. */
class FakeEngine {
  readonly received: Received[] = [];
  readonly tokens: (string | null)[] = [];
  readonly handlers = new Map<string, Handler>();
  readonly #server: WebSocketServer;
  readonly #sockets = new Set<WebSocket>();

  private constructor(server: WebSocketServer) {
    this.#server = server;
    server.on("connection", (socket, request) => {
      this.tokens.push(new URL(request.url ?? "/", "ws://127.0.0.1").searchParams.get("token"));
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
      socket.on("message", (data) => {
        const message = JSON.parse(String(data)) as Received;
        this.received.push(message);
        const reply: Reply = (body) => socket.send(JSON.stringify({ jsonrpc: "2.0", ...body }));
        this.handlers.get(message.method)?.(message, reply);
      });
    });
  }

  static async start(): Promise<FakeEngine> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => server.once("listening", resolve));
    return new FakeEngine(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  get connections(): number {
    return this.#sockets.size;
  }

  notifyAll(method: string, params: object): void {
    for (const socket of this.#sockets) socket.send(JSON.stringify({ jsonrpc: "2.0", method, params }));
  }

  /** Drops every connection the hard way, as a crashed engine would. */
  dropAll(): void {
    for (const socket of this.#sockets) socket.terminate();
  }

  async stop(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function rejection(promise: Promise<unknown>): Promise<SichterRpcError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SichterRpcError);
  return error as SichterRpcError;
}

const engineInfo = {
  name: "sichter",
  version: "0.1.0",
  protocolVersion: 1,
  capabilities: ["sichter.ocr"],
  mode: "local-only",
  privacy: { mode: "local-only", providers: [] },
};

let engine: FakeEngine;
let client: SichterClient | undefined;
let states: ConnectionState[];

function connect(options: Partial<SichterClientOptions> = {}): SichterClient {
  states = [];
  client = new SichterClient({
    url: engine.url,
    token: "secret token",
    WebSocket,
    reconnect: { initialDelayMs: 10, maxDelayMs: 50 },
    onStateChange: (state) => states.push(state),
    ...options,
  });
  return client;
}

beforeEach(async () => {
  engine = await FakeEngine.start();
  engine.handlers.set("engine.info", (request, reply) => reply({ id: request.id, result: engineInfo }));
});

afterEach(async () => {
  client?.dispose();
  client = undefined;
  await engine.stop();
});

describe("SichterClient", () => {
  it("round-trips a request with a typed, validated result and sends the token", async () => {
    const info = await connect().request("engine.info", {});
    const mode: "local-only" | "cloud" = info.mode;
    expect(mode).toBe("local-only");
    expect(info).toEqual(engineInfo);
    expect(engine.tokens).toEqual(["secret token"]);
    expect(engine.received[0]).toEqual({ jsonrpc: "2.0", id: 1, method: "engine.info", params: {} });
    expect(states).toContain("open");
  });

  it("turns an error response into a SichterRpcError with the Sichter code", async () => {
    engine.handlers.set("job.get", (request, reply) =>
      reply({
        id: request.id,
        error: {
          code: -32006,
          message: "No job j9.",
          data: { code: ErrorCode.JOB_NOT_FOUND, params: { jobId: "j9" } },
        },
      }),
    );
    const error = await rejection(connect().request("job.get", { jobId: "j9" }));
    expect(error.code).toBe(ErrorCode.JOB_NOT_FOUND);
    expect(error.rpcCode).toBe(-32006);
    expect(error.message).toBe("No job j9.");
    expect(error.data).toEqual({ code: ErrorCode.JOB_NOT_FOUND, params: { jobId: "j9" } });
  });

  it("rejects a result that fails its schema", async () => {
    engine.handlers.set("job.get", (request, reply) =>
      reply({ id: request.id, result: { ...jobFixture, state: "paused" } }),
    );
    const error = await rejection(connect().request("job.get", { jobId: "job-1" }));
    expect(error.code).toBe(ErrorCode.RESPONSE_INVALID);
    expect(error.message).toContain("result.state");
  });

  it("times out with REQUEST_TIMEOUT and tells the engine to stop", async () => {
    const error = await rejection(connect().request("job.get", { jobId: "job-1" }, { timeoutMs: 100 }));
    expect(error.code).toBe(ErrorCode.REQUEST_TIMEOUT);
    await waitFor(() => engine.received.some((m) => m.method === "$/cancelRequest"));
    expect(engine.received.at(-1)).toEqual({ jsonrpc: "2.0", method: "$/cancelRequest", params: { id: 1 } });
  });

  it("aborting sends $/cancelRequest and rejects with CANCELLED; a late answer is ignored", async () => {
    let answer: (() => void) | undefined;
    engine.handlers.set("clip.analyze", (request, reply) => {
      answer = () => reply({ id: request.id, result: { jobId: "job-1", joined: false } });
    });
    const controller = new AbortController();
    const pending = connect().request("clip.analyze", { path: "/media/A001.mov" }, { signal: controller.signal });
    await waitFor(() => answer !== undefined);
    controller.abort();
    const error = await rejection(pending);
    expect(error.code).toBe(ErrorCode.CANCELLED);
    await waitFor(() => engine.received.some((m) => m.method === "$/cancelRequest"));
    expect(engine.received.find((m) => m.method === "$/cancelRequest")?.params).toEqual({ id: 1 });
    answer?.();
    // The connection still works after the late answer.
    await expect(client?.request("engine.info", {})).resolves.toEqual(engineInfo);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(connect().request("engine.info", {}, { signal: controller.signal }));
    expect(error.code).toBe(ErrorCode.CANCELLED);
  });

  it("routes $/progress for the request's token to its onProgress", async () => {
    engine.handlers.set("clip.analyze", (request, reply) => {
      const token = request.params.progressToken;
      reply({ method: "$/progress", params: { token: "someone-else", value: { kind: "begin", title: "Other" } } });
      reply({ method: "$/progress", params: { token, value: { kind: "begin", title: "Queueing" } } });
      reply({ method: "$/progress", params: { token, value: { kind: "report", percentage: 50 } } });
      reply({ method: "$/progress", params: { token, value: { kind: "end" } } });
      reply({ id: request.id, result: { jobId: "job-1", joined: true } });
    });
    const seen: ProgressValue[] = [];
    const result = await connect().request(
      "clip.analyze",
      { path: "/a.mov" },
      { onProgress: (value) => seen.push(value) },
    );
    expect(result).toEqual({ jobId: "job-1", joined: true });
    expect(typeof engine.received[0]?.params.progressToken).toBe("string");
    expect(seen).toEqual([{ kind: "begin", title: "Queueing" }, { kind: "report", percentage: 50 }, { kind: "end" }]);
  });

  it("delivers valid notifications to subscribers until disposed", async () => {
    const errors: string[] = [];
    const c = connect({ onProtocolError: (message) => errors.push(message) });
    const seen: unknown[] = [];
    const subscription = c.onNotification("job.progress", (params) => seen.push(params.fraction));
    await c.request("engine.info", {});
    engine.notifyAll("job.progress", { jobId: "job-1", stage: "ocr", fraction: 0.25 });
    engine.notifyAll("job.progress", { jobId: "job-1", stage: "ocr", fraction: 7 });
    await waitFor(() => seen.length === 1 && errors.length === 1);
    expect(errors[0]).toContain("params.fraction");
    subscription.dispose();
    engine.notifyAll("job.progress", { jobId: "job-1", stage: "ocr", fraction: 0.5 });
    await c.request("engine.info", {});
    expect(seen).toEqual([0.25]);
  });

  it("rejects pending requests when the connection drops, then reconnects", async () => {
    const c = connect();
    await c.request("engine.info", {});
    const pending = c.request("job.get", { jobId: "job-1" });
    await waitFor(() => engine.received.some((m) => m.method === "job.get"));
    engine.dropAll();
    const error = await rejection(pending);
    expect(error.code).toBe(ErrorCode.CONNECTION_CLOSED);
    await waitFor(() => c.state === "open");
    await expect(c.request("engine.info", {})).resolves.toEqual(engineInfo);
    expect(engine.tokens).toHaveLength(2);
    expect(states).toEqual(["open", "reconnecting", "open"]);
  });

  it("keeps requests made while disconnected until the connection is back", async () => {
    const c = connect({ reconnect: { initialDelayMs: 200, maxDelayMs: 200 } });
    await c.request("engine.info", {});
    engine.dropAll();
    await waitFor(() => c.state === "reconnecting");
    await expect(c.request("engine.info", {})).resolves.toEqual(engineInfo);
  });

  it("with reconnect disabled, a drop closes the client for good", async () => {
    const c = connect({ reconnect: false });
    await c.request("engine.info", {});
    engine.dropAll();
    await waitFor(() => c.state === "closed");
    expect((await rejection(c.request("engine.info", {}))).code).toBe(ErrorCode.CONNECTION_CLOSED);
  });

  it("dispose rejects pending requests and refuses new ones", async () => {
    const c = connect();
    const pending = c.request("job.get", { jobId: "job-1" });
    await waitFor(() => engine.received.length === 1);
    c.dispose();
    expect((await rejection(pending)).code).toBe(ErrorCode.CONNECTION_CLOSED);
    expect((await rejection(c.request("engine.info", {}))).code).toBe(ErrorCode.CONNECTION_CLOSED);
    expect(c.state).toBe("disposed");
    await waitFor(() => engine.connections === 0);
  });
});
