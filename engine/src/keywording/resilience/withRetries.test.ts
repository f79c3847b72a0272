import { ErrorCode } from "@sichter/shared/errors";
import { describe, expect, it, vi } from "vitest";
import { CancellationToken, CancellationTokenSource } from "../../core/Cancellation.ts";
import { SichterError } from "../../core/SichterError.ts";
import { cancellableSleep } from "./cancellableWait.ts";
import type { RetryPolicy } from "./retryPolicy.ts";
import { outcomeOf, withRetries, type Outcome, type RetryInfo, type WithRetriesOptions } from "./withRetries.ts";

interface Response {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };
const now = new Date("2026-11-05T10:00:00Z");

/** What the outbound layer throws (OutboundError), reduced to what the classifier looks at. */
class FakeNetworkError extends Error {
  constructor(readonly kind: "timeout" | "network" | "aborted") {
    super(`request ${kind}`);
  }
}
const isTransient = (e: unknown): boolean => e instanceof FakeNetworkError && e.kind !== "aborted";

/** Runs `responses` in order (an Error is thrown), recording sleeps instead of waiting. */
function harness(responses: Array<Response | Error>, extra: Partial<WithRetriesOptions> = {}) {
  const sleeps: number[] = [];
  const retries: RetryInfo[] = [];
  const attempts: number[] = [];
  const run = () =>
    withRetries<Response>(
      async (n) => {
        attempts.push(n);
        const next = responses[n - 1];
        if (next === undefined) throw new Error(`no response scripted for attempt ${n}`);
        if (next instanceof Error) throw next;
        return outcomeOf(next);
      },
      {
        provider: "sichter.test-vision",
        token: CancellationToken.None,
        isTransient,
        policy,
        sleep: async (ms) => void sleeps.push(ms),
        onRetry: (info) => retries.push(info),
        random: () => 0.5,
        now: () => now,
        ...extra,
      },
    );
  return { run, sleeps, retries, attempts };
}

const status = (code: number, headers: Record<string, string> = {}): Response => ({
  status: code,
  headers,
  body: `{"s":${code}}`,
});

async function rejection(promise: Promise<unknown>): Promise<SichterError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SichterError);
  return error as SichterError;
}

