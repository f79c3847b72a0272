import type { Tag } from "@sichter/shared/model";
import { describe, expect, it } from "vitest";
import { fuseTags } from "./fuseTags.ts";

const OCR = { producer: "sichter.keywords", version: "1", evidence: "LANDTAG NRW" };
const VISION = { producer: "sichter.openai-vision", version: "2" };
const OTHER_VISION = { producer: "sichter.google-vision", version: "1" };

function tag(over: Partial<Tag> & Pick<Tag, "label" | "startFrame" | "endFrame">): Tag {
  return {
    kind: "keyword",
    language: "de",
    source: "vision",
    confidence: 0.5,
    status: "suggested",
    provenance: [VISION],
    ...over,
  };
}

describe("fuseTags", () => {
  it("fuses an OCR and a vision keyword of one language on overlapping ranges into one tag", () => {
    const ocr = tag({
      label: "Landtag",
      source: "ocr",
      confidence: 0.6,
      startFrame: 10,
      endFrame: 60,
      provenance: [OCR],
    });
    const vision = tag({ label: "landtag", confidence: 0.7, startFrame: 40, endFrame: 120 });
    const fused = fuseTags([ocr, vision]);
    expect(fused).toHaveLength(1);
    const [one] = fused;
    expect(one!.startFrame).toBe(10);
    expect(one!.endFrame).toBe(120);
    // Two independent witnesses: 1 - (1 - 0.6)(1 - 0.7) = 0.88, above either.
    expect(one!.confidence).toBeCloseTo(0.88, 10);
    expect(one!.provenance).toEqual([OCR, VISION]);
    expect(one!.kind).toBe("keyword");
    expect(one!.language).toBe("de");
  });

  it("keeps a keyword on two adjacent shots as two tags: touching ranges are two sightings", () => {
    const first = tag({ label: "Feuerwehr", confidence: 0.6, startFrame: 0, endFrame: 100 });
    const next = tag({
      label: "Feuerwehr",
      source: "ocr",
      confidence: 0.6,
      startFrame: 100,
      endFrame: 200,
      provenance: [OCR],
    });
    const fused = fuseTags([first, next]);
    expect(fused.map((t) => [t.startFrame, t.endFrame, t.confidence])).toEqual([
      [0, 100, 0.6],
      [100, 200, 0.6],
    ]);
  });

  it("fuses whatever order the tags come in, and folds umlauts and case alike", () => {
    const vision = tag({ label: "Köln", confidence: 0.5, startFrame: 0, endFrame: 50 });
    const ocr = tag({
      label: "KOELN",
      source: "ocr",
      confidence: 0.5,
      startFrame: 20,
      endFrame: 30,
      provenance: [OCR],
    });
    const fused = fuseTags([ocr, vision]);
    expect(fused).toHaveLength(1);
    expect(fused[0]!.confidence).toBeCloseTo(0.75, 10);
    expect([fused[0]!.startFrame, fused[0]!.endFrame]).toEqual([0, 50]);
    expect(fused[0]!.provenance.map((p) => p.producer).sort()).toEqual([OCR.producer, VISION.producer].sort());
  });

  it("the same provider twice on one range is one witness: the higher confidence, not a combination", () => {
    const first = tag({ label: "Feuerwehr", confidence: 0.6, startFrame: 0, endFrame: 100 });
    const second = tag({ label: "Feuerwehr", confidence: 0.8, startFrame: 50, endFrame: 150 });
    const fused = fuseTags([first, second]);
    expect(fused).toHaveLength(1);
    expect(fused[0]!.confidence).toBe(0.8);
    expect([fused[0]!.startFrame, fused[0]!.endFrame]).toEqual([0, 150]);
    expect(fused[0]!.provenance).toEqual([VISION]);
  });

  it("a third witness from another provider combines again", () => {
    const a = tag({ label: "Polizei", confidence: 0.5, startFrame: 0, endFrame: 100 });
    const b = tag({ label: "Polizei", confidence: 0.5, startFrame: 10, endFrame: 90, provenance: [OTHER_VISION] });
    const c = tag({
      label: "Polizei",
      source: "ocr",
      confidence: 0.5,
      startFrame: 20,
      endFrame: 80,
      provenance: [OCR],
    });
    const fused = fuseTags([a, b, c]);
    expect(fused).toHaveLength(1);
    expect(fused[0]!.confidence).toBeCloseTo(0.875, 10);
    expect(fused[0]!.provenance).toHaveLength(3);
  });

  it("different languages never fuse", () => {
    const de = tag({ label: "Landtag", language: "de", confidence: 0.6, startFrame: 0, endFrame: 100 });
    const en = tag({
      label: "landtag",
      language: "en",
      confidence: 0.7,
      startFrame: 0,
      endFrame: 100,
      provenance: [OCR],
    });
    const fused = fuseTags([de, en]);
    expect(fused).toHaveLength(2);
    expect(fused.map((t) => t.confidence).sort()).toEqual([0.6, 0.7]);
    expect(fused.map((t) => t.language).sort()).toEqual(["de", "en"]);
  });

  it("ranges apart stay separate tags with their own confidence", () => {
    const early = tag({
      label: "Landtag",
      source: "ocr",
      confidence: 0.6,
      startFrame: 0,
      endFrame: 50,
      provenance: [OCR],
    });
    const late = tag({ label: "Landtag", confidence: 0.7, startFrame: 200, endFrame: 300 });
    const fused = fuseTags([late, early]);
    expect(fused.map((t) => [t.startFrame, t.endFrame, t.confidence])).toEqual([
      [0, 50, 0.6],
      [200, 300, 0.7],
    ]);
    expect(fused[0]!.provenance).toEqual([OCR]);
    expect(fused[1]!.provenance).toEqual([VISION]);
  });

  it("different labels on the same range stay apart", () => {
    const fused = fuseTags([
      tag({ label: "Landtag", startFrame: 0, endFrame: 100 }),
      tag({ label: "Bundestag", startFrame: 0, endFrame: 100, provenance: [OCR] }),
    ]);
    expect(fused.map((t) => t.label).sort()).toEqual(["Bundestag", "Landtag"]);
  });

  it("leaves tags that are not keywords untouched, even with the same label and range", () => {
    const cue = tag({
      label: "Landtag",
      kind: "ocr.line",
      source: "ocr",
      confidence: 0.9,
      startFrame: 0,
      endFrame: 100,
      provenance: [OCR],
    });
    const topic = tag({
      label: "Landtag",
      kind: "iptc.mediaTopic",
      language: "de",
      confidence: 0.4,
      startFrame: 0,
      endFrame: 100,
    });
    const keyword = tag({
      label: "Landtag",
      confidence: 0.5,
      startFrame: 0,
      endFrame: 100,
      provenance: [OTHER_VISION],
    });
    const fused = fuseTags([cue, topic, keyword]);
    expect(fused).toHaveLength(3);
    expect(fused).toContain(cue);
    expect(fused).toContain(topic);
    expect(fused.find((t) => t.kind === "keyword")!.confidence).toBe(0.5);
  });

  it("accepted and rejected tags are a person's decision and stay as they are", () => {
    const accepted = tag({
      label: "Landtag",
      status: "accepted",
      confidence: 0.6,
      startFrame: 0,
      endFrame: 100,
      provenance: [OCR],
    });
    const rejected = tag({
      label: "Landtag",
      status: "rejected",
      confidence: 0.3,
      startFrame: 0,
      endFrame: 100,
      provenance: [OTHER_VISION],
    });
    const suggested = tag({ label: "Landtag", confidence: 0.7, startFrame: 50, endFrame: 150 });
    const fused = fuseTags([accepted, rejected, suggested]);
    expect(fused).toHaveLength(3);
    expect(fused).toContain(accepted);
    expect(fused).toContain(rejected);
    expect(accepted).toMatchObject({ confidence: 0.6, startFrame: 0, endFrame: 100, provenance: [OCR] });
    expect(fused.find((t) => t.status === "suggested")).toMatchObject({
      confidence: 0.7,
      startFrame: 50,
      endFrame: 150,
    });
  });

  it("does not mutate its input", () => {
    const input = [
      tag({ label: "Landtag", source: "ocr", confidence: 0.6, startFrame: 10, endFrame: 60, provenance: [OCR] }),
      tag({ label: "landtag", confidence: 0.7, startFrame: 40, endFrame: 120 }),
      tag({ label: "Landtag", confidence: 0.9, startFrame: 100, endFrame: 130, provenance: [OTHER_VISION] }),
      tag({
        label: "Schwarzbild",
        kind: "cue.black",
        language: "und",
        source: "technical",
        startFrame: 0,
        endFrame: 5,
        provenance: [{ producer: "sichter.cues" }],
      }),
    ];
    const before = structuredClone(input);
    const fused = fuseTags(input);
    expect(input).toEqual(before);
    expect(fused.filter((t) => t.kind === "keyword")).toHaveLength(1);
    // The fused tag is a new object: editing it later cannot reach back into the input either.
    for (const t of input.filter((t) => t.kind === "keyword")) expect(fused).not.toContain(t);
  });
});
