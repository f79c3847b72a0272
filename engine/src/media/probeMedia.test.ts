import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/errors";
import { ffmpeg, makeClip, makeTempDir } from "../../test/fixtures.ts";
import { SichterError } from "../core/SichterError.ts";
import { probeMedia } from "./probeMedia.ts";

let dir: string;
let clip: string;

beforeAll(async () => {
  dir = makeTempDir();
  clip = await makeClip(path.join(dir, "clip.mp4"), { seconds: 2, extraArgs: ["-g", "12"] });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function probeError(file: string): Promise<SichterError> {
  const error = await probeMedia(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SichterError);
  return error as SichterError;
}

describe("probeMedia on good input", () => {
  it("reads format, exact rate, frame count and keyframes from packets", async () => {
    const m = await probeMedia(clip);
    expect(m).toMatchObject({
      container: "mov",
      codec: "h264",
      width: 320,
      height: 180,
      frameRate: "25/1",
      frameCount: 50,
      variableFrameRate: false,
      intraOnly: false,
      interlaced: false,
      startTimecode: null,
      dropFrame: false,
    });
    expect(m.durationSeconds).toBeCloseTo(2, 6);
    expect(m.keyframes[0]).toBe(0);
    expect(m.keyframes).toContain(12);
    expect(m.frameTimes).toHaveLength(50);
    expect(m.frameTimes[25]).toBeCloseTo(1, 6);
  });

  it("reads a drop-frame start timecode at 29.97", async () => {
    const file = path.join(dir, "ntsc.mov");
    await makeClip(file, { seconds: 1, rate: "30000/1001", extraArgs: ["-timecode", "01:00:00;00"] });
    const m = await probeMedia(file);
    expect(m.frameRate).toBe("30000/1001");
    expect(m.startTimecode).toBe("01:00:00;00");
    expect(m.dropFrame).toBe(true);
    expect(m.frameCount).toBe(30);
  });

  it("sees every frame as a keyframe in an intra-only codec", async () => {
    const file = path.join(dir, "intra.mov");
    await makeClip(file, { seconds: 1, codecArgs: ["-c:v", "mjpeg", "-q:v", "5"] });
    const m = await probeMedia(file);
    expect(m.intraOnly).toBe(true);
    expect(m.keyframes).toHaveLength(m.frameCount);
  });

  it("detects variable frame rate from packet timing", async () => {
    const file = path.join(dir, "vfr.mp4");
    // Every third frame held three times as long: a constant-rate claim would be wrong.
    await makeClip(file, {
      seconds: 2,
      extraArgs: ["-vf", "setpts='N/25/TB + floor(N/3)*2/25/TB'", "-vsync", "vfr"],
    });
    const m = await probeMedia(file);
    expect(m.variableFrameRate).toBe(true);
    expect(m.frameCount).toBe(50);
  });

  it("handles unicode and spaces in paths", async () => {
    const file = path.join(dir, "Ünïcødé Clip – 東京 'quote' $HOME.mp4");
    fs.copyFileSync(clip, file);
    const m = await probeMedia(file);
    expect(m.path).toBe(file);
    expect(m.frameCount).toBe(50);
  });

  it("resolves symlinks to the real file", async () => {
    const link = path.join(dir, "link.mp4");
    fs.symlinkSync(clip, link);
    expect((await probeMedia(link)).path).toBe(fs.realpathSync(clip));
  });
});

describe("probeMedia on bad input", () => {
  it("missing file", async () => {
    const e = await probeError(path.join(dir, "nope.mp4"));
    expect(e.code).toBe(ErrorCode.FILE_NOT_FOUND);
    expect(e.message).toContain("nope.mp4");
  });

  it("a directory", async () => {
    expect((await probeError(dir)).code).toBe(ErrorCode.NOT_A_FILE);
  });

  it("zero-length file", async () => {
    const file = path.join(dir, "empty.mp4");
    fs.writeFileSync(file, "");
    expect((await probeError(file)).code).toBe(ErrorCode.PROBE_EMPTY_FILE);
  });

  it("a text file named .mp4", async () => {
    const file = path.join(dir, "notes.mp4");
    fs.writeFileSync(file, "Sichtung: Landtag, Totale, 3 Minuten.\n".repeat(50));
    expect((await probeError(file)).code).toBe(ErrorCode.PROBE_NOT_MEDIA);
  });

  it("a text file with a .txt name (ffmpeg would render it as ANSI art)", async () => {
    const file = path.join(dir, "notes.txt");
    fs.writeFileSync(file, "Sichtung: Landtag, Totale, 3 Minuten.\n".repeat(50));
    expect((await probeError(file)).code).toBe(ErrorCode.PROBE_NOT_MEDIA);
  });

  it("a still image", async () => {
    const file = path.join(dir, "still.png");
    await ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=64x36:duration=0.04", "-frames:v", "1", file]);
    expect((await probeError(file)).code).toBe(ErrorCode.PROBE_NOT_VIDEO);
  });

  it("audio only", async () => {
    const file = path.join(dir, "audio.m4a");
    await ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", file]);
    const e = await probeError(file);
    expect(e.code).toBe(ErrorCode.PROBE_NOT_VIDEO);
    expect(e.message).toContain("audio: aac");
  });

  it("truncated file (index lost)", async () => {
    const file = path.join(dir, "truncated.mp4");
    const bytes = fs.readFileSync(clip);
    // ffmpeg writes the index (moov) at the end: the first half is data without a map.
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect((await probeError(file)).code).toBe(ErrorCode.PROBE_CORRUPT);
  });

  it("intact index, garbage pictures", async () => {
    const file = path.join(dir, "garbage.mp4");
    const bytes = Buffer.from(fs.readFileSync(clip));
    const mdat = bytes.indexOf("mdat");
    // ffmpeg writes the index (moov) after the data; it stays intact so the container still opens.
    const moov = bytes.lastIndexOf("moov");
    expect(moov).toBeGreaterThan(mdat);
    let seed = 7;
    for (let i = mdat + 4; i < moov - 8; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed & 0xff;
    }
    fs.writeFileSync(file, bytes);
    expect((await probeError(file)).code).toBe(ErrorCode.PROBE_CORRUPT);
  });
});
