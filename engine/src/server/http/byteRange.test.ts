import { describe, expect, it } from "vitest";
import { parseByteRange } from "./byteRange.ts";

describe("parseByteRange", () => {
  const size = 1000;
  it("serves the whole file without a header, for other units and for several ranges", () => {
    expect(parseByteRange(undefined, size)).toEqual({ kind: "full" });
    expect(parseByteRange("", size)).toEqual({ kind: "full" });
    expect(parseByteRange("items=0-5", size)).toEqual({ kind: "full" });
    expect(parseByteRange("bytes=0-1,5-6", size)).toEqual({ kind: "full" });
  });

  it("reads a-b, a- and -n, clipping the end to the file", () => {
    expect(parseByteRange("bytes=0-0", size)).toEqual({ kind: "partial", start: 0, end: 0 });
    expect(parseByteRange("bytes=100-199", size)).toEqual({ kind: "partial", start: 100, end: 199 });
    expect(parseByteRange("bytes=900-", size)).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(parseByteRange("bytes=900-5000", size)).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(parseByteRange("bytes=-100", size)).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(parseByteRange("bytes=-5000", size)).toEqual({ kind: "partial", start: 0, end: 999 });
    expect(parseByteRange("Bytes = 5-9", size)).toEqual({ kind: "partial", start: 5, end: 9 });
  });

  it("cannot serve a range past the end, reversed, empty or malformed (416)", () => {
    for (const header of [
      "bytes=1000-",
      "bytes=1000-2000",
      "bytes=5-4",
      "bytes=-0",
      "bytes=-",
      "bytes=abc",
      "bytes=1-2-3",
      "bytes= ",
    ]) {
      expect(parseByteRange(header, size), header).toEqual({ kind: "unsatisfiable" });
    }
    expect(parseByteRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
  });
});
