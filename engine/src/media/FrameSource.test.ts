import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpeg, makeTempDir } from "../../test/fixtures.ts";
import { readFrames } from "./FrameReader.ts";
import { mediaFrameSource } from "./FrameSource.ts";
import type { MediaInfo } from "./MediaInfo.ts";
import { probeMedia } from "./probeMedia.ts";

const root = makeTempDir("sichter-frame-source-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Which frame of the whole decode a picture is: the nearest by pixel difference. */
function identify(all: readonly Uint8Array[], picture: Uint8Array): number {
  let best = -1;
  let bestDifference = Infinity;
  all.forEach((frame, i) => {
    let d = 0;
    for (let j = 0; j < picture.length; j++) d += Math.abs(picture[j]! - frame[j]!);
    if (d < bestDifference) {
      bestDifference = d;
      best = i;
    }
  });
  return best;
}

const H264 = ["-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-bf", "2", "-pix_fmt", "yuv420p"];
const MPEG2_MXF = [
  "-c:v",
  "mpeg2video",
  "-g",
  "15",
  "-bf",
  "2",
  "-r",
  "30000/1001",
  "-pix_fmt",
  "yuv422p",
  "-f",
  "mxf",
];

describe.each([
  ["MPEG-TS (seeks land off; frames are picked by timestamp)", "clip.ts", [...H264, "-f", "mpegts"]],
  ["MPEG-2 in MXF (accurate seeks land a frame early; frames are picked by timestamp)", "clip.mxf", MPEG2_MXF],
  ["MP4", "clip.mp4", H264],
])("mediaFrameSource on %s", (_name, file, format) => {
  let media: MediaInfo;
  const all: Uint8Array[] = [];

  beforeAll(async () => {
    const target = path.join(root, file);
    // testsrc2 draws a moving pattern and a running counter: every frame looks different.
    await ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=12", ...format, target]);
    media = await probeMedia(target);
    for await (const frame of readFrames({
      file: media.path,
      geometry: { width: 64, height: 36, pixelFormat: "rgb24" },
    }))
      all.push(frame);
  }, 60_000);

  it("returns exactly the frames asked for: keyframes, just after them, mid-GOP, runs and the last frame", async () => {
    const source = mediaFrameSource(media);
    for (const first of [0, 37, 50, 51, 100, 102, 137, 140, 151, media.frameCount - 1]) {
      const count = first === 137 ? 3 : 1;
      const pictures = await source.rgb(first, 64, count);
      expect(pictures.map((p) => identify(all, p.data))).toEqual(Array.from({ length: count }, (_, i) => first + i));
    }
  }, 60_000);
});
