import fs from "node:fs";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { SqliteCatalog } from "../../catalog/SqliteCatalog.ts";
import { SichterError } from "../../core/SichterError.ts";
import { UsageLedger } from "./UsageLedger.ts";
import type { UsageEntry } from "./UsageEntry.ts";

const root = makeTempDir("sichter-usage-ledger-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
let catalog: SqliteCatalog;
let ledger: UsageLedger;

beforeEach(() => {
  catalog = SqliteCatalog.open(path.join(root, `c${++n}`, "catalog.sqlite"));
  ledger = new UsageLedger(catalog.database);
});
afterEach(() => catalog.dispose());

const entry = (over: Partial<UsageEntry> = {}): UsageEntry => ({
  at: new Date("2026-11-05T10:23:45.678Z"),
  provider: "sichter.openai-vision",
  requests: 1,
  images: 1,
  keyframes: 4,
  bytesSent: 120_000,
  inputTokens: 900,
  outputTokens: 150,
  estimatedCost: 0.0035,
  currency: "EUR",
  footageSeconds: 30,
  ...over,
});

function refusal(fn: () => unknown): SichterError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SichterError);
    return error as SichterError;
  }
  throw new Error("expected the ledger to refuse");
}

describe("usage_ledger table", () => {
  it("has exactly the allowed columns: nothing that could identify a person, file or job", () => {
    const columns = catalog.database
      .prepare("SELECT name, type FROM pragma_table_info('usage_ledger') ORDER BY cid")
      .all();
    expect(columns).toEqual([
      { name: "id", type: "INTEGER" },
      { name: "at", type: "TEXT" },
      { name: "provider", type: "TEXT" },
      { name: "requests", type: "INTEGER" },
      { name: "images", type: "INTEGER" },
      { name: "keyframes", type: "INTEGER" },
      { name: "bytes_sent", type: "INTEGER" },
      { name: "input_tokens", type: "INTEGER" },
      { name: "output_tokens", type: "INTEGER" },
      { name: "estimated_cost", type: "REAL" },
      { name: "currency", type: "TEXT" },
      { name: "footage_seconds", type: "REAL" },
    ]);
  });

  it("is indexed on at", () => {
    const indexes = catalog.database.prepare("SELECT name FROM pragma_index_list('usage_ledger')").pluck().all();
    expect(indexes).toContain("usage_ledger_at");
    const columns = catalog.database.prepare("SELECT name FROM pragma_index_info('usage_ledger_at')").pluck().all();
    expect(columns).toEqual(["at"]);
  });
});

describe("UsageLedger.record", () => {
  it("stores a row with the time rounded down to the minute", () => {
    const id = ledger.record(entry());
    const row = catalog.database.prepare("SELECT * FROM usage_ledger WHERE id = ?").get(id);
    expect(row).toEqual({
      id,
      at: "2026-11-05T10:23:00.000Z",
      provider: "sichter.openai-vision",
      requests: 1,
      images: 1,
      keyframes: 4,
      bytes_sent: 120_000,
      input_tokens: 900,
      output_tokens: 150,
      estimated_cost: 0.0035,
      currency: "EUR",
      footage_seconds: 30,
    });
  });

  it("defaults at to now (still to the minute)", () => {
    const before = Date.now();
    const id = ledger.record(entry({ at: undefined }));
    const at = catalog.database.prepare("SELECT at FROM usage_ledger WHERE id = ?").pluck().get(id) as string;
    expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
    expect(Date.parse(at)).toBeGreaterThan(before - 61_000);
    expect(Date.parse(at)).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    ["file", "/media/Interview Müller.mov"],
    ["ip", "203.0.113.7"],
    ["jobId", "0b9c"],
    ["user", "anna"],
    ["path", "/x"],
  ])("refuses an extra field %s and stores nothing", (field, value) => {
    const e = refusal(() => ledger.record({ ...entry(), [field]: value } as UsageEntry));
    expect(e.code).toBe(ErrorCode.INTERNAL);
    expect(e.message).toContain(`not allowed in the usage ledger: ${field}`);
    expect(catalog.database.prepare("SELECT count(*) FROM usage_ledger").pluck().get()).toBe(0);
  });

  it.each([
    ["a negative count", { images: -1 }, "images"],
    ["a fractional count", { requests: 1.5 }, "requests"],
    ["a lower-case currency", { currency: "eur" }, "currency"],
    ["a provider that is not a contribution id", { provider: "/Volumes/Footage/provider" }, "provider"],
    ["fewer keyframes than pictures", { images: 3, keyframes: 2 }, "keyframes"],
    ["an invalid date", { at: new Date("nope") }, "at"],
  ])("refuses %s, naming the field", (_what, over, field) => {
    const e = refusal(() => ledger.record(entry(over as Partial<UsageEntry>)));
    expect(e.message).toMatch(new RegExp(`usage ledger entry refused: ${field}: `));
  });
});

