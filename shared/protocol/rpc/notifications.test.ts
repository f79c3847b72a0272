import { describe, expect, it } from "vitest";
import { jobFixture } from "../test/wireFixtures.ts";
import { clientNotifications, serverNotifications } from "./registry.ts";

describe("notification schemas", () => {
  it("accept what the engine sends and ignore fields a newer engine adds", () => {
    expect(serverNotifications["job.progress"].parse({ jobId: "j", stage: "ocr", fraction: 0.5, eta: 3 })).toEqual({
      jobId: "j",
      stage: "ocr",
      fraction: 0.5,
    });
    expect(serverNotifications["job.done"].safeParse({ jobId: "j", job: jobFixture }).success).toBe(true);
    const error = { code: "SICHTER_E_PROBE_CORRUPT", message: "broken" };
    expect(serverNotifications["job.failed"].safeParse({ jobId: "j", job: jobFixture, error }).success).toBe(true);
    const progress = { token: "t", value: { kind: "begin", title: "Analysing", percentage: 0 } };
    expect(serverNotifications["$/progress"].safeParse(progress).success).toBe(true);
  });

  it("reject values out of range", () => {
    expect(serverNotifications["job.progress"].safeParse({ jobId: "j", stage: "ocr", fraction: -0.1 }).success).toBe(
      false,
    );
    expect(
      serverNotifications["$/progress"].safeParse({ token: "t", value: { kind: "report", percentage: 101 } }).success,
    ).toBe(false);
    expect(serverNotifications["$/progress"].safeParse({ token: null, value: { kind: "end" } }).success).toBe(false);
  });

  it("$/cancelRequest is strict", () => {
    expect(clientNotifications["$/cancelRequest"].safeParse({ id: 4 }).success).toBe(true);
    expect(clientNotifications["$/cancelRequest"].safeParse({ id: 4, reason: "x" }).success).toBe(false);
    expect(clientNotifications["$/cancelRequest"].safeParse({}).success).toBe(false);
  });
});
