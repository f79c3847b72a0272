import { EventEmitter } from "node:events";
import type http from "node:http";
import type { WebSocket } from "ws";
import { ErrorCode, WireLimits, formatErrorMessage } from "@sichter/shared/protocol";
import { tokenMatches } from "../EngineToken.ts";
import type { Logger } from "../Logger.ts";
import { isAllowedOrigin, isLoopbackHost } from "../originPolicy.ts";
import { RateLimiter } from "../RateLimiter.ts";
import { type Dispatch, RpcConnection } from "../RpcConnection.ts";

/**
 * `POST /rpc`: the engine's protocol over plain HTTP on loopback, for clients that cannot hold a
 * WebSocket (the DaVinci Resolve Lua script of the free edition talks through LuaJIT's ffi sockets).
 * The body is one JSON-RPC 2.0 request with the same method names and schemas as over WebSocket;
 * the answer (HTTP 200) is its JSON-RPC response, result or error. The token goes in the header
 * `Authorization: Bearer <token>`, never in the address. Notifications (job.progress, job.done,
 * $/progress) cannot reach an HTTP client: it polls `job.get`. The same gates as a WebSocket upgrade
 * apply: a loopback Host (DNS rebinding), no web page's Origin, the token; 401 without the right
 * token, 403 for a refused host or origin, 405 for any method but POST, 413 for a body above the
 * protocol's message limit, 400 for a body that is not one request with an id.
 */
export const RPC_ROUTE = "/rpc";

export interface HttpRpcOptions {
  readonly port: number;
  readonly token: string;
  readonly dispatch: Dispatch;
  readonly log: Logger;
  readonly stopping: () => boolean;
}

/** Requests per second all HTTP clients together may average, and their burst (a script polls; a loop runs away). */
const RATE = { burst: 200, perSecond: 50 };

export function httpRpcRoute(options: HttpRpcOptions): {
  handles(req: http.IncomingMessage): boolean;
  serve(req: http.IncomingMessage, res: http.ServerResponse): void;
} {
  const limiter = new RateLimiter(RATE.burst, RATE.perSecond);
  let nextExchange = 1;
  return {
    handles: (req) => (req.url ?? "").split("?")[0] === RPC_ROUTE,
    serve: (req, res) => {
      const refuse = (
        status: number,
        code: ErrorCode,
        params: Record<string, string | number> = {},
        headers: Record<string, string> = {},
      ): void => {
        if (status === 401 || status === 403)
          options.log.warn("connection.refused", {
            code,
            origin: req.headers.origin ?? null,
            remote: req.socket.remoteAddress,
            route: RPC_ROUTE,
          });
        const body = JSON.stringify({ code, message: formatErrorMessage(code, params, "en") });
        res.writeHead(status, {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "cache-control": "no-store",
          ...headers,
        });
        res.end(body);
        req.resume();
      };
      if (options.stopping()) return refuse(503, ErrorCode.SHUTTING_DOWN);
      if (!isLoopbackHost(req.headers.host, options.port))
        return refuse(403, ErrorCode.ORIGIN_REFUSED, { origin: req.headers.host ?? "" });
      if (!isAllowedOrigin(req.headers.origin, options.port))
        return refuse(403, ErrorCode.ORIGIN_REFUSED, { origin: req.headers.origin ?? "" });
      if (req.method !== "POST")
        return refuse(
          405,
          ErrorCode.INVALID_REQUEST,
          { detail: "send the JSON-RPC request with POST" },
          { allow: "POST" },
        );
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
      if (!tokenMatches(options.token, bearer?.[1] ?? null)) return refuse(401, ErrorCode.UNAUTHORIZED);

      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      req.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > WireLimits.messageChars * 4) tooLarge = true;
        if (!tooLarge) chunks.push(chunk);
      });
      req.on("end", () => {
        if (tooLarge) return refuse(413, ErrorCode.MESSAGE_TOO_LARGE, { size, limit: WireLimits.messageChars });
        const text = Buffer.concat(chunks).toString("utf8");
        if (!isRequestWithId(text)) {
          return refuse(400, ErrorCode.INVALID_REQUEST, {
            detail: "the body must be one JSON-RPC request with an id; notifications and batches need the WebSocket",
          });
        }
        exchange(text, res, options, limiter, nextExchange++);
      });
    },
  };
}

/** One request answered through an RpcConnection of its own, so HTTP and WebSocket share every rule. */
function exchange(
  text: string,
  res: http.ServerResponse,
  options: HttpRpcOptions,
  limiter: RateLimiter,
  id: number,
): void {
  const socket = new ExchangeSocket((message) => {
    // The connection also sends notifications (a job it started); only the response answers HTTP.
    if (res.headersSent || !isResponse(message)) return;
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(message),
      "cache-control": "no-store",
    });
    res.end(message);
    socket.end();
  });
  // The connection listens on the socket from here on; it is disposed when the socket closes.
  new RpcConnection(socket as unknown as WebSocket, options.dispatch, limiter, options.log, -id);
  // A client that hangs up cancels its request, as a closed WebSocket does.
  res.on("close", () => socket.end());
  socket.emit("message", Buffer.from(text, "utf8"), false);
}

/** The part of a ws socket RpcConnection uses, answering into one HTTP response. */
class ExchangeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;

  constructor(private readonly onSend: (message: string) => void) {
    super();
  }

  send(message: string): void {
    this.onSend(message);
  }

  close(): void {
    this.end();
  }

  terminate(): void {
    this.end();
  }

  end(): void {
    if (this.readyState !== this.OPEN) return;
    this.readyState = 3;
    this.emit("close");
  }
}

function isRequestWithId(text: string): boolean {
  try {
    const value = JSON.parse(text) as unknown;
    return (
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      "id" in value &&
      (value as { id: unknown }).id !== null
    );
  } catch {
    // Not JSON: the connection answers PARSE_ERROR with id null, which is an answer all the same.
    return true;
  }
}

function isResponse(message: string): boolean {
  const value = JSON.parse(message) as Record<string, unknown>;
  return "id" in value && ("result" in value || "error" in value);
}
