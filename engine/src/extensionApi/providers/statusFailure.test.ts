import { describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/errors";
import { redact, statusFailure } from "./statusFailure.ts";

const response = (status: number, body: string) => ({ status, headers: {}, body });
const openAiError = (message: string) =>
  JSON.stringify({ error: { message, type: "invalid_request_error", param: null, code: null } });

describe("statusFailure", () => {
  it("maps request errors to REJECTED, 429 to RATE_LIMITED and the rest to UNAVAILABLE", () => {
    for (const status of [400, 401, 403, 404, 413, 422])
      expect(statusFailure("p.x", response(status, "{}"), []).code).toBe(ErrorCode.PROVIDER_REJECTED);
    expect(statusFailure("p.x", response(429, "{}"), []).code).toBe(ErrorCode.PROVIDER_RATE_LIMITED);
    for (const status of [408, 500, 502, 503, 302, 101])
      expect(statusFailure("p.x", response(status, "{}"), []).code).toBe(ErrorCode.PROVIDER_UNAVAILABLE);
  });

  it("gives the status and the service's message, without the key or anything key-shaped", () => {
    const key = "sk-proj-abcdef0123456789";
    const error = statusFailure(
      "p.x",
      response(401, openAiError(`Incorrect API key provided: sk-proj-****6789. Also ${key}.`)),
      [key],
    );
    expect(error.params).toEqual({
      provider: "p.x",
      detail: "HTTP 401: Incorrect API key provided: [key]. Also [key].",
    });
    expect(error.message).not.toMatch(/6789/);
  });

  it("flattens and truncates a non-JSON body", () => {
    const error = statusFailure("p.x", response(502, `<html>\n<body>${"x".repeat(1000)}</body></html>`), []);
    expect(String(error.params.detail)).toMatch(/^HTTP 502: <html> <body>x+$/);
    expect(String(error.params.detail).length).toBeLessThanOrEqual("HTTP 502: ".length + 300);
    expect(statusFailure("p.x", response(500, ""), []).params.detail).toBe("HTTP 500: (no message)");
  });

  it("redacts Google-style keys too", () => {
    expect(redact("key=AIzaSyA1234567890abcdef here", [])).toBe("key=[key] here");
  });
});
