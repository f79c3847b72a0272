import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff.ts";
import { connectionUrl } from "./connectionUrl.ts";

describe("backoffDelay", () => {
  it("doubles from 250 ms up to 10 s, with at most half of it random", () => {
    const low = (attempt: number) => backoffDelay(attempt, {}, () => 0);
    const high = (attempt: number) => backoffDelay(attempt, {}, () => 1);
    expect([0, 1, 2, 3].map(high)).toEqual([250, 500, 1000, 2000]);
    expect([0, 1, 2, 3].map(low)).toEqual([125, 250, 500, 1000]);
    expect(high(20)).toBe(10_000);
    expect(high(5000)).toBe(10_000);
    expect(low(20)).toBe(5_000);
  });

  it("honours its options", () => {
    expect(backoffDelay(3, { initialDelayMs: 10, maxDelayMs: 50 }, () => 1)).toBe(50);
  });
});

describe("connectionUrl", () => {
  it("adds the token as an encoded query parameter", () => {
    expect(connectionUrl("ws://127.0.0.1:4711", "a b&c")).toBe("ws://127.0.0.1:4711?token=a%20b%26c");
    expect(connectionUrl("ws://127.0.0.1:4711/rpc?v=1#x", "t")).toBe("ws://127.0.0.1:4711/rpc?v=1&token=t");
  });
});
