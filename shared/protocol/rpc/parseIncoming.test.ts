import { describe, expect, it } from "vitest";
import { ErrorCode } from "../ErrorCode.ts";
import { JsonRpcErrorResponse } from "./envelope.ts";
import { JsonRpcCode } from "./jsonRpcCode.ts";
import { parseIncoming, type Incoming } from "./parseIncoming.ts";

function expectError(incoming: Incoming, code: ErrorCode, rpcCode: number, id: string | number | null = null) {
  if (incoming.kind !== "error") throw new Error(`expected an error, got ${JSON.stringify(incoming)}`);
  expect(JsonRpcErrorResponse.safeParse(incoming.response).success).toBe(true);
  expect(incoming.response.id).toBe(id);
  expect(incoming.response.error.code).toBe(rpcCode);
  expect(incoming.response.error.data.code).toBe(code);
  return incoming.response.error.message;
}

const request = (body: object) => JSON.stringify({ jsonrpc: "2.0", id: 1, ...body });

describe("parseIncoming", () => {
  it("returns a request with validated, typed params", () => {
    const incoming = parseIncoming(request({ method: "clip.analyze", params: { path: "/a.mov", progressToken: "t" } }));
    expect(incoming).toEqual({
      kind: "request",
      id: 1,
      method: "clip.analyze",
      params: { path: "/a.mov", progressToken: "t" },
    });
    if (incoming.kind === "request" && incoming.method === "clip.analyze") {
      // Narrowing by method gives the method's params type.
      const path: string = incoming.params.path;
      expect(path).toBe("/a.mov");
    }
  });

  it("treats missing params as {}", () => {
    expect(parseIncoming(request({ method: "engine.info" }))).toEqual({
      kind: "request",
      id: 1,
      method: "engine.info",
      params: {},
    });
  });

  it("answers non-JSON with a parse error", () => {
    expectError(parseIncoming("{not json"), ErrorCode.INVALID_REQUEST, JsonRpcCode.PARSE_ERROR);
    expectError(parseIncoming(""), ErrorCode.INVALID_REQUEST, JsonRpcCode.PARSE_ERROR);
  });

  it("answers JSON that is no JSON-RPC object", () => {
    for (const garbage of ["42", '"hello"', "null", "true"]) {
      expectError(parseIncoming(garbage), ErrorCode.INVALID_REQUEST, JsonRpcCode.INVALID_REQUEST);
    }
  });

  it("refuses batches", () => {
    const message = expectError(
      parseIncoming(`[${request({ method: "engine.info" })}]`),
      ErrorCode.INVALID_REQUEST,
      JsonRpcCode.INVALID_REQUEST,
    );
    expect(message).toMatch(/batches are not supported/);
  });

  it("names the missing jsonrpc field and keeps the id", () => {
    const message = expectError(
      parseIncoming(JSON.stringify({ id: 7, method: "engine.info" })),
      ErrorCode.INVALID_REQUEST,
      JsonRpcCode.INVALID_REQUEST,
      7,
    );
    expect(message).toContain('jsonrpc: required (one of "2.0")');
  });

  it("refuses positional params and unknown envelope keys", () => {
    expect(
      expectError(
        parseIncoming(request({ method: "job.get", params: ["job-1"] })),
        ErrorCode.INVALID_REQUEST,
        -32600,
        1,
      ),
    ).toContain("params: expected object, got array");
    expect(
      expectError(parseIncoming(request({ method: "engine.info", extra: 1 })), ErrorCode.INVALID_REQUEST, -32600, 1),
    ).toContain('unknown key "extra"');
  });

  it("answers an unknown method with METHOD_NOT_FOUND", () => {
    const message = expectError(
      parseIncoming(request({ method: "clip.delete" })),
      ErrorCode.METHOD_NOT_FOUND,
      -32601,
      1,
    );
    expect(message).toContain("clip.delete");
    // Inherited object keys are not methods.
    expectError(parseIncoming(request({ method: "toString" })), ErrorCode.METHOD_NOT_FOUND, -32601, 1);
  });

  it("names the field path and what was expected for bad params", () => {
    const bad = (params: object) =>
      expectError(
        parseIncoming(request({ method: "clip.analyze", params })),
        ErrorCode.INVALID_PARAMS,
        JsonRpcCode.INVALID_PARAMS,
        1,
      );
    expect(bad({ path: 42 })).toBe("Invalid parameters for clip.analyze: params.path: expected string, got number");
    expect(bad({})).toContain("params.path: required (string)");
    expect(bad({ path: "/a", options: { language: "fr" } })).toContain(
      'params.options.language: expected one of "de", "en", got "fr"',
    );
    expect(bad({ path: "/a", range: { startFrame: 1.5, endFrame: 3 } })).toContain(
      "params.range.startFrame: expected integer, got number (not an integer)",
    );
    expect(bad({ path: "/a", range: { startFrame: 5, endFrame: 3 } })).toContain(
      "params.range.endFrame: must be greater than startFrame",
    );
    expect(bad({ path: "x".repeat(5000) })).toContain("params.path: expected at most 4096 characters");
    expect(bad({ path: "/a", force: true })).toContain('params: unknown key "force"');
  });

  it("explains the closest form of a union", () => {
    const message = expectError(
      parseIncoming(request({ method: "tags.review", params: { tagId: "7", action: "accept" } })),
      ErrorCode.INVALID_PARAMS,
      -32602,
      1,
    );
    expect(message).toContain("params.tagId: expected number, got string");
  });

  it("returns client notifications and drops unknown or malformed ones without a reply", () => {
    expect(parseIncoming(JSON.stringify({ jsonrpc: "2.0", method: "$/cancelRequest", params: { id: 3 } }))).toEqual({
      kind: "notification",
      method: "$/cancelRequest",
      params: { id: 3 },
    });
    const unknown = parseIncoming(JSON.stringify({ jsonrpc: "2.0", method: "job.progress", params: {} }));
    expect(unknown.kind).toBe("dropped");
    const malformed = parseIncoming(JSON.stringify({ jsonrpc: "2.0", method: "$/cancelRequest", params: { id: [] } }));
    expect(malformed).toMatchObject({ kind: "dropped", reason: expect.stringContaining("params.id") });
  });

  it("refuses messages over the size limit before parsing them", () => {
    const message = expectError(
      parseIncoming(request({ method: "engine.info" }), { maxChars: 10 }),
      ErrorCode.MESSAGE_TOO_LARGE,
      JsonRpcCode.MESSAGE_TOO_LARGE,
    );
    expect(message).toContain("at most 10");
  });

  it("answers a stray response (no method) as an invalid request", () => {
    expectError(
      parseIncoming(JSON.stringify({ jsonrpc: "2.0", id: 5, result: 1 })),
      ErrorCode.INVALID_REQUEST,
      -32600,
      5,
    );
  });
});
