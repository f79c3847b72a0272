import { describe, expect, it } from "vitest";
import { Tag, TagPlan } from "./index.ts";

const tag = {
  label: "Landtag Brandenburg",
  kind: "keyword",
  language: "de",
  source: "ocr",
  confidence: 0.92,
  startFrame: 100,
  endFrame: 250,
  status: "suggested",
  provenance: [{ producer: "sichter.ocr", evidence: "LANDTAG BRANDENBURG" }],
};

describe("model schemas", () => {
  it("accept a well-formed tag", () => {
    expect(Tag.parse(tag)).toEqual(tag);
  });

  it("reject what would corrupt a catalog or a host project", () => {
    expect(Tag.safeParse({ ...tag, source: "face" }).success).toBe(false);
    expect(Tag.safeParse({ ...tag, confidence: 1.2 }).success).toBe(false);
    expect(Tag.safeParse({ ...tag, startFrame: 1.5 }).success).toBe(false);
    expect(Tag.safeParse({ ...tag, provenance: [] }).success).toBe(false);
    expect(
      TagPlan.safeParse({
        clipPath: "/a.mov",
        frameRate: "29.97",
        markers: [],
        keywords: [],
        description: "",
        logComment: "",
      }).success,
    ).toBe(false);
  });
});
