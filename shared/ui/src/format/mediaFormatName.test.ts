import { describe, expect, it } from "vitest";
import { mediaFormatName } from "./mediaFormatName.ts";

describe("mediaFormatName", () => {
  it("names what Chromium cannot play as editors do", () => {
    expect(["prores", "dnxhd", "mxf", "mpeg2video", "vp9", null].map(mediaFormatName)).toEqual([
      "ProRes",
      "DNxHD/DNxHR",
      "MXF",
      "MPEG-2",
      "VP9",
      "",
    ]);
  });
});
