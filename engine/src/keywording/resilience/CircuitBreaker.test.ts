import { ErrorCode } from "@sichter/shared/errors";
import { describe, expect, it } from "vitest";
import { SichterError } from "../../core/SichterError.ts";
import { CircuitBreaker, CircuitBreakers } from "./CircuitBreaker.ts";

const T0 = Date.parse("2026-11-05T10:00:00Z");

function setup(options: { failureThreshold?: number; cooldownMs?: number } = {}) {
  let now = T0;
  const breaker = new CircuitBreaker("sichter.test-vision", { ...options, now: () => now });
  let calls = 0;
  const down = new SichterError(ErrorCode.PROVIDER_UNAVAILABLE, {
    provider: "sichter.test-vision",
    detail: "HTTP 503",
  });
  const fail = () =>
    breaker.run(async () => {
      calls++;
      throw down;
    });
  const succeed = () =>
    breaker.run(async () => {
      calls++;
      return "ok";
    });
  return { breaker, fail, succeed, calls: () => calls, advance: (ms: number) => (now += ms), down };
}

async function circuitOpen(promise: Promise<unknown>): Promise<SichterError> {
  const e = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(SichterError);
  expect((e as SichterError).code).toBe(ErrorCode.PROVIDER_CIRCUIT_OPEN);
  return e as SichterError;
}

describe("CircuitBreaker", () => {
  it("opens after 5 consecutive outages and then rejects without calling", async () => {
    const b = setup();
    for (let i = 0; i < 4; i++) await expect(b.fail()).rejects.toBe(b.down);
    expect(b.breaker.state).toBe("closed");
    await expect(b.fail()).rejects.toBe(b.down);
    expect(b.breaker.state).toBe("open");

    const e = await circuitOpen(b.succeed());
    expect(e.params).toEqual({ provider: "sichter.test-vision", until: "2026-11-05T10:01:00.000Z" });
    expect(b.calls()).toBe(5);
  });

  it("a success in between resets the count", async () => {
    const b = setup({ failureThreshold: 3 });
    await expect(b.fail()).rejects.toBe(b.down);
    await expect(b.fail()).rejects.toBe(b.down);
    await b.succeed();
    await expect(b.fail()).rejects.toBe(b.down);
    await expect(b.fail()).rejects.toBe(b.down);
    expect(b.breaker.state).toBe("closed");
  });

  it("errors that do not mean 'down' neither count nor reset", async () => {
    const b = setup({ failureThreshold: 2 });
    const rejected = new SichterError(ErrorCode.PROVIDER_REJECTED, {
      provider: "sichter.test-vision",
      detail: "HTTP 400",
    });
    await expect(b.fail()).rejects.toBe(b.down);
    for (let i = 0; i < 10; i++) {
      await expect(
        b.breaker.run(async () => {
          throw rejected;
        }),
      ).rejects.toBe(rejected);
    }
    expect(b.breaker.state).toBe("closed");
    await expect(b.fail()).rejects.toBe(b.down);
    expect(b.breaker.state).toBe("open");
  });

  it("the caller's predicate decides what counts", async () => {
    const breaker = new CircuitBreaker("sichter.test-vision", { failureThreshold: 1, isOutage: (e) => e === "boom" });
    await expect(breaker.run(async () => Promise.reject(new Error("not an outage")))).rejects.toThrow();
    expect(breaker.state).toBe("closed");
    await expect(breaker.run(async () => Promise.reject("boom"))).rejects.toBe("boom");
    expect(breaker.state).toBe("open");
  });

  it("after the cooldown lets one trial through; success closes", async () => {
    const b = setup();
    for (let i = 0; i < 5; i++) await expect(b.fail()).rejects.toBe(b.down);
    b.advance(59_999);
    await circuitOpen(b.succeed());
    b.advance(1);
    expect(b.breaker.state).toBe("half-open");

    let finishTrial!: (v: string) => void;
    const trial = b.breaker.run(() => new Promise<string>((resolve) => (finishTrial = resolve)));
    // Only one trial at a time: a second caller is still turned away.
    const other = await circuitOpen(b.succeed());
    expect(other.params.until).toBe("2026-11-05T10:02:00.000Z");
    finishTrial("ok");
    await expect(trial).resolves.toBe("ok");

    expect(b.breaker.state).toBe("closed");
    await expect(b.succeed()).resolves.toBe("ok");
    // Closed again means the full threshold again, not one failure.
    for (let i = 0; i < 4; i++) await expect(b.fail()).rejects.toBe(b.down);
    expect(b.breaker.state).toBe("closed");
  });

  it("a failed trial reopens for another cooldown", async () => {
    const b = setup({ cooldownMs: 10_000 });
    for (let i = 0; i < 5; i++) await expect(b.fail()).rejects.toBe(b.down);
    b.advance(10_000);
    await expect(b.fail()).rejects.toBe(b.down);
    expect(b.breaker.state).toBe("open");
    const e = await circuitOpen(b.succeed());
    expect(e.params.until).toBe("2026-11-05T10:00:20.000Z");
    b.advance(10_000);
    await expect(b.succeed()).resolves.toBe("ok");
    expect(b.breaker.state).toBe("closed");
  });

  it("a trial ended by a neutral error frees the trial slot", async () => {
    const b = setup({ failureThreshold: 1 });
    await expect(b.fail()).rejects.toBe(b.down);
    b.advance(60_000);
    const cancelled = new SichterError(ErrorCode.CANCELLED);
    await expect(b.breaker.run(() => Promise.reject(cancelled))).rejects.toBe(cancelled);
    expect(b.breaker.state).toBe("half-open");
    await expect(b.succeed()).resolves.toBe("ok");
    expect(b.breaker.state).toBe("closed");
  });
});

describe("CircuitBreakers", () => {
  it("keeps one breaker per provider", async () => {
    const breakers = new CircuitBreakers({ failureThreshold: 1 });
    expect(breakers.for("a.one")).toBe(breakers.for("a.one"));
    const down = new SichterError(ErrorCode.PROVIDER_UNAVAILABLE, { provider: "a.one", detail: "x" });
    await expect(breakers.for("a.one").run(() => Promise.reject(down))).rejects.toBe(down);
    expect(breakers.for("a.one").state).toBe("open");
    expect(breakers.for("b.two").state).toBe("closed");
  });
});
