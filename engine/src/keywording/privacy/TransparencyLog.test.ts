import fs from "node:fs";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { SqliteCatalog } from "../../catalog/SqliteCatalog.ts";
import { SichterError } from "../../core/SichterError.ts";
import { TransparencyLog } from "./TransparencyLog.ts";
import type { TransparencyRecord } from "./TransparencyRecord.ts";

const root = makeTempDir("sichter-transparency-log-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
let catalog: SqliteCatalog;
let log: TransparencyLog;

beforeEach(() => {
  catalog = SqliteCatalog.open(path.join(root, `c${++n}`, "catalog.sqlite"));
  log = new TransparencyLog(catalog.database);
});
afterEach(() => catalog.dispose());

const JOB = "0b9c6f0e-5d1a-4c3e-9a55-2f7d3c1b8e42";

const record = (over: Partial<TransparencyRecord> = {}): TransparencyRecord => ({
  at: "2026-11-05T10:23:45.678Z",
  provider: "sichter.openai-vision",
  endpoint: "https://api.openai.com",
  images: 2,
  keyframes: 8,
  imageSizes: [
    { width: 768, height: 432, bytes: 61_234 },
    { width: 768, height: 576, bytes: 70_001 },
  ],
  bytesSent: 175_000,
  attempts: 1,
  status: 200,
  error: null,
  ...over,
});

function refusal(fn: () => unknown): SichterError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SichterError);
    return error as SichterError;
  }
  throw new Error("expected the transparency log to refuse");
}

const rowCount = () => catalog.database.prepare("SELECT count(*) FROM privacy_records").pluck().get();

describe("privacy_records table", () => {
  it("has exactly these columns: counts, sizes, times, provider and endpoint, nothing that names a file", () => {
    const columns = catalog.database
      .prepare(`SELECT name, type, "notnull" AS required FROM pragma_table_info('privacy_records') ORDER BY cid`)
      .all();
    expect(columns).toEqual([
      { name: "id", type: "INTEGER", required: 0 },
      { name: "job_id", type: "TEXT", required: 1 },
      { name: "at", type: "TEXT", required: 1 },
      { name: "provider", type: "TEXT", required: 1 },
      { name: "endpoint", type: "TEXT", required: 1 },
      { name: "images", type: "INTEGER", required: 1 },
      { name: "keyframes", type: "INTEGER", required: 1 },
      { name: "image_sizes", type: "TEXT", required: 1 },
      { name: "bytes_sent", type: "INTEGER", required: 1 },
      { name: "attempts", type: "INTEGER", required: 1 },
      { name: "status", type: "INTEGER", required: 0 },
      { name: "error", type: "TEXT", required: 0 },
    ]);
  });

  it("is indexed on job_id", () => {
    const indexes = catalog.database.prepare("SELECT name FROM pragma_index_list('privacy_records')").pluck().all();
    expect(indexes).toContain("privacy_records_job");
    expect(catalog.database.prepare("SELECT name FROM pragma_index_info('privacy_records_job')").pluck().all()).toEqual(
      ["job_id"],
    );
  });
});