describe("withRetries", () => {
  it("500, 500, 200 succeeds on the third attempt after two jittered waits", async () => {
    const h = harness([status(500), status(500), status(200)]);
    await expect(h.run()).resolves.toMatchObject({ status: 200 });
    expect(h.attempts).toEqual([1, 2, 3]);
    expect(h.sleeps).toEqual([250, 500]); // half of 500 ms, half of 1000 ms
    expect(h.retries).toEqual([
      { attempt: 1, delayMs: 250, reason: "HTTP 500" },
      { attempt: 2, delayMs: 500, reason: "HTTP 500" },
    ]);
  });

  it("a 400 answer is handed back at once, never retried", async () => {
    const h = harness([status(400), status(200)]);
    await expect(h.run()).resolves.toMatchObject({ status: 400 });
    expect(h.attempts).toEqual([1]);
    expect(h.sleeps).toEqual([]);
  });

  it.each([[401], [403], [404], [422]])("%i is not retried either", async (code) => {
    const h = harness([status(code), status(200)]);
    await expect(h.run()).resolves.toMatchObject({ status: code });
    expect(h.attempts).toEqual([1]);
  });

  it("four 429s end in PROVIDER_RATE_LIMITED naming attempts and last status", async () => {
    const h = harness([status(429), status(429), status(429), status(429)]);
    const e = await rejection(h.run());
    expect(e.code).toBe(ErrorCode.PROVIDER_RATE_LIMITED);
    expect(e.params).toEqual({ provider: "sichter.test-vision", detail: "gave up after 4 attempts; last: HTTP 429" });
    expect(h.attempts).toEqual([1, 2, 3, 4]);
    expect(h.sleeps).toHaveLength(3);
  });

  it("5xx to the end is PROVIDER_UNAVAILABLE; the last failure decides the code", async () => {
    const h = harness([status(429), status(502), status(504), status(503)]);
    const e = await rejection(h.run());
    expect(e.code).toBe(ErrorCode.PROVIDER_UNAVAILABLE);
    expect(e.params.detail).toBe("gave up after 4 attempts; last: HTTP 503");
  });

  it("honours Retry-After in seconds (case-insensitive header)", async () => {
    const h = harness([status(429, { "Retry-After": "7" }), status(200)]);
    await expect(h.run()).resolves.toMatchObject({ status: 200 });
    expect(h.sleeps).toEqual([7000]);
  });

  it("honours Retry-After as an HTTP-date", async () => {
    const h = harness([status(503, { "retry-after": "Thu, 05 Nov 2026 10:00:12 GMT" }), status(200)]);
    await expect(h.run()).resolves.toMatchObject({ status: 200 });
    expect(h.sleeps).toEqual([12_000]);
  });

  it("ignores a garbage Retry-After and backs off normally", async () => {
    const h = harness([status(503, { "retry-after": "later, please" }), status(200)]);
    await h.run();
    expect(h.sleeps).toEqual([250]);
  });

  it("a Retry-After beyond maxDelayMs gives up at once with the rate-limit error", async () => {
    const h = harness([status(429, { "retry-after": "3600" }), status(200)]);
    const e = await rejection(h.run());
    expect(e.code).toBe(ErrorCode.PROVIDER_RATE_LIMITED);
    expect(e.params.detail).toBe(
      "gave up after 1 attempt; last: HTTP 429, and the provider asks to wait 3600 s (Retry-After), longer than the 30 s Sichter waits",
    );
    expect(h.attempts).toEqual([1]);
    expect(h.sleeps).toEqual([]);
  });

  it("retries network errors and timeouts the classifier accepts", async () => {
    const h = harness([new FakeNetworkError("network"), new FakeNetworkError("timeout"), status(200)]);
    await expect(h.run()).resolves.toMatchObject({ status: 200 });
    expect(h.retries.map((r) => r.reason)).toEqual(["network (request network)", "timeout (request timeout)"]);
  });

  it("timeouts to the end are PROVIDER_UNAVAILABLE with the reason", async () => {
    const h = harness(Array.from({ length: 4 }, () => new FakeNetworkError("timeout")));
    const e = await rejection(h.run());
    expect(e.code).toBe(ErrorCode.PROVIDER_UNAVAILABLE);
    expect(e.params.detail).toBe("gave up after 4 attempts; last: timeout (request timeout)");
  });

  it("does not retry errors the classifier refuses, nor SichterErrors", async () => {
    const aborted = new FakeNetworkError("aborted");
    const h1 = harness([aborted, status(200)]);
    await expect(h1.run()).rejects.toBe(aborted);
    expect(h1.attempts).toEqual([1]);

    const refused = new SichterError(ErrorCode.PRIVACY_INSECURE_ENDPOINT, { url: "http://example.invalid" });
    const h2 = harness([refused, status(200)]);
    await expect(h2.run()).rejects.toBe(refused);
    expect(h2.attempts).toEqual([1]);

    const bug = new TypeError("x is undefined");
    const h3 = harness([bug, status(200)]);
    await expect(h3.run()).rejects.toBe(bug);
  });

  it("a policy of one attempt never retries", async () => {
    const h = harness([status(503), status(200)], { policy: { ...policy, maxAttempts: 1 } });
    const e = await rejection(h.run());
    expect(e.params.detail).toBe("gave up after 1 attempt; last: HTTP 503");
  });

  it("does not start at all when already cancelled", async () => {
    const cts = new CancellationTokenSource();
    cts.cancel();
    const h = harness([status(200)], { token: cts.token });
    const e = await rejection(h.run());
    expect(e.code).toBe(ErrorCode.CANCELLED);
    expect(h.attempts).toEqual([]);
  });

  it("cancellation interrupts a wait at once, even a sleep that ignores the token", async () => {
    const cts = new CancellationTokenSource();
    let sleeping!: () => void;
    const asleep = new Promise<void>((resolve) => (sleeping = resolve));
    const h = harness([status(503), status(200)], {
      token: cts.token,
      sleep: () => {
        sleeping();
        return new Promise<void>(() => {}); // an hour-long wait that never looks at the token
      },
    });
    const result = h.run();
    await asleep;
    cts.cancel();
    const e = await rejection(result);
    expect(e.code).toBe(ErrorCode.CANCELLED);
    expect(h.attempts).toEqual([1]);
  }, 2000); // a regression here hangs on the never-ending sleep: fail fast instead

  it("an error thrown after cancellation is reported as cancellation, not as a provider failure", async () => {
    const cts = new CancellationTokenSource();
    const e = await rejection(
      withRetries<Response>(
        async () => {
          cts.cancel();
          throw new FakeNetworkError("aborted");
        },
        { provider: "sichter.test-vision", token: cts.token, isTransient },
      ),
    );
    expect(e.code).toBe(ErrorCode.CANCELLED);
  });

  it("a failure with a non-retryable status is a bug report, not a loop", async () => {
    const e = await rejection(
      withRetries<Response>(async () => ({ ok: false, status: 400 }) as unknown as Outcome<Response>, {
        provider: "sichter.test-vision",
        token: CancellationToken.None,
        isTransient,
      }),
    );
    expect(e.code).toBe(ErrorCode.INTERNAL);
  });
});

describe("cancellableSleep", () => {
  it("waits the given time", async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const p = cancellableSleep(10_000, CancellationToken.None).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(9_999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await p;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("ends at once with CANCELLED and leaves no timer behind", async () => {
    vi.useFakeTimers();
    try {
      const cts = new CancellationTokenSource();
      const p = cancellableSleep(60_000, cts.token);
      expect(vi.getTimerCount()).toBe(1);
      cts.cancel();
      const e = await rejection(p);
      expect(e.code).toBe(ErrorCode.CANCELLED);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
