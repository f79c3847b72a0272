import { describe, expect, it } from "vitest";
import type { PlannedMarker, TagPlan } from "@sichter/shared/model";
import { createTimecodeContext, parseFrameRate } from "@sichter/shared/timecode";
import { layoutClipMarkers } from "./layoutClipMarkers.ts";

function planned(
  kind: string,
  name: string,
  startFrame: number,
  durationFrames: number,
  color: PlannedMarker["color"],
  comment = "",
): PlannedMarker {
  return { kind, name, startFrame, durationFrames, color, comment };
}

function plan(markers: PlannedMarker[], frameRate = "25/1"): TagPlan {
  return { clipPath: "/media/a.mov", frameRate, markers, keywords: [], description: "", logComment: "" };
}

const pal = createTimecodeContext({ rate: parseFrameRate("25"), start: "10:00:00:00" });

describe("layoutClipMarkers", () => {
  const shots = [
    planned("shot", "Einstellung 1", 0, 100, "blue", "Schnitt"),
    planned("shot", "Einstellung 2", 100, 150, "blue", "Schnitt"),
    planned("shot", "Einstellung 3", 250, 50, "blue", "Blende"),
  ];

  it("puts one marker at each shot start, named by its main keywords", () => {
    const markers = layoutClipMarkers(
      plan([
        ...shots,
        planned("ocr.line", "Bundestag", 10, 20, "yellow"),
        planned("cue.black", "Schwarzbild", 120, 5, "red"),
        planned("keyword", "Reichstag", 130, 10, "green"),
        planned("motion.pan-left", "Schwenk links", 140, 40, "purple"),
        planned("user", "O-Ton Merz", 160, 40, "orange"),
      ]),
      { timecode: pal },
    );
    expect(markers.map((m) => m.startFrame)).toEqual([0, 100, 250]);
    expect(markers.map((m) => m.durationFrames)).toEqual([100, 150, 50]);
    expect(markers[0]).toEqual({
      startFrame: 0,
      durationFrames: 100,
      name: "Bundestag",
      comments: "Bundestag\n10:00:00:00",
      color: "yellow",
    });
    expect(markers[1]?.name).toBe("Schwarzbild, Reichstag, Schwenk links");
    expect(markers[1]?.comments).toBe("Schwarzbild, Reichstag, Schwenk links, O-Ton Merz\n10:00:04:00");
    expect(markers[1]?.color).toBe("red");
  });

  it("keeps the plan's name, comment and colour for a shot without keywords", () => {
    const markers = layoutClipMarkers(plan(shots), { timecode: pal });
    expect(markers[2]).toEqual({
      startFrame: 250,
      durationFrames: 50,
      name: "Einstellung 3",
      comments: "Blende\n10:00:10:00",
      color: "blue",
    });
  });

  it("lists a keyword once, whatever its case", () => {
    const markers = layoutClipMarkers(
      plan([shots[0]!, planned("ocr.line", "EU", 1, 1, "yellow"), planned("keyword", "eu", 2, 1, "green")]),
      { timecode: pal, mainKeywords: 1 },
    );
    expect(markers[0]?.comments).toBe("EU\n10:00:00:00");
  });

  it("gives every planned marker its own when the plan has no shots", () => {
    const markers = layoutClipMarkers(plan([planned("cue.bars", "Farbbalken", 0, 250, "red")]), { timecode: pal });
    expect(markers).toEqual([
      { startFrame: 0, durationFrames: 250, name: "Farbbalken", comments: "Farbbalken\n10:00:00:00", color: "red" },
    ]);
  });

  it.each([
    ["24000/1001", false, "01:00:00:00", 1800, "01:01:15:00"],
    ["24", false, "01:00:00:00", 1800, "01:01:15:00"],
    ["25", false, "01:00:00:00", 1800, "01:01:12:00"],
    ["30000/1001", true, "01:00:00;00", 1800, "01:01:00;02"],
    ["30000/1001", true, "01:00:00;00", 17982, "01:10:00;00"],
    ["30000/1001", false, "01:00:00:00", 1800, "01:01:00:00"],
    ["50", false, "01:00:00:00", 1800, "01:00:36:00"],
    ["60000/1001", true, "01:00:00;00", 3600, "01:01:00;04"],
  ])("writes the shot's timecode at %s (drop-frame %s)", (rate, dropFrame, start, frame, expected) => {
    const timecode = createTimecodeContext({ rate: parseFrameRate(rate), dropFrame, start });
    const markers = layoutClipMarkers(plan([planned("shot", "Shot 2", frame, 10, "blue")], rate), { timecode });
    expect(markers[0]?.comments).toBe(expected);
  });
});
