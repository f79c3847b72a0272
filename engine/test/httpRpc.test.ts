import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEngine, type EngineProcess } from "./engineProcess.ts";
import { makeCutClip, makeTempDir } from "./fixtures.ts";

/**
 * POST /rpc against a real engine: the protocol's methods and schemas over plain HTTP on loopback
 * (the Resolve Lua script's route), behind the same gates as the WebSocket.
 */
let dir: string;
let engine: EngineProcess;

function post(body: unknown, headers: Record<string, string> = {}, method = "POST") {
  return fetch(`http://127.0.0.1:${engine.port}/rpc`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${engine.token}`, ...headers },
    ...(method === "POST" && { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

async function rpc(method: string, params: unknown, id: number | string = 1): Promise<Record<string, unknown>> {
  const response = await post({ jsonrpc: "2.0", id, method, params });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  dir = fs.realpathSync(makeTempDir("sichter-http-rpc-"));
  engine = await startEngine(path.join(dir, "home"));
}, 60_000);
afterAll(async () => {
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("POST /rpc", () => {
  it("answers a JSON-RPC request with its response", async () => {
    const answer = await rpc("engine.info", {}, "info-1");
    expect(answer).toMatchObject({
      jsonrpc: "2.0",
      id: "info-1",
      result: { name: "sichter-engine", protocolVersion: 1 },
    });
  });

  it("validates params by the protocol's schemas and answers errors with their code", async () => {
    const answer = await rpc("job.get", { jobId: 42 }, 7);
    expect(answer).toMatchObject({ id: 7, error: { code: -32602, data: { code: "SICHTER_E_INVALID_PARAMS" } } });
    expect(await rpc("nope.method", {}, 8)).toMatchObject({
      id: 8,
      error: { data: { code: "SICHTER_E_METHOD_NOT_FOUND" } },
    });
  });

  it("analyses a clip a client then polls with job.get", async () => {
    const clip = path.join(dir, "Schnitt.mp4");
    await makeCutClip(clip, [30, 30]);
    const started = await rpc("clip.analyze", { path: clip, options: { write: "none" } });
    const { jobId } = started.result as { jobId: string };
    let state = "";
    for (let i = 0; i < 300 && state !== "completed"; i++) {
      state = ((await rpc("job.get", { jobId })).result as { state: string }).state;
      if (state !== "completed") await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(state).toBe("completed");
    expect(
      (
        (await rpc("tags.plan", { path: clip })).result as { plan: { markers: { startFrame: number }[] } }
      ).plan.markers.map((m) => m.startFrame),
    ).toEqual([0, 30]);
  }, 90_000);

  it("refuses a wrong or missing token, a web page's origin, another HTTP method and a notification", async () => {
    expect(
      (await post({ jsonrpc: "2.0", id: 1, method: "engine.info" }, { authorization: "Bearer wrong" })).status,
    ).toBe(401);
    expect((await post({ jsonrpc: "2.0", id: 1, method: "engine.info" }, { authorization: "" })).status).toBe(401);
    const fromPage = await post({ jsonrpc: "2.0", id: 1, method: "engine.info" }, { origin: "https://example.com" });
    expect(fromPage.status).toBe(403);
    expect(await fromPage.json()).toMatchObject({ code: "SICHTER_E_ORIGIN_REFUSED" });
    const get = await post(null, {}, "GET");
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await post({ jsonrpc: "2.0", method: "$/cancelRequest", params: { id: 1 } })).status).toBe(400);
  });

  it("keeps the token out of the engine's log", () => {
    const logs = path.join(dir, "home", "data", "logs");
    const text = fs
      .readdirSync(logs)
      .map((f) => fs.readFileSync(path.join(logs, f), "utf8"))
      .join("");
    expect(text).not.toContain(engine.token);
  });
});