describe("TransparencyLog.record and forJob", () => {
  it("round trip: what was recorded comes back as it was, image sizes included", () => {
    const ok = record();
    const failed = record({
      at: "2026-11-05T10:24:00.000Z",
      images: 1,
      keyframes: 4,
      imageSizes: [{ width: 640, height: 360, bytes: 40_000 }],
      bytesSent: 0,
      attempts: 3,
      status: 503,
      error: "SICHTER_E_PROVIDER_UNAVAILABLE",
    });
    const noAnswer = record({
      at: "2026-11-05T10:25:00.000Z",
      provider: "sichter.google-vision",
      endpoint: "https://vision.googleapis.com",
      status: null,
      error: "SICHTER_E_CANCELLED",
    });
    for (const r of [ok, failed, noAnswer]) log.record(JOB, r);
    expect(log.forJob(JOB)).toEqual([ok, failed, noAnswer]);
  });

  it("keeps jobs apart, and a job that sent nothing (or is unknown) has no records", () => {
    log.record(JOB, record());
    log.record("other-job", record({ provider: "acme.vision" }));
    expect(log.forJob(JOB).map((r) => r.provider)).toEqual(["sichter.openai-vision"]);
    expect(log.forJob("other-job").map((r) => r.provider)).toEqual(["acme.vision"]);
    expect(log.forJob("never-ran")).toEqual([]);
  });

  it("orders by send time (records arrive when requests end, not when they start); one spelling of the time", () => {
    log.record(JOB, record({ at: "2026-11-05T10:23:46Z" }));
    log.record(JOB, record({ at: "2026-11-05T10:23:45.900Z" }));
    log.record(JOB, record({ at: "2026-11-05T10:23:46.000Z", provider: "acme.vision" }));
    expect(log.forJob(JOB).map((r) => [r.at, r.provider])).toEqual([
      ["2026-11-05T10:23:45.900Z", "sichter.openai-vision"],
      ["2026-11-05T10:23:46.000Z", "sichter.openai-vision"],
      ["2026-11-05T10:23:46.000Z", "acme.vision"],
    ]);
  });

  it.each([
    ["file", "/media/Interview Müller.mov"],
    ["path", "/Volumes/Footage"],
    ["body", '{"messages":[]}'],
    ["url", "https://api.openai.com/v1/chat/completions?key=x"],
  ])("refuses an extra field %s and stores nothing", (field, value) => {
    const e = refusal(() => log.record(JOB, { ...record(), [field]: value } as TransparencyRecord));
    expect(e.code).toBe(ErrorCode.INTERNAL);
    expect(e.message).toContain(`not allowed in the transparency record: ${field}`);
    expect(rowCount()).toBe(0);
  });

  it("refuses an extra field inside an image size", () => {
    const sizes = [
      { width: 768, height: 432, bytes: 1, name: "A001.jpg" },
      { width: 768, height: 432, bytes: 1 },
    ];
    const e = refusal(() => log.record(JOB, record({ imageSizes: sizes })));
    expect(e.message).toContain("not allowed in the transparency record: name");
    expect(rowCount()).toBe(0);
  });

  it.each([
    ["an endpoint with a path", { endpoint: "https://api.example.com/media/A001.mov" }, "endpoint"],
    ["an endpoint with a query", { endpoint: "https://api.example.com?file=A001.mov" }, "endpoint"],
    ["an endpoint with credentials", { endpoint: "https://user:key@api.example.com" }, "endpoint"],
    ["a provider that is not a contribution id", { provider: "/Volumes/Footage/provider" }, "provider"],
    ["an error that is a message, not a code", { error: "cannot read /media/A001.mov" }, "error"],
    ["a negative count", { bytesSent: -1 }, "bytesSent"],
    ["a time that is not ISO", { at: "yesterday" }, "at"],
    ["a status that is not HTTP", { status: 42 }, "status"],
    ["fewer sizes than images", { images: 3 }, "imageSizes"],
  ])("refuses %s, naming the field", (_what, over, field) => {
    const e = refusal(() => log.record(JOB, record(over as Partial<TransparencyRecord>)));
    expect(e.message).toMatch(new RegExp(`transparency record refused: ${field}: `));
    expect(rowCount()).toBe(0);
  });

  it.each([[""], ["../A001.mov"], ["Interview Müller.mov"], ["a/b"], ["x".repeat(129)]])(
    "refuses the job id %j",
    (jobId) => {
      const e = refusal(() => log.record(jobId, record()));
      expect(e.message).toContain("the job id must be");
      expect(rowCount()).toBe(0);
    },
  );

  it("a log on a closed catalog reports the catalog error", () => {
    catalog.dispose();
    expect(refusal(() => log.forJob(JOB)).code).toBe(ErrorCode.CATALOG_UNAVAILABLE);
  });
});

describe("TransparencyLog.summary", () => {
  it("per provider: requests, attempts, images and keyframes that left, bytes, largest image, first/last time, failures", () => {
    log.record(JOB, record({ at: "2026-11-05T10:23:45.000Z" }));
    log.record(
      JOB,
      record({
        at: "2026-11-05T10:30:00.000Z",
        images: 1,
        keyframes: 1,
        imageSizes: [{ width: 1024, height: 576, bytes: 90_000 }],
        bytesSent: 95_000,
        attempts: 2,
      }),
    );
    // Refused by the circuit breaker before a byte left: counted as a failed request, its image not as sent.
    log.record(
      JOB,
      record({
        at: "2026-11-05T10:31:00.000Z",
        images: 1,
        keyframes: 4,
        imageSizes: [{ width: 2000, height: 2000, bytes: 1 }],
        bytesSent: 0,
        attempts: 0,
        status: null,
        error: "SICHTER_E_PROVIDER_UNAVAILABLE",
      }),
    );
    log.record(
      JOB,
      record({
        at: "2026-11-05T10:20:00.000Z",
        provider: "acme.vision",
        endpoint: "http://127.0.0.1:8080",
        images: 0,
        keyframes: 0,
        imageSizes: [],
        bytesSent: 300,
      }),
    );
    log.record("other-job", record({ bytesSent: 1_000_000 }));

    const s = log.summary(JOB);
    expect(s.jobId).toBe(JOB);
    expect(s.providers).toEqual([
      {
        provider: "acme.vision",
        requests: 1,
        attempts: 1,
        images: 0,
        keyframes: 0,
        bytesSent: 300,
        largestImage: null,
        firstAt: "2026-11-05T10:20:00.000Z",
        lastAt: "2026-11-05T10:20:00.000Z",
        failures: 0,
      },
      {
        provider: "sichter.openai-vision",
        requests: 3,
        attempts: 3,
        images: 3,
        keyframes: 9,
        bytesSent: 270_000,
        largestImage: { width: 1024, height: 576 },
        firstAt: "2026-11-05T10:23:45.000Z",
        lastAt: "2026-11-05T10:31:00.000Z",
        failures: 1,
      },
    ]);
  });

  it("a job that sent nothing has no providers", () => {
    expect(log.summary(JOB)).toEqual({ jobId: JOB, providers: [] });
  });
});
