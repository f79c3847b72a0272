import { describe, expect, it } from "vitest";
import { engineFileUrl } from "./engineFileUrl.ts";

const address = { ws: "ws://127.0.0.1:7431", http: "http://127.0.0.1:7431" };

describe("engineFileUrl", () => {
  it("puts the token into the query, encoded, after one the path may have", () => {
    expect(engineFileUrl(address, "a+b/c", "/thumbnails/3/1-0000100.jpg")).toBe(
      "http://127.0.0.1:7431/thumbnails/3/1-0000100.jpg?token=a%2Bb%2Fc",
    );
    expect(engineFileUrl(address, "t", "/media/12?x=1")).toBe("http://127.0.0.1:7431/media/12?x=1&token=t");
  });

  it("refuses anything that is not a path on the engine, so a token never goes to another host", () => {
    expect(() => engineFileUrl(address, "t", "http://example.org/a.jpg")).toThrow(RangeError);
    expect(() => engineFileUrl(address, "t", "//example.org/a.jpg")).toThrow(RangeError);
  });
});
