import fs from "node:fs";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { SichterError } from "../../core/SichterError.ts";
import { DEFAULT_PRICE_TABLE, estimateCost, loadPriceTable, parsePriceTable, pricesPath } from "./PriceTable.ts";

const root = makeTempDir("sichter-prices-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;

function writePrices(content: string): string {
  const file = path.join(root, `p${++n}`, "prices.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

function refusal(fn: () => unknown): SichterError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SichterError);
    return error as SichterError;
  }
  throw new Error("expected the price table to be refused");
}

const counts = { requests: 2, images: 3, inputTokens: 1500, outputTokens: 500 };

describe("loadPriceTable", () => {
  it("lives in the config folder (SICHTER_HOME moves it)", () => {
    expect(pricesPath({ SICHTER_HOME: root })).toBe(path.join(root, "config", "prices.json"));
  });

  it("no file: zero cost in EUR", () => {
    const table = loadPriceTable(path.join(root, "missing", "prices.json"));
    expect(table).toBe(DEFAULT_PRICE_TABLE);
    expect(estimateCost(table, "sichter.openai-vision", counts)).toEqual({ amount: 0, currency: "EUR" });
  });

  it("reads prices; omitted prices are 0 and the currency comes from the file", () => {
    const file = writePrices(
      JSON.stringify({
        currency: "USD",
        providers: {
          "sichter.openai-vision": {
            perRequest: 0.01,
            perImage: 0.002,
            per1kInputTokens: 0.003,
            per1kOutputTokens: 0.012,
          },
          "acme.vision": { perImage: 0.05, currency: "EUR" },
        },
      }),
    );
    const table = loadPriceTable(file);
    expect(table.currency).toBe("USD");
    expect(table.providers.get("acme.vision")).toEqual({
      currency: "EUR",
      perRequest: 0,
      perImage: 0.05,
      per1kInputTokens: 0,
      per1kOutputTokens: 0,
    });
    // 2 * 0.01 + 3 * 0.002 + 1.5 * 0.003 + 0.5 * 0.012 = 0.02 + 0.006 + 0.0045 + 0.006
    expect(estimateCost(table, "sichter.openai-vision", counts)).toEqual({ amount: 0.0365, currency: "USD" });
    expect(estimateCost(table, "acme.vision", counts)).toEqual({ amount: 0.15, currency: "EUR" });
    // A provider the table does not list costs nothing, in the file's currency.
    expect(estimateCost(table, "other.vision", counts)).toEqual({ amount: 0, currency: "USD" });
  });

  it("an empty object is the defaults", () => {
    const table = loadPriceTable(writePrices("{}"));
    expect(table.currency).toBe("EUR");
    expect(table.providers.size).toBe(0);
  });

  it.each([
    [
      "a price that is not a number",
      { providers: { "sichter.openai-vision": { perImage: "0.01" } } },
      'providers["sichter.openai-vision"].perImage: Invalid input: expected number, received string',
    ],
    [
      "a negative price",
      { providers: { "acme.vision": { perRequest: -1 } } },
      'providers["acme.vision"].perRequest: Too small',
    ],
    [
      "a typo in a field name",
      { providers: { "acme.vision": { perImages: 0.01 } } },
      'providers["acme.vision"].perImages: unknown field',
    ],
    ["a bad currency", { currency: "euro" }, 'currency: a three-letter currency code such as "EUR"'],
    [
      "a provider currency",
      { providers: { "acme.vision": { currency: "€" } } },
      'providers["acme.vision"].currency: a three-letter',
    ],
    ["an unknown top-level field", { prices: {} }, "prices: unknown field"],
    ["providers as a list", { providers: [] }, "providers: Invalid input"],
  ])("%s: the error names the file and the field", (_what, content, expected) => {
    const file = writePrices(JSON.stringify(content));
    const e = refusal(() => loadPriceTable(file));
    expect(e.code).toBe(ErrorCode.CONFIG_INVALID);
    expect(e.params.file).toBe(file);
    expect(e.params.detail).toContain(expected);
    expect(e.message).toContain(file);
  });

  it("a provider id that is not a contribution id is named", () => {
    const e = refusal(() => parsePriceTable({ providers: { "OpenAI Vision": { perImage: 1 } } }, "prices.json"));
    expect(e.params.detail).toMatch(/^providers\["OpenAI Vision"\]: /);
  });

  it("not JSON: says so", () => {
    const file = writePrices('{ "currency": "EUR", }');
    const e = refusal(() => loadPriceTable(file));
    expect(e.code).toBe(ErrorCode.CONFIG_INVALID);
    expect(e.params.detail).toMatch(/^not valid JSON \(/);
  });

  it("a folder where the file should be is an error, not the defaults", () => {
    const file = path.join(root, `p${++n}`, "prices.json");
    fs.mkdirSync(file, { recursive: true });
    expect(refusal(() => loadPriceTable(file)).code).toBe(ErrorCode.CONFIG_INVALID);
  });
});
