import { describe, expect, it } from "vitest";
import { errorAboutClip } from "./errorAboutClip.ts";

const clip = { path: "/Volumes/News/Landtag/Drehplan.mp4", name: "Drehplan.mp4" };

describe("errorAboutClip", () => {
  it("names the clip by its file name in the params and in the engine's own text", () => {
    const error = {
      code: "SICHTER_E_PROBE_NOT_MEDIA",
      params: { path: clip.path, detail: 3 },
      message: `Not a media file that ffmpeg can read: ${clip.path}`,
    };
    expect(errorAboutClip(error, clip)).toEqual({
      code: "SICHTER_E_PROBE_NOT_MEDIA",
      params: { path: "Drehplan.mp4", detail: 3 },
      message: "Not a media file that ffmpeg can read: Drehplan.mp4",
    });
  });

  it("leaves other paths and an error without params as they are", () => {
    const error = {
      code: "SICHTER_E_XMP_WRITE_FAILED",
      params: null,
      message: "cannot write /Volumes/News/Landtag/Drehplan.xmp",
    };
    expect(errorAboutClip(error, clip)).toEqual(error);
  });
});
