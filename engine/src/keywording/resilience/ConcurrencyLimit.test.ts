import { ErrorCode } from "@sichter/shared/errors";
import { describe, expect, it } from "vitest";
import { CancellationToken, CancellationTokenSource } from "../../core/Cancellation.ts";
import { SichterError } from "../../core/SichterError.ts";
import { ConcurrencyLimit } from "./ConcurrencyLimit.ts";

/** A promise plus its resolver, so a test decides when each call ends. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("ConcurrencyLimit", () => {
  it("defaults to 2 and refuses nonsense", () => {
    expect(new ConcurrencyLimit().max).toBe(2);
    expect(() => new ConcurrencyLimit(0)).toThrow(RangeError);
    expect(() => new ConcurrencyLimit(1.5)).toThrow(RangeError);
  });

  it("never runs more than max of 20 concurrent calls, and runs them all", async () => {
    const limit = new ConcurrencyLimit(3);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const calls = Array.from({ length: 20 }, (_, i) =>
      limit.run(async () => {
        active++;
        peak = Math.max(peak, active);
        order.push(i);
        // Uneven durations, so calls finish out of order.
        for (let t = 0; t < (i % 4) + 1; t++) await tick();
        active--;
        return i;
      }, CancellationToken.None),
    );
    expect(limit.active).toBe(3);
    expect(limit.waiting).toBe(17);
    await expect(Promise.all(calls)).resolves.toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(peak).toBe(3);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i)); // first come, first served
    expect(limit.active).toBe(0);
    expect(limit.waiting).toBe(0);
  });

  it("a cancelled waiter leaves the queue at once and never runs", async () => {
    const limit = new ConcurrencyLimit(1);
    const first = gate();
    const ran: string[] = [];
    const a = limit.run(async () => {
      ran.push("a");
      await first.promise;
    }, CancellationToken.None);
    const cts = new CancellationTokenSource();
    const b = limit.run(async () => void ran.push("b"), cts.token);
    const c = limit.run(async () => void ran.push("c"), CancellationToken.None);
    expect(limit.waiting).toBe(2);

    cts.cancel();
    const e = await b.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(e).toBeInstanceOf(SichterError);
    expect((e as SichterError).code).toBe(ErrorCode.CANCELLED);
    expect(limit.waiting).toBe(1); // gone while "a" still holds the slot

    first.open();
    await Promise.all([a, c]);
    expect(ran).toEqual(["a", "c"]);
    expect(limit.active).toBe(0);
  });

  it("an already cancelled token never runs, even with a free slot", async () => {
    const limit = new ConcurrencyLimit();
    const cts = new CancellationTokenSource();
    cts.cancel();
    let ran = false;
    await expect(limit.run(async () => void (ran = true), cts.token)).rejects.toMatchObject({
      code: ErrorCode.CANCELLED,
    });
    expect(ran).toBe(false);
    expect(limit.active).toBe(0);
  });

  it("a failing call frees its slot for the next", async () => {
    const limit = new ConcurrencyLimit(1);
    const failing = limit.run(async () => {
      throw new Error("boom");
    }, CancellationToken.None);
    const next = limit.run(async () => "next", CancellationToken.None);
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe("next");
    expect(limit.active).toBe(0);
  });

  it("cancelling a call that already started does not disturb the count", async () => {
    const limit = new ConcurrencyLimit(1);
    const cts = new CancellationTokenSource();
    const first = gate();
    const a = limit.run(() => first.promise, CancellationToken.None);
    const b = limit.run(async () => "b ran", cts.token);
    first.open();
    await a;
    cts.cancel(); // b has its slot already (handed over on release)
    await expect(b).resolves.toBe("b ran");
    expect(limit.active).toBe(0);
    expect(limit.waiting).toBe(0);
  });
});
