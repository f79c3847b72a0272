import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEngine, tryConnect, type EngineProcess } from "./engineProcess.ts";
import { makeTempDir } from "./fixtures.ts";

/**
 * Premiere's CEP panel is a page loaded from a file: its Chromium sends the WebSocket upgrade with
 * `Origin: null` (or `file://`). A sandboxed iframe of any web page sends `null` too, so `null` is let
 * in only together with the right token, and never on a request that carries none.
 */
const root = makeTempDir("sichter-cep-origin-");
let engine: EngineProcess;

beforeAll(async () => {
  engine = await startEngine(path.join(root, "home"));
}, 60_000);
afterAll(async () => {
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  fs.rmSync(root, { recursive: true, force: true });
});

/** Status and body of a plain HTTP GET with these headers. */
function get(pathname: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: engine.port, path: pathname, headers });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("engine service: a CEP page's null origin", () => {
  it("opens the WebSocket for Origin null with the right token and answers a method over it", async () => {
    const ws = new WebSocket(`${engine.url}/?token=${engine.token}`, { headers: { Origin: "null" } });
    await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
    const answer = new Promise<Record<string, any>>((resolve) =>
      ws.once("message", (data) => resolve(JSON.parse(String(data)))),
    );
    ws.send(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "engine.info", params: {} }));
    expect((await answer).result.name).toBe("sichter-engine");
    ws.close();
  });

  it("refuses Origin null without a token or with a wrong one, as a refused origin", async () => {
    expect(await tryConnect(engine.url, { Origin: "null" })).toBe(403);
    expect(await tryConnect(`${engine.url}/?token=`, { Origin: "null" })).toBe(403);
    expect(await tryConnect(`${engine.url}/?token=${"x".repeat(engine.token.length)}`, { Origin: "null" })).toBe(403);
    expect(await tryConnect(`${engine.url}/?token=${engine.token}`, { Origin: " NULL " })).toBe("open");
  });

  it("still refuses Origin null on plain HTTP: the panel's files and the health check carry no token", async () => {
    expect((await get("/", { Origin: "null" })).status).toBe(403);
    const health = await get("/health", { Origin: "null" });
    expect(health.status).toBe(403);
    expect(JSON.parse(health.body).code).toBe("SICHTER_E_ORIGIN_REFUSED");
  });

  it("keeps every other rule: a file:// page opens with the token, web pages and rebinding hosts stay out", async () => {
    const withToken = `${engine.url}/?token=${engine.token}`;
    expect(await tryConnect(withToken, { Origin: "file://" })).toBe("open");
    expect(await tryConnect(engine.url, { Origin: "file://" })).toBe(401);
    expect(await tryConnect(withToken, { Origin: "https://evil.example" })).toBe(403);
    expect(await tryConnect(withToken, { Origin: "null", Host: `evil.example:${engine.port}` })).toBe(403);
  });
});
