import { describe, expect, it } from "vitest";
import { formatDuration, formatRate, timecodeOf, timecodeRange } from "./clipFacts.ts";

const clip = {
  frameRate: "30000/1001",
  dropFrame: true,
  startTimecode: "01:00:00;00",
  frameCount: 1800,
  durationSeconds: 60.06,
};

describe("clip facts", () => {
  it("labels frames with the clip's own drop-frame timecode", () => {
    expect(timecodeOf(clip, 1800)).toBe("01:01:00;02");
    expect(timecodeRange(clip)).toBe("01:00:00;00–01:00:59;29");
  });

  it("gives no timecode rather than a wrong one for unusable timing", () => {
    expect(timecodeOf({ ...clip, frameRate: "0/0" }, 10)).toBe("");
  });

  it("formats durations and rates as editors read them", () => {
    expect(formatDuration(29.88)).toBe("0:30");
    expect(formatDuration(725)).toBe("12:05");
    expect(formatDuration(3723)).toBe("1:02:03");
    expect(formatRate("30000/1001", "de")).toBe("29,97");
    expect(formatRate("30000/1001", "en")).toBe("29.97");
    expect(formatRate("25/1", "en")).toBe("25");
  });
});
