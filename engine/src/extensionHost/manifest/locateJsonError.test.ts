import { describe, expect, it } from "vitest";
import { locateJsonError } from "./locateJsonError.ts";

describe("locateJsonError", () => {
  it.each([
    ['{"a": }', 1, 7, "a value (object, array, string, number, true, false or null)"],
    ['{\n  "a": 1,\n}', 3, 1, 'another entry after "," (trailing commas are not JSON)'],
    ["{\n  'a': 1\n}", 2, 3, "a property name in double quotes"],
    ['{"a": tru}', 1, 10, '"true"'],
    ['{"a": "x', 1, 9, 'a closing "'],
    ['{"a": 1} x', 1, 10, "the end of the file"],
    ["", 1, 1, "a value (object, array, string, number, true, false or null)"],
    ['["\\x"]', 1, 4, 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)'],
    ["[01]", 1, 3, '"," or "]"'],
  ])("%j -> line %i, column %i", (text, line, column, expected) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toMatchObject({ line, column, expected });
  });

  it("finds nothing wrong in valid JSON", () => {
    expect(locateJsonError('{"a": [1, -2.5e3, "\\u00e4", true, false, null, {}]}')).toBeUndefined();
  });
});
