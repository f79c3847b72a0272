import fs from "node:fs";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SichterError } from "../../core/SichterError.ts";
import {
  startLoopbackServer,
  type LoopbackServer,
  type ScriptedResponse,
} from "../../../test/simulators/LoopbackServer.ts";
import { createTestCertificates, type TestCertificates } from "../../../test/simulators/testCertificates.ts";
import { OutboundError } from "./OutboundError.ts";
import { checkEndpoint } from "./OutboundPolicy.ts";
import { MAX_RESPONSE_BYTES, postJson, type PostJsonOptions } from "./postJson.ts";

const BIG = Buffer.alloc(MAX_RESPONSE_BYTES + 1024, 0x61);

/** The provider's side: one scripted answer per path. */
function script(redirectTo: () => string): (req: { path: string; body: Buffer }) => ScriptedResponse {
  return (req): ScriptedResponse => {
    const route = req.path.split("?")[0];
    switch (route) {
      case "/redirect":
        return { status: 302, headers: { location: `${redirectTo()}/steal?key=SECRET` } };
      case "/moved":
        return { status: 301, headers: { location: "/elsewhere?key=SECRET" } };
      case "/hang":
        return { status: 200, body: "{}", hangMs: 30_000 };
      case "/big":
        return { status: 200, body: BIG };
      case "/big-chunked":
        return { status: 200, headers: { "transfer-encoding": "chunked" }, body: BIG };
      case "/limited":
        return { status: 429, headers: { "Retry-After": "7" }, body: '{"error":"slow down"}' };
      default:
        return {
          status: 200,
          headers: { "Content-Type": "application/json", "X-Request-Id": "r-1" },
          body: JSON.stringify({ echo: req.body.toString("utf8") }),
        };
    }
  };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the request to fail");
}

