import type { Keyframe, Shot } from "@sichter/shared/model";
import { describe, expect, it } from "vitest";
import type { ImageAnswer } from "../../extensionApi/KeywordProvider.ts";
import { visionTags } from "./visionTags.ts";

const PRODUCER = { id: "sichter.test-vision", version: "3.1" };

const shots: Shot[] = [
  { index: 0, startFrame: 0, endFrame: 100, transition: null },
  { index: 1, startFrame: 100, endFrame: 250, transition: { type: "cut", startFrame: 100, endFrame: 100 } },
  { index: 2, startFrame: 250, endFrame: 400, transition: { type: "cut", startFrame: 250, endFrame: 250 } },
  { index: 3, startFrame: 400, endFrame: 520, transition: { type: "cut", startFrame: 400, endFrame: 400 } },
];

function keyframe(shot: number, frame: number): Keyframe {
  return { shot, frame, timecode: "00:00:00:00", seconds: frame / 25, hash: "0123456789abcdef" };
}

const k0 = keyframe(0, 50);
const k1 = keyframe(1, 170);
const k2 = keyframe(2, 300);
const k3 = keyframe(3, 460);

/** Sheet "s" with tiles 1 (shot 0), 2 (shot 1 and, as its near-duplicate, shot 3); single "p" for shot 2. */
const tiles = new Map<string, readonly Keyframe[]>([
  ["s/1", [k0]],
  ["s/2", [k1, k3]],
  ["p/1", [k2]],
]);

const ranges = (tags: ReturnType<typeof visionTags>, label: string) =>
  tags.filter((t) => t.label === label).map((t) => [t.startFrame, t.endFrame]);

describe("visionTags", () => {
  it("puts each tile's keywords on the shot ranges of the keyframes the tile stands for", () => {
    const answers: ImageAnswer[] = [
      {
        imageId: "s",
        tiles: [
          { label: "1", keywords: [{ label: "Rednerpult", language: "de", confidence: 0.8 }] },
          {
            label: "2",
            keywords: [
              { label: "Plenarsaal", language: "de", confidence: 0.7 },
              { label: "plenary hall", language: "en", confidence: 0.65 },
            ],
          },
        ],
      },
      { imageId: "p", tiles: [{ label: "1", keywords: [{ label: "Feuerwehr", language: "de", confidence: 0.9 }] }] },
    ];
    const tags = visionTags(answers, tiles, shots, PRODUCER);
    expect(ranges(tags, "Rednerpult")).toEqual([[0, 100]]);
    // The deduplicated keyframe represents shots 1 and 3: its keywords land on both.
    expect(ranges(tags, "Plenarsaal")).toEqual([
      [100, 250],
      [400, 520],
    ]);
    expect(ranges(tags, "plenary hall")).toEqual([
      [100, 250],
      [400, 520],
    ]);
    expect(ranges(tags, "Feuerwehr")).toEqual([[250, 400]]);
    expect(tags).toHaveLength(6);
    const plenar = tags.find((t) => t.label === "Plenarsaal")!;
    expect(plenar).toEqual({
      label: "Plenarsaal",
      kind: "keyword",
      language: "de",
      source: "vision",
      confidence: 0.7,
      startFrame: 100,
      endFrame: 250,
      status: "suggested",
      provenance: [{ producer: "sichter.test-vision", version: "3.1" }],
    });
    expect(tags.find((t) => t.label === "plenary hall")!.language).toBe("en");
  });

  it("a tile that stands for two keyframes of the same shot tags that shot once", () => {
    const k0b = keyframe(0, 90);
    const tags = visionTags(
      [{ imageId: "x", tiles: [{ label: "1", keywords: [{ label: "Bühne", language: "de", confidence: 0.5 }] }] }],
      new Map([["x/1", [k0, k0b]]]),
      shots,
      PRODUCER,
    );
    expect(ranges(tags, "Bühne")).toEqual([[0, 100]]);
  });

  it("ignores answers for tiles or images that were never sent", () => {
    const answers: ImageAnswer[] = [
      {
        imageId: "s",
        tiles: [
          { label: "9", keywords: [{ label: "Erfunden", language: "de", confidence: 0.9 }] },
          { label: "1", keywords: [{ label: "Echt", language: "de", confidence: 0.9 }] },
        ],
      },
      {
        imageId: "unknown-image",
        tiles: [{ label: "1", keywords: [{ label: "Auch erfunden", language: "de", confidence: 0.9 }] }],
      },
      // The label of another image's tile does not match across images.
      {
        imageId: "p",
        tiles: [{ label: "2", keywords: [{ label: "Falsches Bild", language: "de", confidence: 0.9 }] }],
      },
    ];
    const tags = visionTags(answers, tiles, shots, PRODUCER);
    expect(tags.map((t) => t.label)).toEqual(["Echt"]);
  });

  it("media topics and descriptions get their own kinds, languages and provenance", () => {
    const tags = visionTags(
      [
        {
          imageId: "p",
          tiles: [
            {
              label: "1",
              keywords: [],
              mediaTopics: [{ code: "medtop:20000568", label: "fire", confidence: 0.6 }],
              description: "Ein Löschzug vor einem brennenden Haus",
            },
          ],
        },
      ],
      tiles,
      shots,
      PRODUCER,
    );
    expect(tags).toHaveLength(2);
    const topic = tags.find((t) => t.kind === "iptc.mediaTopic")!;
    expect(topic).toMatchObject({
      label: "fire",
      language: "en",
      source: "vision",
      confidence: 0.6,
      startFrame: 250,
      endFrame: 400,
    });
    expect(topic.provenance).toEqual([
      { producer: "sichter.test-vision", version: "3.1", evidence: "medtop:20000568" },
    ]);
    const description = tags.find((t) => t.kind === "vision.description")!;
    expect(description).toMatchObject({
      label: "Ein Löschzug vor einem brennenden Haus",
      language: "und",
      confidence: 0.5,
      startFrame: 250,
      endFrame: 400,
    });
    expect(description.provenance).toEqual([{ producer: "sichter.test-vision", version: "3.1" }]);
  });

  it("clamps confidences into 0..1 and rounds them to three decimals", () => {
    const tags = visionTags(
      [
        {
          imageId: "p",
          tiles: [
            {
              label: "1",
              keywords: [
                { label: "zu hoch", language: "de", confidence: 1.7 },
                { label: "negativ", language: "de", confidence: -0.2 },
                { label: "genau", language: "de", confidence: 0.123456 },
              ],
              mediaTopics: [{ code: "medtop:1", label: "topic", confidence: 3 }],
            },
          ],
        },
      ],
      tiles,
      shots,
      PRODUCER,
    );
    const conf = Object.fromEntries(tags.map((t) => [t.label, t.confidence]));
    expect(conf).toEqual({ "zu hoch": 1, negativ: 0, genau: 0.123, topic: 1 });
  });

  it("no answers, no tags", () => {
    expect(visionTags([], tiles, shots, PRODUCER)).toEqual([]);
  });
});
