import { describe, expect, it } from "vitest";
import { webEntityConfidences } from "./webEntityConfidence.ts";

describe("webEntityConfidences", () => {
  it("keeps scores that are already within 0..1", () => {
    expect(webEntityConfidences([0.89, 0.37, 0.05])).toEqual([0.89, 0.37, 0.05]);
  });

  it("divides by the highest score when one exceeds 1, keeping order and ratios", () => {
    expect(webEntityConfidences([2, 1, 0.5])).toEqual([1, 0.5, 0.25]);
  });

  it("treats negative scores as 0 and copes with nothing", () => {
    expect(webEntityConfidences([-0.2, 0.4])).toEqual([0, 0.4]);
    expect(webEntityConfidences([])).toEqual([]);
  });
});
