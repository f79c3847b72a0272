import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { ErrorCode, PROTOCOL_VERSION, SichterRpcError } from "@sichter/shared/protocol";
import type WebSocket from "ws";
import { WebSocketServer } from "ws";
import type { EngineAddress } from "../src/connection/engineAddress.ts";

type Handler = (params: Record<string, unknown>) => unknown;

/**
 * A stand-in engine on loopback for the panel's logic tests (not product code): real HTTP and
 * WebSocket, `/health`, the token check on upgrade with the engine's 401, `engine.info`, and
 * per-method handlers. The real engine is exercised by the end-to-end tests.
 */
export class FakeEngineServer {
  token = "good-token";
  protocolVersion = PROTOCOL_VERSION;
  /** Upgrades refused for a wrong token so far. */
  refused = 0;
  readonly handlers = new Map<string, Handler>();
  readonly received: { method: string; params: Record<string, unknown> }[] = [];
  readonly #http: http.Server;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sockets = new Set<WebSocket>();
  /** Jobs each connection hears, as the engine keeps them: started or joined there, or subscribed. */
  readonly #follows = new Map<WebSocket, Set<string>>();

  private constructor(server: http.Server) {
    this.#http = server;
    server.on("request", (req, res) => {
      if (req.url === "/health") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ name: "sichter-engine", version: "test", protocolVersion: this.protocolVersion }));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    server.on("upgrade", (req, socket: Duplex, head) => {
      const token = new URL(req.url ?? "/", "http://127.0.0.1").searchParams.get("token");
      if (token !== this.token) {
        this.refused++;
        socket.end("HTTP/1.1 401 Unauthorized\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws));
    });
  }

  static async start(port = 0): Promise<FakeEngineServer> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    return new FakeEngineServer(server);
  }

  get port(): number {
    return (this.#http.address() as AddressInfo).port;
  }

  get address(): EngineAddress {
    return { ws: `ws://127.0.0.1:${this.port}`, http: `http://127.0.0.1:${this.port}` };
  }

  get connections(): number {
    return this.#sockets.size;
  }

  notifyAll(method: string, params: object): void {
    for (const socket of this.#sockets) socket.send(JSON.stringify({ jsonrpc: "2.0", method, params }));
  }

  /** A job notification, sent only to the connections that follow the job (the engine's rule). */
  notifyJob(
    method: "job.progress" | "job.done" | "job.failed",
    params: { readonly jobId: string; readonly [key: string]: unknown },
  ): void {
    for (const socket of this.#sockets) {
      if (this.#follows.get(socket)?.has(params.jobId)) socket.send(JSON.stringify({ jsonrpc: "2.0", method, params }));
    }
  }

  /** Drops every connection the hard way, as a crashed engine would. */
  dropAll(): void {
    for (const socket of this.#sockets) socket.terminate();
  }

  async stop(): Promise<void> {
    this.dropAll();
    this.#http.closeAllConnections();
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }

  #accept(ws: WebSocket): void {
    this.#sockets.add(ws);
    this.#follows.set(ws, new Set());
    ws.on("close", () => {
      this.#sockets.delete(ws);
      this.#follows.delete(ws);
    });
    ws.on("message", (data) => {
      const message = JSON.parse(String(data)) as { id?: number; method: string; params?: Record<string, unknown> };
      if (message.id === undefined) return;
      const params = message.params ?? {};
      this.received.push({ method: message.method, params });
      const reply = (body: object): void => ws.send(JSON.stringify({ jsonrpc: "2.0", id: message.id, ...body }));
      Promise.resolve()
        .then(() => this.#answer(message.method, params))
        .then(
          (result) => {
            const jobId =
              message.method === "clip.analyze"
                ? (result as { jobId?: string }).jobId
                : message.method === "job.subscribe"
                  ? String(params.jobId)
                  : undefined;
            if (jobId !== undefined) this.#follows.get(ws)?.add(jobId);
            reply({ result });
          },
          (error: unknown) => {
            const rpc =
              error instanceof SichterRpcError
                ? error
                : SichterRpcError.of(ErrorCode.INTERNAL, { detail: String(error) });
            reply({ error: rpc.toJsonRpcError() });
          },
        );
    });
  }

  #answer(method: string, params: Record<string, unknown>): unknown {
    const handler = this.handlers.get(method);
    if (handler) return handler(params);
    if (method === "engine.info") {
      return {
        name: "sichter-engine",
        version: "0.1.0-test",
        protocolVersion: this.protocolVersion,
        capabilities: ["sichter.shots", "sichter.ocr"],
        mode: "local-only",
        privacy: { mode: "local-only", providers: [] },
      };
    }
    throw SichterRpcError.of(ErrorCode.METHOD_NOT_FOUND, { method });
  }
}
