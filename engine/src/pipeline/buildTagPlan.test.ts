import { describe, expect, it } from "vitest";
import { TagPlan, type Tag, type TagSet } from "@sichter/shared/model";
import { buildTagPlan } from "./buildTagPlan.ts";

const tag = (over: Partial<Tag>): Tag => ({
  label: "Landtag Brandenburg",
  kind: "keyword",
  language: "de",
  source: "ocr",
  confidence: 0.9,
  startFrame: 100,
  endFrame: 175,
  status: "suggested",
  provenance: [{ producer: "sichter.keywords" }],
  ...over,
});

const set: TagSet = {
  clip: {
    path: "/m/clip.mxf",
    fingerprint: "f",
    frameRate: "30000/1001",
    dropFrame: true,
    startTimecode: "01:00:00;00",
    frameCount: 900,
    durationSeconds: 30.03,
    width: 1920,
    height: 1080,
  },
  shots: [
    { index: 0, startFrame: 0, endFrame: 400, transition: null },
    { index: 1, startFrame: 400, endFrame: 900, transition: { type: "cut", startFrame: 400, endFrame: 400 } },
  ],
  keyframes: [],
  tags: [
    tag({}),
    tag({ label: "LANDTAG BRANDENBURG", startFrame: 500, endFrame: 560 }),
    tag({ label: "Landtag Brandenburg", kind: "ocr.line", startFrame: 100, endFrame: 175 }),
    tag({ label: "Schwarzbild", kind: "cue.black", source: "technical", startFrame: 0, endFrame: 30 }),
    tag({ label: "Abgelehnt", status: "rejected" }),
  ],
  ocrText: [],
  analyzedAt: "2026-11-22T10:00:00.000Z",
};

describe("buildTagPlan", () => {
  it("plans shot and tag markers in frame order, keywords deduplicated, rejected tags left out", () => {
    const plan = TagPlan.parse(buildTagPlan(set, "de"));
    expect(plan.keywords).toEqual(["Landtag Brandenburg"]);
    expect(plan.markers.map((m) => [m.kind, m.startFrame])).toEqual([
      ["cue.black", 0],
      ["shot", 0],
      ["ocr.line", 100],
      ["shot", 400],
    ]);
    expect(plan.markers.find((m) => m.kind === "shot" && m.startFrame === 400)).toMatchObject({
      name: "Einstellung 2",
      comment: "Schnitt",
      durationFrames: 500,
    });
    expect(plan.description).toBe("2 Einstellungen, 30 s; Text im Bild: Landtag Brandenburg.");
    expect(plan.logComment).toBe("Schwarzbild 0-30");
    expect(JSON.stringify(plan)).not.toContain("Abgelehnt");
  });

  it("speaks English when asked", () => {
    expect(buildTagPlan(set, "en").markers.find((m) => m.kind === "shot")!.name).toBe("Shot 1");
  });
});

describe("buildTagPlan with cloud keywords", () => {
  const vision = (over: Partial<Tag>): Tag =>
    tag({
      source: "vision",
      provenance: [{ producer: "sichter.openai-vision" }],
      startFrame: 0,
      endFrame: 400,
      ...over,
    });
  const cloudSet: TagSet = {
    ...set,
    tags: [
      vision({ label: "Feuerwehr", language: "de" }),
      vision({ label: "fire engine", language: "en" }),
      vision({ label: "Ein Löschzug vor dem Rathaus.", kind: "vision.description", language: "und" }),
      vision({ label: "disaster and accident", kind: "iptc.mediaTopic", language: "en" }),
    ],
  };

  it("takes vision keywords in the newsroom's language only, and no descriptions or topics", () => {
    expect(buildTagPlan(cloudSet, "de").keywords).toEqual(["Feuerwehr"]);
    expect(buildTagPlan(cloudSet, "en").keywords).toEqual(["fire engine"]);
  });

  it("marks the description on its shot, but not keywords or media topics", () => {
    const kinds = buildTagPlan(cloudSet, "de").markers.map((m) => m.kind);
    expect(kinds).toContain("vision.description");
    expect(kinds).not.toContain("keyword");
    expect(kinds).not.toContain("iptc.mediaTopic");
  });
});

describe("buildTagPlan with overlays and incidental text", () => {
  const bulletin: TagSet = {
    ...set,
    tags: [
      tag({ label: "Einblendung: tv.example.de", kind: "ocr.overlay", startFrame: 0, endFrame: 900 }),
      tag({ label: "Apotheke", kind: "ocr.incidental", startFrame: 10, endFrame: 60 }),
      tag({ label: "Apotheke", kind: "keyword", confidence: 0.59, startFrame: 10, endFrame: 60 }),
      tag({ label: "Landtag Brandenburg", kind: "ocr.line", startFrame: 100, endFrame: 175 }),
      tag({ label: "Landtag Brandenburg", kind: "keyword", confidence: 0.9, startFrame: 100, endFrame: 175 }),
      tag({ label: "Rathaus Köln", kind: "ocr.line", startFrame: 500, endFrame: 575 }),
      tag({ label: "Rathaus Köln", kind: "keyword", confidence: 0.8, startFrame: 500, endFrame: 575 }),
      // Read as lines where the overlay finder could not tell (seen in too few shots): no words in them.
      tag({ label: "00:00:01.", kind: "ocr.line", startFrame: 0, endFrame: 50 }),
      tag({ label: "ample.de", kind: "ocr.line", startFrame: 0, endFrame: 50 }),
    ],
  };

  it("builds the description from the story's text, not from overlays or incidental text", () => {
    const plan = buildTagPlan(bulletin, "de");
    expect(plan.description).toBe("2 Einstellungen, 30 s; Text im Bild: Landtag Brandenburg · Rathaus Köln.");
    expect(plan.keywords).not.toContain("Einblendung: tv.example.de");
  });

  it("lists keywords from story text before those from incidental text", () => {
    expect(buildTagPlan(bulletin, "de").keywords).toEqual(["Landtag Brandenburg", "Rathaus Köln", "Apotheke"]);
  });

  it("marks the overlay once, in a colour of its own", () => {
    const overlays = buildTagPlan(bulletin, "de").markers.filter((m) => m.kind === "ocr.overlay");
    expect(overlays).toHaveLength(1);
    expect(overlays[0]!.color).not.toBe("yellow");
    expect(overlays[0]!.color).not.toBe("white");
  });
});
