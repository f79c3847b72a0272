import { describe, expect, it } from "vitest";
import { redactUrl } from "./redactUrl.ts";

describe("redactUrl", () => {
  it("drops the query, the fragment and credentials, keeps the rest", () => {
    expect(redactUrl("https://bob:pw@api.example.com:8443/v1/models?key=k#x")).toBe(
      "https://api.example.com:8443/v1/models",
    );
    expect(redactUrl(new URL("http://127.0.0.1:9/a/b?c=d"))).toBe("http://127.0.0.1:9/a/b");
  });

  it("cuts unparseable text at the query and removes what looks like credentials", () => {
    expect(redactUrl("api.example.com/v1?key=k")).toBe("api.example.com/v1");
    expect(redactUrl("//bob:pw@host/x#frag")).toBe("//host/x");
  });
});
