import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEngine, type EngineProcess } from "./engineProcess.ts";
import { makeTempDir } from "./fixtures.ts";

const root = makeTempDir("sichter-refusals-");
let engine: EngineProcess;

beforeAll(async () => {
  engine = await startEngine(path.join(root, "home"));
}, 60_000);
afterAll(async () => {
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  fs.rmSync(root, { recursive: true, force: true });
});

const UPGRADE = {
  Connection: "Upgrade",
  Upgrade: "websocket",
  "Sec-WebSocket-Version": "13",
  "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
};

/** A request the engine refuses (a WebSocket upgrade unless told): its status and the body a person would read. */
function refused(
  headers: Record<string, string>,
  upgrade = true,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: "127.0.0.1",
      port: engine.port,
      path: `/?token=${engine.token}`,
      headers: { ...(upgrade && UPGRADE), ...headers },
    });
    req.on("upgrade", () => reject(new Error("the engine accepted the upgrade")));
    req.on("response", (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** One raw text message over an authenticated socket, and the engine's answer to it. */
async function rawRequest(text: string): Promise<Record<string, any>> {
  const ws = new WebSocket(`${engine.url}/?token=${engine.token}`);
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  try {
    const answer = new Promise<Record<string, any>>((resolve) =>
      ws.on("message", (data) => {
        const message = JSON.parse(String(data));
        if ("id" in message) resolve(message);
      }),
    );
    ws.send(text);
    return await answer;
  } finally {
    ws.close();
  }
}

describe("engine service: refused upgrades say who was refused", () => {
  it("names the web origin in the 403 body", async () => {
    const { status, body } = await refused({ Origin: "https://evil.example" });
    expect(status).toBe(403);
    expect(body).toEqual({
      code: "SICHTER_E_ORIGIN_REFUSED",
      message: "The engine refused a connection from https://evil.example.",
    });
  });

  it("names the host a rebinding page used", async () => {
    const { status, body } = await refused({ Host: `evil.example:${engine.port}` });
    expect(status).toBe(403);
    expect(body.message).toBe(`The engine refused a connection from evil.example:${engine.port}.`);
  });

  it("leaves no placeholder in any refusal", async () => {
    const { status, body } = await refused({ Origin: "chrome-extension://abc" });
    expect(status).toBe(403);
    expect(body.message).toBe("The engine refused a connection from chrome-extension://abc.");
    expect(String(body.message)).not.toMatch(/[{}]/);
  });

  it("says the same to a plain HTTP request from a web page", async () => {
    const { status, body } = await refused({ Origin: "https://evil.example" }, false);
    expect(status).toBe(403);
    expect(body).toEqual({
      code: "SICHTER_E_ORIGIN_REFUSED",
      message: "The engine refused a connection from https://evil.example.",
    });
  });
});

describe("engine service: prototype keys in params", () => {
  const request = (params: string) => `{"jsonrpc":"2.0","id":1,"method":"job.get","params":${params}}`;

  it.each([
    ['{"jobId":"abc","__proto__":{"polluted":true}}', "params.__proto__"],
    ['{"jobId":"abc","constructor":{"prototype":{"polluted":true}}}', "params.constructor"],
  ])("refuses %s with INVALID_PARAMS naming the key", async (params, where) => {
    const answer = await rawRequest(request(params));
    expect(answer.error.data.code).toBe("SICHTER_E_INVALID_PARAMS");
    expect(answer.error.message).toContain(where);
  });

  it("refuses them nested anywhere, also inside free-form command arguments", async () => {
    const nested = await rawRequest(
      '{"jsonrpc":"2.0","id":2,"method":"commands.execute","params":{"command":"sichter.x.y","args":[{"a":[{"__proto__":{"polluted":true}}]}]}}',
    );
    expect(nested.error.data.code).toBe("SICHTER_E_INVALID_PARAMS");
    expect(nested.error.message).toContain("params.args[0].a[0].__proto__");
    const prototype = await rawRequest(
      '{"jsonrpc":"2.0","id":3,"method":"commands.execute","params":{"command":"sichter.x.y","args":[{"prototype":1}]}}',
    );
    expect(prototype.error.data.code).toBe("SICHTER_E_INVALID_PARAMS");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("still answers the same request without the key", async () => {
    const answer = await rawRequest(request('{"jobId":"abc"}'));
    expect(answer.error.data.code).toBe("SICHTER_E_JOB_NOT_FOUND");
  });
});