describe("postJson", () => {
  let pki: TestCertificates;
  let good: LoopbackServer;
  let plain: LoopbackServer;
  let target: LoopbackServer;
  let selfSigned: LoopbackServer;
  let expired: LoopbackServer;
  let wrongHost: LoopbackServer;
  let options: PostJsonOptions;

  beforeAll(async () => {
    pki = await createTestCertificates();
    target = await startLoopbackServer({ handler: () => ({ status: 200, body: "stolen" }) });
    const handler = script(() => target.url);
    good = await startLoopbackServer({ tls: { key: pki.server.key, cert: pki.server.cert }, handler });
    plain = await startLoopbackServer({ handler });
    selfSigned = await startLoopbackServer({ tls: { key: pki.selfSigned.key, cert: pki.selfSigned.cert }, handler });
    expired = await startLoopbackServer({ tls: { key: pki.expired.key, cert: pki.expired.cert }, handler });
    wrongHost = await startLoopbackServer({ tls: { key: pki.wrongHost.key, cert: pki.wrongHost.cert }, handler });
    options = {
      headers: { "content-type": "application/json" },
      caFile: pki.ca.certFile,
      timeoutMs: 5000,
      provider: "simulated",
    };
  }, 60_000);

  afterAll(async () => {
    await Promise.all([good, plain, target, selfSigned, expired, wrongHost].filter(Boolean).map((s) => s.close()));
    pki?.dispose();
  });

  it("posts over a verified chain when the custom CA is added, and reports what it sent", async () => {
    const body = JSON.stringify({ text: "Grüße aus dem Schnitt" });
    const before = good.requests.length;
    const response = await postJson(new URL(`${good.url}/v1/chat?model=m`), body, {
      ...options,
      headers: { ...options.headers, Authorization: "Bearer test", "Content-Length": "1" },
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ echo: body });
    expect(response.headers["x-request-id"]).toBe("r-1");
    expect(response.headers["content-type"]).toBe("application/json");
    expect(response.bytesSent).toBe(Buffer.byteLength(body, "utf8"));
    expect(response.bytesSent).toBeGreaterThan(body.length);
    const seen = good.requests[before]!;
    expect(seen).toMatchObject({ method: "POST", path: "/v1/chat?model=m" });
    expect(seen.body.toString("utf8")).toBe(body);
    // A caller's wrong Content-Length never reaches the wire.
    expect(seen.headers["content-length"]).toBe(String(response.bytesSent));
    expect(seen.headers.authorization).toBe("Bearer test");
  });

  it("refuses the same server without the custom CA, and names no query in the error", async () => {
    const error = await caught(postJson(new URL(`${good.url}/v1?key=SECRET`), "{}", { ...options, caFile: undefined }));
    expect(error).toMatchObject({ code: ErrorCode.PRIVACY_CERTIFICATE_INVALID, params: { url: `${good.url}/v1` } });
    expect(String((error as SichterError).params.detail)).toMatch(
      /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY/,
    );
    expect(JSON.stringify(error)).not.toContain("SECRET");
  });

  it.each([
    ["a self-signed certificate", () => selfSigned, /DEPTH_ZERO_SELF_SIGNED_CERT/],
    ["an expired certificate", () => expired, /CERT_HAS_EXPIRED/],
    ["a certificate for another host", () => wrongHost, /ERR_TLS_CERT_ALTNAME_INVALID/],
  ])("refuses %s even with the custom CA, before sending anything", async (_name, server, detail) => {
    const error = await caught(postJson(new URL(`${server().url}/v1`), '{"secret":"keyframe"}', options));
    expect(error).toBeInstanceOf(SichterError);
    expect(error).toMatchObject({ code: ErrorCode.PRIVACY_CERTIFICATE_INVALID });
    expect(String((error as SichterError).params.detail)).toMatch(detail);
    expect(server().connections).toBeGreaterThan(0);
    expect(server().requests).toHaveLength(0);
  });

  it("refuses a 302 to http:// without contacting the target", async () => {
    const error = await caught(postJson(new URL(`${good.url}/redirect`), "{}", options));
    expect(error).toMatchObject({
      code: ErrorCode.PRIVACY_REDIRECT_REFUSED,
      params: { provider: "simulated", location: `${target.url}/steal` },
    });
    expect(JSON.stringify(error)).not.toContain("SECRET");
    expect(target.connections).toBe(0);
  });

  it("refuses a relative redirect too, resolving it only for the message", async () => {
    const error = await caught(postJson(new URL(`${plain.url}/moved`), "{}", options));
    expect(error).toMatchObject({
      code: ErrorCode.PRIVACY_REDIRECT_REFUSED,
      params: { location: `${plain.url}/elsewhere` },
    });
  });

  it("gives up on a hanging server after about timeoutMs with a timeout OutboundError", async () => {
    const started = Date.now();
    const error = await caught(postJson(new URL(`${good.url}/hang`), "{}", { ...options, timeoutMs: 400 }));
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(OutboundError);
    expect(error).toMatchObject({ kind: "timeout" });
    expect(elapsed).toBeGreaterThanOrEqual(380);
    expect(elapsed).toBeLessThan(2500);
  });

  it("stops at once when aborted, and does not connect when aborted before the start", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    const error = await caught(postJson(new URL(`${good.url}/hang`), "{}", { ...options, signal: controller.signal }));
    expect(error).toMatchObject({ name: "OutboundError", kind: "aborted" });
    expect(Date.now() - started).toBeLessThan(2000);

    const fresh = await startLoopbackServer({ handler: () => ({ status: 200 }) });
    try {
      const error2 = await caught(postJson(new URL(fresh.url), "{}", { ...options, signal: AbortSignal.abort() }));
      expect(error2).toMatchObject({ kind: "aborted" });
      expect(fresh.connections).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it("reports refused connections as a network OutboundError", async () => {
    const gone = await startLoopbackServer({ handler: () => ({ status: 200 }) });
    await gone.close();
    const error = await caught(postJson(new URL(`${gone.url}/v1`), "{}", options));
    expect(error).toBeInstanceOf(OutboundError);
    expect(error).toMatchObject({ kind: "network", message: expect.stringContaining("ECONNREFUSED") });
  });

  it("caps the answer: a body above 8 MiB is a network error, declared or streamed", async () => {
    for (const route of ["/big", "/big-chunked"]) {
      const error = await caught(postJson(new URL(`${good.url}${route}`), "{}", options));
      expect(error, route).toBeInstanceOf(OutboundError);
      expect(error, route).toMatchObject({ kind: "network", message: expect.stringContaining("more than") });
    }
  });

  it("resolves 4xx and 5xx answers for the caller to judge", async () => {
    const response = await postJson(new URL(`${good.url}/limited`), "{}", options);
    expect(response).toMatchObject({ status: 429, body: '{"error":"slow down"}', headers: { "retry-after": "7" } });
  });

  it("refuses an unreadable or non-PEM CA file without naming its path", async () => {
    const missing = path.join(pki.dir, "no-such-ca.pem");
    const error = await caught(postJson(new URL(good.url), "{}", { ...options, caFile: missing }));
    expect(error).toMatchObject({
      code: ErrorCode.PRIVACY_CERTIFICATE_INVALID,
      params: { detail: expect.stringContaining("ENOENT") },
    });
    expect(JSON.stringify(error)).not.toContain(pki.dir);

    const junk = path.join(pki.dir, "junk.pem");
    fs.writeFileSync(junk, "this is not a certificate");
    const error2 = await caught(postJson(new URL(good.url), "{}", { ...options, caFile: junk }));
    expect(error2).toMatchObject({
      code: ErrorCode.PRIVACY_CERTIFICATE_INVALID,
      params: { detail: expect.stringContaining("no PEM certificate") },
    });
  });
});

describe("postJson behind the outbound policy", () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer({ handler: (req) => ({ status: 200, body: req.body }) });
  });
  afterAll(() => server?.close());

  const options: PostJsonOptions = { headers: {}, timeoutMs: 5000, provider: "local-model" };

  it("allows plain HTTP to 127.0.0.1 in cloud mode", async () => {
    const response = await postJson(
      checkEndpoint(`${server.url}/api/generate`, "cloud", "local-model"),
      '{"n":1}',
      options,
    );
    expect(response).toMatchObject({ status: 200, body: '{"n":1}', bytesSent: 7 });
    expect(server.requests.at(-1)).toMatchObject({ method: "POST", path: "/api/generate" });
  });

  it("refuses everything in local-only mode: the server sees no connection at all", async () => {
    const before = server.connections;
    expect(() => checkEndpoint(`${server.url}/api/generate`, "local-only", "local-model")).toThrow(
      expect.objectContaining({ code: ErrorCode.PRIVACY_LOCAL_ONLY, params: { provider: "local-model" } }),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(server.connections).toBe(before);
  });

  it("refuses plain HTTP off this machine, in the policy and again inside postJson", async () => {
    expect(() => checkEndpoint("http://example.org/v1?key=SECRET", "cloud", "p")).toThrow(
      expect.objectContaining({ code: ErrorCode.PRIVACY_INSECURE_ENDPOINT, params: { url: "http://example.org/v1" } }),
    );
    // Handed a URL that skipped the policy, postJson refuses before any DNS lookup or connection.
    await expect(postJson(new URL("http://example.org/v1"), "{}", options)).rejects.toMatchObject({
      code: ErrorCode.PRIVACY_INSECURE_ENDPOINT,
    });
    await expect(postJson(new URL("https://u:p@example.org/v1"), "{}", options)).rejects.toMatchObject({
      code: ErrorCode.PRIVACY_INSECURE_ENDPOINT,
    });
  });
});
