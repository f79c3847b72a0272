import http from "node:http";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";

/** One request as the server saw it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly path: string;
  /** Lower-case names. */
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** What the server answers; `hangMs` waits that long before answering (timeout tests). */
export interface ScriptedResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  readonly hangMs?: number;
}

export interface LoopbackServerOptions {
  /** Serve HTTPS with this key and certificate; plain HTTP without. */
  readonly tls?: { readonly key: string; readonly cert: string };
  readonly handler: (req: RecordedRequest) => Promise<ScriptedResponse> | ScriptedResponse;
}

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` or `https://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  /** Every request that arrived completely, in order. */
  readonly requests: RecordedRequest[];
  /** TCP connections accepted so far, TLS handshakes that failed included. */
  readonly connections: number;
  /** Stops listening and cuts every open connection, hanging ones included. */
  close(): Promise<void>;
}

/**
 * A scripted HTTP(S) endpoint on 127.0.0.1 that stands in for a cloud provider. Counting raw TCP
 * connections (not requests) lets a test prove that a refused call never even connected.
 */
export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let connections = 0;

  const listener: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      Promise.resolve()
        .then(() => options.handler(recorded))
        .then(
          (scripted) => {
            const answer = () => {
              res.writeHead(scripted.status, scripted.headers);
              res.end(scripted.body);
            };
            if (!scripted.hangMs) return answer();
            const timer = setTimeout(() => {
              timers.delete(timer);
              if (!res.destroyed) answer();
            }, scripted.hangMs);
            timers.add(timer);
          },
          (error: unknown) => {
            res.writeHead(500, { "content-type": "text/plain" });
            res.end(`loopback handler failed: ${error instanceof Error ? error.message : String(error)}`);
          },
        );
    });
  };

  const server = options.tls
    ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : http.createServer(listener);
  // `connection` fires for the raw TCP socket, before any TLS handshake: refused handshakes count too.
  server.on("connection", (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // A client that rejects our certificate aborts the handshake; that is an expected outcome here.
  server.on("tlsClientError", () => {});

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    requests,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
