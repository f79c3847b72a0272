import type { CatalogClipInfo, StoredTag } from "@sichter/shared/protocol";
import { describe, expect, it } from "vitest";
import { storedTagFixture } from "../../../../protocol/test/wireFixtures.ts";
import { evidenceOf, groupTags } from "./groupTags.ts";
import { initialReview, reviewReducer, type ReviewAction, type ReviewState } from "./reviewReducer.ts";

const tag = (id: number, source: StoredTag["source"], startFrame: number, label = `tag ${id}`): StoredTag =>
  ({ ...storedTagFixture, id, source, startFrame, endFrame: startFrame + 10, label }) as StoredTag;

const clip = { id: 3, path: "/m/a.mov", frameCount: 750 } as CatalogClipInfo;
const tags = [
  tag(1, "motion", 0),
  tag(2, "ocr", 50),
  tag(3, "ocr", 10),
  tag(4, "technical", 0),
  tag(5, "user", 0),
  { ...tag(6, "ocr", 10), kind: "ocr.line" },
];
const run = (actions: ReviewAction[], from: ReviewState = initialReview): ReviewState =>
  actions.reduce(reviewReducer, from);
const loaded = run([
  { type: "loading", path: "/m/a.mov" },
  { type: "loaded", path: "/m/a.mov", clip, shots: [], keyframes: [], tags },
]);
const error = { code: "SICHTER_E_CONNECTION_CLOSED", params: null, message: "closed" };

describe("groupTags", () => {
  it("groups by source in review order, each in clip order, OCR's lines apart from its keywords", () => {
    expect(groupTags(tags).map((g) => [g.key, g.tags.map((t) => t.id)])).toEqual([
      ["ocr", [3, 2]],
      ["ocr-lines", [6]],
      ["technical", [4]],
      ["motion", [1]],
      ["user", [5]],
    ]);
  });
});

describe("groupTags with text in the picture and overlays", () => {
  it("lists incidental text with the lines read, and a persistent overlay in a group of its own", () => {
    const read = [
      { ...tag(7, "ocr", 0), kind: "ocr.incidental" },
      { ...tag(8, "ocr", 0), kind: "ocr.overlay" },
      { ...tag(9, "ocr", 5), kind: "ocr.line" },
    ];
    expect(groupTags(read).map((g) => [g.key, g.tags.map((t) => t.id)])).toEqual([
      ["ocr-lines", [7, 9]],
      ["ocr-overlays", [8]],
    ]);
  });
});

describe("evidenceOf", () => {
  it("names the text line a keyword was taken from, and nothing when it is the label itself", () => {
    expect(
      evidenceOf({
        ...tag(1, "ocr", 0, "Potsdam"),
        provenance: [{ producer: "sichter.keywords", evidence: "Potsdam, Plenarsaal" }],
      }),
    ).toBe("Potsdam, Plenarsaal");
    expect(
      evidenceOf({
        ...tag(1, "ocr", 0, "Potsdam"),
        provenance: [{ producer: "sichter.keywords", evidence: "Potsdam" }],
      }),
    ).toBeNull();
    expect(
      evidenceOf({
        ...tag(1, "motion", 0, "Static"),
        provenance: [{ producer: "sichter.motion", evidence: "dx 0.0, dy 0.0" }],
      }),
    ).toBeNull();
  });
});

describe("reviewReducer", () => {
  it("focuses the first listed tag after loading, and moves through the listed order", () => {
    expect(loaded.focusedId).toBe(3);
    const moved = run(
      [
        { type: "move", move: "next" },
        { type: "move", move: "next" },
        { type: "move", move: "next" },
      ],
      loaded,
    );
    expect(moved.focusedId).toBe(4);
    expect(
      run(
        [
          { type: "move", move: "last" },
          { type: "move", move: "next" },
        ],
        loaded,
      ).focusedId,
    ).toBe(5);
    expect(run([{ type: "move", move: "previous" }], loaded).focusedId).toBe(3);
  });

  it("ignores an answer for a clip the panel has moved away from", () => {
    const other = run([{ type: "loading", path: "/m/b.mov" }], loaded);
    expect(run([{ type: "loaded", path: "/m/a.mov", clip, shots: [], keyframes: [], tags }], other)).toBe(other);
  });

  it("shows a decision at once, replaces it with the stored tag, and reverts it with the error", () => {
    const decided = run([{ type: "decide", tagId: 2, status: "rejected" }], loaded);
    expect(decided.tags.find((t) => t.id === 2)?.status).toBe("rejected");
    expect(decided.pending).toEqual([2]);
    const stored = run(
      [{ type: "stored", tag: { ...tag(2, "ocr", 50), status: "rejected", decidedAt: "2025-03-01T10:00:00.000Z" } }],
      decided,
    );
    expect(stored.pending).toEqual([]);
    expect(stored.tags.find((t) => t.id === 2)?.decidedAt).toBe("2025-03-01T10:00:00.000Z");
    const reverted = run([{ type: "revert", tag: tag(2, "ocr", 50), error }], decided);
    expect(reverted.tags.find((t) => t.id === 2)?.status).toBe("suggested");
    expect(reverted.error).toEqual(error);
  });

  it("edits a label and adds a new tag, focusing it", () => {
    const editing = run(
      [
        { type: "editStart", target: 4 },
        { type: "editChange", label: "Schwarzbild" },
      ],
      loaded,
    );
    expect(editing.editing).toEqual({ target: 4, label: "Schwarzbild" });
    expect(editing.focusedId).toBe(4);
    const added = run([{ type: "editEnd" }, { type: "stored", tag: tag(9, "user", 0, "Landtag") }], editing);
    expect(added.editing).toBeNull();
    expect(added.tags).toHaveLength(7);
    expect(added.focusedId).toBe(9);
  });

  it("knows a clip the catalog has not analysed yet", () => {
    expect(
      run([
        { type: "loading", path: "/m/new.mov" },
        { type: "notAnalysed", path: "/m/new.mov" },
      ]),
    ).toMatchObject({ load: "not-analysed", tags: [] });
  });
});