describe("UsageLedger.summary", () => {
  beforeEach(() => {
    // openai: 3 requests over 2 + 1 minutes of footage; local: one request without footage.
    ledger.record(
      entry({
        requests: 2,
        images: 2,
        keyframes: 8,
        bytesSent: 1000,
        inputTokens: 1000,
        outputTokens: 200,
        estimatedCost: 0.1,
        footageSeconds: 120,
      }),
    );
    ledger.record(
      entry({
        at: new Date("2026-11-20T08:00:00Z"),
        requests: 1,
        images: 1,
        keyframes: 1,
        bytesSent: 500,
        inputTokens: 400,
        outputTokens: 100,
        estimatedCost: 0.2,
        footageSeconds: 60,
      }),
    );
    ledger.record(
      entry({
        at: new Date("2026-12-01T00:00:00Z"),
        provider: "acme.vision",
        requests: 4,
        images: 4,
        keyframes: 4,
        bytesSent: 4000,
        inputTokens: 0,
        outputTokens: 0,
        estimatedCost: 1.5,
        currency: "USD",
        footageSeconds: 0,
      }),
    );
  });

  it("sums per provider and overall, with per-minute-of-footage ratios", () => {
    const s = ledger.summary();
    expect(s.since).toBeNull();
    expect(s.until).toBeNull();
    expect(s.providers.map((p) => p.provider)).toEqual(["acme.vision", "sichter.openai-vision"]);
    const openai = s.providers[1]!;
    expect(openai).toEqual({
      provider: "sichter.openai-vision",
      requests: 3,
      images: 3,
      keyframes: 9,
      bytesSent: 1500,
      inputTokens: 1400,
      outputTokens: 300,
      tokens: 1700,
      estimatedCost: [{ currency: "EUR", amount: 0.3 }], // 0.1 + 0.2 without float noise
      footageMinutes: 3,
      perFootageMinute: { images: 1, tokens: 566.6667, requests: 1 },
    });
    expect(s.providers[0]!.perFootageMinute).toBeNull(); // no footage: nothing to divide by
    expect(s.total).toMatchObject({
      requests: 7,
      images: 7,
      keyframes: 13,
      bytesSent: 5500,
      tokens: 1700,
      footageMinutes: 3,
      estimatedCost: [
        { currency: "EUR", amount: 0.3 },
        { currency: "USD", amount: 1.5 },
      ],
      perFootageMinute: { images: 2.3333, tokens: 566.6667, requests: 2.3333 },
    });
  });

  it("since is inclusive, until exclusive", () => {
    const november = ledger.summary({
      since: new Date("2026-11-01T00:00:00Z"),
      until: new Date("2026-12-01T00:00:00Z"),
    });
    expect(november.since).toBe("2026-11-01T00:00:00.000Z");
    expect(november.until).toBe("2026-12-01T00:00:00.000Z");
    expect(november.providers.map((p) => p.provider)).toEqual(["sichter.openai-vision"]);
    expect(november.total.requests).toBe(3);

    const fromThe20th = ledger.summary({ since: new Date("2026-11-20T08:00:00Z") });
    expect(fromThe20th.total.requests).toBe(5);
  });

  it("an empty range is all zeros, no providers, no ratios", () => {
    const s = ledger.summary({ since: new Date("2030-01-01T00:00:00Z") });
    expect(s.providers).toEqual([]);
    expect(s.total).toEqual({
      requests: 0,
      images: 0,
      keyframes: 0,
      bytesSent: 0,
      inputTokens: 0,
      outputTokens: 0,
      tokens: 0,
      estimatedCost: [],
      footageMinutes: 0,
      perFootageMinute: null,
    });
  });

  it("a ledger opened from a closed catalog reports the catalog error", () => {
    catalog.dispose();
    const e = refusal(() => ledger.summary());
    expect(e.code).toBe(ErrorCode.CATALOG_UNAVAILABLE);
  });
});
