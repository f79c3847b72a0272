import type { StoredTag } from "@sichter/shared/protocol";
import { describe, expect, it } from "vitest";
import { storedTagFixture } from "../../../../protocol/test/wireFixtures.ts";
import { adjacentMarker, timelineMarkers } from "./timelineMarkers.ts";

const shots = [
  { index: 0, startFrame: 0, endFrame: 100, transition: null },
  { index: 1, startFrame: 100, endFrame: 300, transition: { type: "cut" as const, startFrame: 100, endFrame: 100 } },
];
const tag = (label: string, startFrame: number, status: StoredTag["status"] = "suggested"): StoredTag => ({
  ...storedTagFixture,
  label,
  startFrame,
  endFrame: startFrame + 25,
  status,
});

describe("timelineMarkers", () => {
  it("puts shot starts and tags' first frames in frame order, one marker per frame, rejected tags left out", () => {
    expect(
      timelineMarkers(shots, [
        tag("Potsdam", 100),
        tag("Landtag", 40),
        tag("Köln", 40, "accepted"),
        tag("Bonn", 200, "rejected"),
      ]),
    ).toEqual([
      { frame: 0, shot: 0, tags: [] },
      { frame: 40, shot: null, tags: ["Landtag", "Köln"] },
      { frame: 100, shot: 1, tags: ["Potsdam"] },
    ]);
  });
});

describe("adjacentMarker", () => {
  const markers = timelineMarkers(shots, [tag("Landtag", 40)]);
  it("finds the next and the previous marker from a frame between markers or on one", () => {
    expect(adjacentMarker(markers, 40, "next")?.frame).toBe(100);
    expect(adjacentMarker(markers, 41, "previous")?.frame).toBe(40);
    expect(adjacentMarker(markers, 40, "previous")?.frame).toBe(0);
    expect(adjacentMarker(markers, 100, "next")).toBeNull();
    expect(adjacentMarker(markers, 0, "previous")).toBeNull();
  });
});
