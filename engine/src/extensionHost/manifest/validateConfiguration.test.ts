import { describe, expect, it } from "vitest";
import { ConfigurationContribution } from "./contributions/ConfigurationContribution.ts";
import { validateConfiguration } from "./validateConfiguration.ts";

const schema = ConfigurationContribution.parse({
  title: "Thesaurus",
  properties: {
    endpoint: { type: "string", format: "uri" },
    folder: { type: "string", format: "path" },
    code: { type: "string", minLength: 2, maxLength: 3, pattern: "^[A-Z]+$", default: "DE" },
    limit: { type: "integer", minimum: 1, maximum: 100, default: 20 },
    weight: { type: "number", minimum: 0, maximum: 1 },
    enabled: { type: "boolean", default: true },
    "ocr.languages": { type: "array", items: { type: "string", enum: ["de", "en"] }, default: ["de"] },
    mode: { type: "string", enum: ["fast", "exact"] },
    extra: { type: "object", default: { a: 1 } },
  },
  required: ["endpoint"],
});

const fields = (result: ReturnType<typeof validateConfiguration>) =>
  result.ok ? [] : result.errors.map((error) => [error.field, error.expected, error.found]);

describe("validateConfiguration", () => {
  it("fills in defaults and keeps what the user set", () => {
    const result = validateConfiguration(schema, { endpoint: "https://thesaurus.invalid/api", limit: 5, weight: 0.5 });
    expect(result).toEqual({
      ok: true,
      values: {
        endpoint: "https://thesaurus.invalid/api",
        code: "DE",
        limit: 5,
        weight: 0.5,
        enabled: true,
        "ocr.languages": ["de"],
        extra: { a: 1 },
      },
    });
  });

  it("copies defaults, so changing the result never changes the manifest", () => {
    const first = validateConfiguration(schema, { endpoint: "https://x.invalid" });
    if (!first.ok) throw new Error("expected valid");
    (first.values["ocr.languages"] as string[]).push("en");
    const second = validateConfiguration(schema, { endpoint: "https://x.invalid" });
    expect(second.ok && second.values["ocr.languages"]).toEqual(["de"]);
  });

  it("treats nothing configured as an empty object (and then reports required settings)", () => {
    expect(fields(validateConfiguration(schema, undefined))).toEqual([
      ["endpoint", "a value (the setting is required)", "nothing"],
    ]);
    const optional = ConfigurationContribution.parse({ properties: { limit: { type: "integer", default: 3 } } });
    expect(validateConfiguration(optional, undefined)).toEqual({ ok: true, values: { limit: 3 } });
  });

  it("names every wrong value by its path, with what was expected and found", () => {
    const result = validateConfiguration(schema, {
      endpoint: "not a uri",
      folder: "",
      code: "de",
      limit: 2.5,
      weight: 2,
      enabled: "yes",
      "ocr.languages": ["de", "fr", 3],
      mode: "slow",
      extra: [],
    });
    expect(fields(result)).toEqual([
      ["endpoint", 'an absolute URI with a scheme, such as "https://..."', '"not a uri"'],
      ["folder", "a file or folder path", '""'],
      ["code", "text matching /^[A-Z]+$/", '"de"'],
      ["limit", "an integer", "2.5"],
      ["weight", "at most 1", "2"],
      ["enabled", "true or false", '"yes"'],
      ["ocr.languages[1]", 'one of "de", "en"', '"fr"'],
      ["ocr.languages[2]", "a string", "3"],
      ["mode", 'one of "fast", "exact"', '"slow"'],
      ["extra", "an object", "[]"],
    ]);
    if (!result.ok)
      expect(result.errors[0]!.message).toBe(
        'endpoint: expected an absolute URI with a scheme, such as "https://...", found "not a uri"',
      );
  });

  it("checks bounds, counting characters rather than bytes or UTF-16 units", () => {
    const short = ConfigurationContribution.parse({ properties: { label: { type: "string", maxLength: 3 } } });
    expect(validateConfiguration(short, { label: "äöü" }).ok).toBe(true);
    expect(validateConfiguration(short, { label: "🎬🎬🎬" }).ok).toBe(true);
    expect(fields(validateConfiguration(short, { label: "ABCD" }))).toEqual([
      ["label", "at most 3 characters", '"ABCD"'],
    ]);
    expect(fields(validateConfiguration(schema, { endpoint: "https://x.invalid", limit: 0 }))).toEqual([
      ["limit", "at least 1", "0"],
    ]);
  });

  it("refuses unknown settings instead of ignoring a typo", () => {
    expect(fields(validateConfiguration(schema, { endpoint: "https://x.invalid", limt: 5 }))).toEqual([
      [
        "limt",
        "one of the declared settings: endpoint, folder, code, limit, weight, enabled, ocr.languages, mode, extra",
        'unknown setting "limt"',
      ],
    ]);
  });

  it("refuses settings that are not an object", () => {
    for (const values of [null, [], "x", 3]) {
      const result = validateConfiguration(schema, values);
      expect(result.ok === false && result.errors[0]!.expected).toBe("an object of settings");
    }
  });
});
