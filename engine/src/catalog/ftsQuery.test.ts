import { describe, expect, it } from "vitest";
import { isSichterError } from "../core/SichterError.ts";
import { toFtsQuery } from "./ftsQuery.ts";

describe("toFtsQuery", () => {
  it("turns words into folded quoted prefix terms joined by AND", () => {
    expect(toFtsQuery("Landt Köln")).toBe('"landt"* AND "koln"*');
  });

  it("keeps quoted phrases and punctuated words together", () => {
    expect(toFtsQuery('"Landtag Brandenburg" SPD-Fraktion')).toBe('"landtag brandenburg"* AND "spd fraktion"*');
  });

  it("neutralises FTS syntax in the input", () => {
    expect(toFtsQuery('NEAR( a* OR "b -c:^d')).toBe('"near"* AND "a" AND "or"* AND "b c d"');
  });

  it("rejects input without any word with QUERY_INVALID", () => {
    for (const query of ["", "   ", '*** "" ()']) {
      expect(() => toFtsQuery(query)).toThrow(expect.objectContaining({ code: "SICHTER_E_QUERY_INVALID" }));
    }
    try {
      toFtsQuery("-");
    } catch (error) {
      expect(isSichterError(error, "SICHTER_E_QUERY_INVALID")).toBe(true);
    }
  });
});
