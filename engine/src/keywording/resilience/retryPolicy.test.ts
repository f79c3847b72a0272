import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_RETRY_POLICY, nextDelay, retryAfterMs, type RetryPolicy } from "./retryPolicy.ts";

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };
const now = new Date("2026-11-05T10:00:00Z");

describe("backoffDelay", () => {
  it("defaults: 4 attempts, 500 ms base, 30 s cap", () => {
    expect(DEFAULT_RETRY_POLICY).toEqual(policy);
  });

  it("doubles the cap per attempt and jitters fully below it", () => {
    // random() is in [0, 1): the largest value it can give stays just below the cap.
    const almostOne = () => 0.999999;
    expect(backoffDelay(1, policy, almostOne)).toBe(499);
    expect(backoffDelay(2, policy, almostOne)).toBe(999);
    expect(backoffDelay(3, policy, almostOne)).toBe(1999);
    expect(backoffDelay(1, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(1000);
  });

  it("never exceeds maxDelayMs, even for huge attempt numbers", () => {
    expect(backoffDelay(10, policy, () => 0.999999)).toBe(29_999);
    expect(backoffDelay(5000, policy, () => 0.999999)).toBe(29_999);
  });

  it("stays within [0, cap) for many real random draws", () => {
    for (let attempt = 1; attempt <= 8; attempt++) {
      const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      for (let i = 0; i < 500; i++) {
        const d = backoffDelay(attempt, policy);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(cap);
        expect(Number.isInteger(d)).toBe(true);
      }
    }
  });
});

describe("retryAfterMs", () => {
  it("reads delta-seconds", () => {
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs(" 3 ", now)).toBe(3000);
    expect(retryAfterMs("0", now)).toBe(0);
  });

  it("reads an IMF-fixdate relative to now", () => {
    expect(retryAfterMs("Thu, 05 Nov 2026 10:00:07 GMT", now)).toBe(7000);
  });

  it("reads the obsolete RFC 850 and asctime forms", () => {
    expect(retryAfterMs("Thursday, 05-Nov-26 10:01:00 GMT", now)).toBe(60_000);
    expect(retryAfterMs("Thu Nov  5 10:00:30 2026", now)).toBe(30_000);
  });

  it("a date in the past means no wait", () => {
    expect(retryAfterMs("Wed, 04 Nov 2026 10:00:00 GMT", now)).toBe(0);
  });

  it.each([
    ["soon"],
    ["-5"],
    ["1.5"],
    [""],
    ["Thu, 31 Feb 2026 10:00:00 GMT"],
    ["Thu, 05 Nov 2026 10:00:07 CET"],
    ["2026-11-05T10:00:07Z"],
  ])("garbage %j is undefined", (header) => {
    expect(retryAfterMs(header, now)).toBeUndefined();
  });

  it("no header is undefined", () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe("nextDelay", () => {
  it("uses the provider's Retry-After when it is longer than the backoff", () => {
    expect(nextDelay(1, policy, 7000, () => 0.5)).toEqual({ retry: true, delayMs: 7000 });
  });

  it("uses the backoff when it is longer than Retry-After", () => {
    expect(nextDelay(3, policy, 100, () => 0.5)).toEqual({ retry: true, delayMs: 1000 });
  });

  it("a Retry-After of exactly maxDelayMs is still waited for", () => {
    expect(nextDelay(1, policy, 30_000, () => 0)).toEqual({ retry: true, delayMs: 30_000 });
  });

  it("gives up instead of waiting longer than maxDelayMs", () => {
    expect(nextDelay(1, policy, 3_600_000)).toEqual({ retry: false, retryAfterMs: 3_600_000 });
  });
});
