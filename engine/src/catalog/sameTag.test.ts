import { describe, expect, it } from "vitest";
import { rangesOverlap, sameTag } from "./sameTag.ts";

const tag = (label: string, startFrame: number, endFrame: number, kind = "keyword") => ({
  label,
  kind,
  startFrame,
  endFrame,
});

describe("sameTag", () => {
  it("matches the same kind and folded label on overlapping ranges", () => {
    expect(sameTag(tag("Köln", 0, 100), tag("KOELN", 90, 200))).toBe(true);
    expect(sameTag(tag("Köln", 0, 100), tag("Köln", 100, 200))).toBe(false);
    expect(sameTag(tag("Köln", 0, 100), tag("Bonn", 0, 100))).toBe(false);
    expect(sameTag(tag("Köln", 0, 100), tag("Köln", 0, 100, "place"))).toBe(false);
  });

  it("treats an empty range as a point that may sit on the other's edge", () => {
    expect(rangesOverlap(tag("a", 50, 50), tag("a", 0, 100))).toBe(true);
    expect(rangesOverlap(tag("a", 100, 100), tag("a", 0, 100))).toBe(true);
    expect(rangesOverlap(tag("a", 101, 101), tag("a", 0, 100))).toBe(false);
  });
});
