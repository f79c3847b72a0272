import http from "node:http";
import https from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLoopbackServer } from "./LoopbackServer.ts";
import { createTestCertificates, type TestCertificates } from "./testCertificates.ts";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A plain client, independent of the code under test elsewhere. */
function send(
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string>; ca?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = (target.protocol === "https:" ? https : http).request(
      target,
      { method: init.method ?? "GET", headers: init.headers, agent: false, ...(init.ca ? { ca: init.ca } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(init.body);
  });
}

describe("startLoopbackServer", () => {
  let pki: TestCertificates;
  beforeAll(async () => {
    pki = await createTestCertificates();
  }, 60_000);
  afterAll(() => pki?.dispose());

  it("records requests and connections and answers as scripted", async () => {
    const server = await startLoopbackServer({
      handler: (req) => ({ status: 201, headers: { "x-echo": req.path }, body: `got ${req.body.length} bytes` }),
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.connections).toBe(0);
      const answer = await send(`${server.url}/v1/chat?x=1`, {
        method: "POST",
        body: '{"a":1}',
        headers: { "content-type": "application/json" },
      });
      expect(answer).toMatchObject({ status: 201, body: "got 7 bytes", headers: { "x-echo": "/v1/chat?x=1" } });
      await send(`${server.url}/second`);
      expect(server.connections).toBe(2);
      expect(server.requests.map((r) => [r.method, r.path, r.body.toString()])).toEqual([
        ["POST", "/v1/chat?x=1", '{"a":1}'],
        ["GET", "/second", ""],
      ]);
      expect(server.requests[0]!.headers["content-type"]).toBe("application/json");
    } finally {
      await server.close();
    }
  });

  it("serves HTTPS with the given certificate and counts connections whose handshake fails", async () => {
    const server = await startLoopbackServer({
      tls: { key: pki.server.key, cert: pki.server.cert },
      handler: () => ({ status: 200, body: "ok" }),
    });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(await send(server.url, { ca: pki.ca.cert })).toMatchObject({ status: 200, body: "ok" });
      await expect(send(server.url)).rejects.toMatchObject({ code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE" });
      expect(server.connections).toBe(2);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("answers late with hangMs, and close() cuts a hanging request at once", async () => {
    const server = await startLoopbackServer({
      handler: (req) => ({ status: 200, body: "late", hangMs: req.path === "/slow" ? 60_000 : 150 }),
    });
    const started = Date.now();
    expect(await send(`${server.url}/short`)).toMatchObject({ body: "late" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    const hanging = send(`${server.url}/slow`);
    hanging.catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
    expect(server.requests.map((r) => r.path)).toEqual(["/short", "/slow"]);
    const closing = Date.now();
    await server.close();
    expect(Date.now() - closing).toBeLessThan(1000);
    await expect(hanging).rejects.toThrow();
  });

  it("answers 500 when the handler throws", async () => {
    const server = await startLoopbackServer({
      handler: () => {
        throw new Error("scripted failure");
      },
    });
    try {
      expect(await send(server.url)).toMatchObject({ status: 500, body: expect.stringContaining("scripted failure") });
    } finally {
      await server.close();
    }
  });
});
