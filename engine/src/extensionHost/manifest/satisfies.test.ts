import { describe, expect, it } from "vitest";
import { compareVersions, parseVersion } from "./SemVer.ts";
import { isValidRange, satisfies } from "./satisfies.ts";

// [range, version, expected] — cases cross-checked against node-semver's documented desugaring.
const table: readonly (readonly [string, string, boolean])[] = [
  ["1.2.3", "1.2.3", true],
  ["1.2.3", "1.2.4", false],
  ["=1.2.3", "1.2.3", true],
  ["v1.2.3", "1.2.3", true],
  ["^1.2.3", "1.2.3", true],
  ["^1.2.3", "1.9.0", true],
  ["^1.2.3", "2.0.0", false],
  ["^1.2.3", "1.2.2", false],
  ["^0.2.3", "0.2.9", true],
  ["^0.2.3", "0.3.0", false],
  ["^0.0.3", "0.0.3", true],
  ["^0.0.3", "0.0.4", false],
  ["^0.0", "0.0.9", true],
  ["^0.0", "0.1.0", false],
  ["^0.x", "0.9.0", true],
  ["^0.x", "1.0.0", false],
  ["^1.2.x", "1.3.0", true],
  ["~1.2.3", "1.2.9", true],
  ["~1.2.3", "1.3.0", false],
  ["~1.2", "1.2.0", true],
  ["~1", "1.9.9", true],
  ["~1", "2.0.0", false],
  [">=1.2.0", "1.2.0", true],
  [">=1.2.0", "1.1.9", false],
  [">= 1.2.0", "3.0.0", true],
  [">1.2.3", "1.2.3", false],
  [">1.2", "1.2.9", false],
  [">1.2", "1.3.0", true],
  [">1", "2.0.0", true],
  ["<2.0.0", "1.9.9", true],
  ["<2.0.0", "2.0.0", false],
  ["<2", "1.99.0", true],
  ["<=1.2", "1.2.9", true],
  ["<=1.2", "1.3.0", false],
  ["<=1.2.3", "1.2.3", true],
  ["*", "0.0.1", true],
  ["x", "9.9.9", true],
  ["1.x", "1.5.0", true],
  ["1.x", "2.0.0", false],
  ["1.2.X", "1.2.7", true],
  ["1.2.*", "1.3.0", false],
  ["1", "1.0.0", true],
  [">=1.0.0 <2.0.0", "1.5.0", true],
  [">=1.0.0 <2.0.0", "2.0.0", false],
  [">=0.1.0 <0.2.0", "0.1.0", true],
  ["^1.0.0 || ^2.0.0", "2.3.0", true],
  ["^1.0.0 || ^2.0.0", "3.0.0", false],
  ["1.2.3 - 2.3.4", "2.3.4", true],
  ["1.2.3 - 2.3.4", "2.3.5", false],
  ["1.2 - 2.3", "2.3.9", true],
  ["1.2 - 2.3", "1.1.9", false],
  ["<*", "1.0.0", false],
  // Prereleases only match ranges that opt into that exact x.y.z.
  ["^1.0.0", "1.5.0-beta.1", false],
  ["^1.0.0", "2.0.0-alpha", false],
  [">=1.5.0-beta.0", "1.5.0-beta.1", true],
  [">=1.5.0-beta.0", "1.6.0-beta.1", false],
  ["^1.5.0-beta.2", "1.5.0-beta.10", true],
  ["^1.5.0-beta.2", "1.5.0", true],
  ["1.0.0-rc.1", "1.0.0-rc.1", true],
  ["1.0.0-rc.1", "1.0.0", false],
];

describe("satisfies", () => {
  it.each(table)("%s with %s -> %s", (range, version, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it("ignores build metadata", () => {
    expect(satisfies("1.2.3+build.7", "1.2.3")).toBe(true);
  });

  it("refuses what it cannot read instead of guessing", () => {
    for (const range of ["latest", "1.x.3", "^", ">= ", "1.2.3.4", "01.2.3", "1.2-beta", "~>1.2", "1.2.3 -"]) {
      expect(isValidRange(range), JSON.stringify(range)).toBe(false);
    }
    expect(satisfies("not a version", "*")).toBe(false);
    expect(satisfies("1.0.0", "latest")).toBe(false);
  });
});

describe("compareVersions", () => {
  it("orders versions as semver.org section 11 does", () => {
    const ordered = [
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0",
      "1.0.1",
      "1.1.0",
      "2.0.0",
    ].map((text) => parseVersion(text)!);
    for (let i = 1; i < ordered.length; i++) {
      expect(compareVersions(ordered[i - 1]!, ordered[i]!)).toBe(-1);
      expect(compareVersions(ordered[i]!, ordered[i - 1]!)).toBe(1);
    }
    expect(compareVersions(parseVersion("1.0.0+a")!, parseVersion("1.0.0+b")!)).toBe(0);
  });

  it("rejects versions that are not strict x.y.z", () => {
    for (const text of ["1.2", "1.2.3.4", "01.2.3", "1.2.3-01", "1.2.3-", "v1.2.3x"]) {
      expect(parseVersion(text), text).toBeUndefined();
    }
  });
});
