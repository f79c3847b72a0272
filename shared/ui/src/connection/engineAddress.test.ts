import { describe, expect, it } from "vitest";
import { engineAddressFromOrigin } from "./engineAddress.ts";

describe("engineAddressFromOrigin", () => {
  it("speaks WebSocket to the origin that served the page", () => {
    expect(engineAddressFromOrigin("http://127.0.0.1:7431")).toEqual({
      ws: "ws://127.0.0.1:7431",
      http: "http://127.0.0.1:7431",
    });
    expect(engineAddressFromOrigin("http://localhost:9000")).toEqual({
      ws: "ws://localhost:9000",
      http: "http://localhost:9000",
    });
  });

  it("refuses what is not an http origin (file:// in CEP gets its address from configuration)", () => {
    expect(() => engineAddressFromOrigin("file://")).toThrow(/not an http origin/);
    expect(() => engineAddressFromOrigin("null")).toThrow(/not an http origin/);
  });
});
