import { describe, expect, it } from "vitest";
import type { Clip, TagPlan } from "@sichter/engine/extension-api";
import { exportCsv } from "./exportCsv.ts";
import { exportEdl } from "./exportEdl.ts";

const clip: Clip = {
  path: "/media/Bürgerschaft Sitzung.mxf",
  fingerprint: "f",
  frameRate: "30000/1001",
  dropFrame: true,
  startTimecode: "01:00:00;00",
  frameCount: 2000,
  durationSeconds: 66.73,
  width: 1920,
  height: 1080,
};
const plan: TagPlan = {
  clipPath: clip.path,
  frameRate: clip.frameRate,
  markers: [
    { name: "Einstellung 1", comment: "", startFrame: 0, durationFrames: 1800, kind: "shot", color: "blue" },
    {
      name: 'Köln, "Hbf"',
      comment: "ocr 91%",
      startFrame: 1800,
      durationFrames: 60,
      kind: "ocr.line",
      color: "yellow",
    },
    { name: "=SUM(A1)", comment: "", startFrame: 1900, durationFrames: 1, kind: "keyword", color: "green" },
  ],
  keywords: [],
  description: "",
  logComment: "",
};

describe("exports", () => {
  it("CSV: quoted fields, drop-frame timecodes from the clip's start, formula-safe", () => {
    const csv = exportCsv(clip, plan);
    expect(csv.startsWith("\uFEFFname,comment,kind,color,start_frame,end_frame,start_timecode,end_timecode\r\n")).toBe(
      true,
    );
    expect(csv).toContain('"Köln, ""Hbf""",ocr 91%,ocr.line,yellow,1800,1860,01:01:00;02,01:01:02;02\r\n');
    expect(csv).toContain(`"'=SUM(A1)"`);
  });

  it("EDL: one event over the clip with ASCII locators at drop-frame timecodes", () => {
    const edl = exportEdl(clip, plan).split("\r\n");
    expect(edl[0]).toBe("TITLE: Buergerschaft Sitzung");
    expect(edl[1]).toBe("FCM: DROP FRAME");
    expect(edl[3]).toBe("001  AX       V     C        01:00:00;00 01:01:06;22 01:00:00;00 01:01:06;22");
    expect(edl).toContain('* LOC: 01:01:00;02 YELLOW  Koeln, "Hbf"');
    expect(edl.every((line) => /^[\x20-\x7e]*$/.test(line))).toBe(true);
  });
});
