import { describe, expect, it } from "vitest";
import { formatBytes } from "./formatBytes.ts";

describe("formatBytes", () => {
  it.each([
    [0, "en", "0 B"],
    [999, "en", "999 B"],
    [83_000, "en", "83 kB"],
    [61_234, "de", "61,2 kB"],
    [1_234_567, "de", "1,2 MB"],
    [250_000_000, "en", "250 MB"],
  ] as const)("%d bytes in %s is %s", (bytes, locale, text) => {
    expect(formatBytes(bytes, locale)).toBe(text);
  });
});
