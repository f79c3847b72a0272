import { ErrorCode } from "@sichter/shared/errors";
import { describe, expect, it } from "vitest";
import { checkEndpoint, isLoopbackHost } from "./OutboundPolicy.ts";

function refusedWith(fn: () => unknown, code: ErrorCode, params?: Record<string, string>): void {
  expect(fn).toThrow(expect.objectContaining(params ? { code, params } : { code }));
}

describe("checkEndpoint", () => {
  it("refuses everything in local-only mode, loopback included", () => {
    for (const url of ["https://api.example.com/v1", "http://127.0.0.1:8080/", "not a url"]) {
      refusedWith(() => checkEndpoint(url, "local-only", "openai"), ErrorCode.PRIVACY_LOCAL_ONLY, {
        provider: "openai",
      });
    }
  });

  it("allows HTTPS anywhere and returns the parsed URL", () => {
    const url = checkEndpoint("https://api.example.com/v1/chat?key=abc", "cloud", "p");
    expect(url).toBeInstanceOf(URL);
    expect(url.href).toBe("https://api.example.com/v1/chat?key=abc");
    expect(checkEndpoint("https://127.0.0.1:8443/", "cloud", "p").port).toBe("8443");
  });

  it("allows plain HTTP only to this machine", () => {
    for (const url of [
      "http://127.0.0.1:11434/api",
      "http://127.1.2.3/",
      "http://localhost:8080/",
      "http://LOCALHOST/",
      "http://[::1]:8080/",
      "http://0x7f.1/",
    ]) {
      expect(checkEndpoint(url, "cloud", "p").protocol, url).toBe("http:");
    }
    for (const url of [
      "http://example.org/",
      "http://10.0.0.5/",
      "http://128.0.0.1/",
      "http://localhost.example.org/",
      "http://[::ffff:7f00:1]/",
      "http://[::2]/",
      "http://0.0.0.0/",
    ]) {
      refusedWith(() => checkEndpoint(url, "cloud", "p"), ErrorCode.PRIVACY_INSECURE_ENDPOINT);
    }
  });

  it("refuses other schemes, credentials in the URL and text that is not a URL", () => {
    for (const url of [
      "ftp://example.org/",
      "ws://127.0.0.1/",
      "file:///x",
      "https://user:secret@example.org/",
      "https://token@example.org/",
      "http://u:p@127.0.0.1/",
      "example.org/v1",
      "",
    ]) {
      refusedWith(() => checkEndpoint(url, "cloud", "p"), ErrorCode.PRIVACY_INSECURE_ENDPOINT);
    }
  });

  it("keeps query strings, fragments and credentials out of the error", () => {
    const cases: Array<[string, string]> = [
      ["http://example.org/v1?api_key=SECRET#frag", "http://example.org/v1"],
      ["https://alice:SECRET@example.org/v1?key=SECRET", "https://example.org/v1"],
      ["ftp://example.org/x?token=SECRET", "ftp://example.org/x"],
      ["nonsense//alice:SECRET@host?key=SECRET", "nonsense//host"],
    ];
    for (const [url, shown] of cases) {
      try {
        checkEndpoint(url, "cloud", "p");
        expect.unreachable(url);
      } catch (error) {
        expect(error).toMatchObject({ code: ErrorCode.PRIVACY_INSECURE_ENDPOINT, params: { url: shown } });
        expect(JSON.stringify(error)).not.toContain("SECRET");
        expect((error as Error).message).not.toContain("SECRET");
      }
    }
  });
});

describe("isLoopbackHost", () => {
  it("knows 127.0.0.0/8, ::1 and localhost, nothing else", () => {
    expect(["127.0.0.1", "127.255.255.254", "[::1]", "localhost"].every(isLoopbackHost)).toBe(true);
    expect(["127.0.0.1.example.org", "1.127.0.0.1", "::2", "localhost.", "local", ""].some(isLoopbackHost)).toBe(false);
  });
});
