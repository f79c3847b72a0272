import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpeg, makeClip, makeCutClip, makeTempDir } from "./fixtures.ts";
import { runTool } from "../src/media/ToolProcess.ts";
import { runCli } from "./runCli.ts";

/**
 * The formats real footage comes in, each through the command line as a user meets it: every clip
 * is a few seconds generated here, so the file runs in seconds.
 */
let dir: string;
let home: string;
beforeAll(() => {
  dir = makeTempDir("sichter-formats-");
  home = path.join(dir, "home");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const env = (): NodeJS.ProcessEnv => ({ SICHTER_HOME: home });
/** A whole analysis takes seconds; on a loaded two-core machine it may take minutes. */
const ANALYSIS_TIMEOUT = 300_000;

describe("WebM", () => {
  // At 29.97 fps in WebM's millisecond time base, two frames after a seek can round to the same
  // output timestamp at the picture encoder: the keyframe burst used to fail there.
  it.each([
    ["VP8", "vp8.webm", ["-c:v", "libvpx", "-b:v", "300k", "-deadline", "realtime", "-cpu-used", "8"]],
    ["VP9", "vp9.webm", ["-c:v", "libvpx-vp9", "-b:v", "300k", "-deadline", "realtime", "-cpu-used", "8"]],
  ])(
    "%s at 30000/1001: keyframes of every shot, and the clip analysed",
    async (_name, name, codecArgs) => {
      const clip = path.join(dir, name);
      await makeCutClip(clip, [120, 120], { rate: "30000/1001", codecArgs });
      const out = path.join(dir, `out-${name}`);
      const r = await runCli(["keyframes", clip, "--out", out, "--json"], { env: env() });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const index = JSON.parse(r.stdout) as { shots: number; keyframes: Array<{ shot: number; file: string }> };
      expect(index.shots).toBe(2);
      expect(new Set(index.keyframes.map((k) => k.shot))).toEqual(new Set([0, 1]));
      for (const k of index.keyframes) expect(fs.statSync(path.join(out, k.file)).size).toBeGreaterThan(1000);

      // An analyzer that misses its deadline on a loaded machine fails alone; the clip is still
      // analysed and catalogued, which is what this checks.
      const analysed = await runCli(["analyze", clip, "--no-write", "--json"], { env: env() });
      expect(analysed.stderr).not.toContain("SICHTER_E_TOOL_FAILED");
      const [result] = (JSON.parse(analysed.stdout) as { clips: Array<{ shots: unknown[]; keyframes: unknown[] }> })
        .clips;
      expect(result!.shots).toHaveLength(2);
      expect(result!.keyframes.length).toBeGreaterThanOrEqual(2);
    },
    ANALYSIS_TIMEOUT,
  );
});

describe("slideshows under one frame per second", () => {
  // Timecode counts whole frames per second: a picture every 5 s has no frame label to sit on.
  it("are refused with a code and a message that say why, by every command", async () => {
    const clip = await makeClip(path.join(dir, "slides.mp4"), { rate: "1/5", seconds: 20 });
    for (const args of [
      ["analyze", clip, "--no-write"],
      ["keyframes", clip, "--out", path.join(dir, "out-slides")],
      ["shots", clip],
    ]) {
      const r = await runCli(args, { env: env() });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^SICHTER_E_FRAME_RATE_TOO_LOW: /m);
      expect(r.stderr).toContain("1/5");
      expect(r.stderr).not.toMatch(/SICHTER_E_INTERNAL|SICHTER_E_TIMECODE_INVALID/);
    }
    const de = await runCli(["shots", clip], { env: { ...env(), SICHTER_LANG: "de" } });
    expect(de.stderr).toMatch(/^SICHTER_E_FRAME_RATE_TOO_LOW: .*Bild/m);
  });
});

describe("non-square pixels", () => {
  // PAL 16:9: 704x576 stored, each pixel 16:11 wide, shown as 1024x576.
  it("probe reports the pixel aspect, and keyframe pictures are saved unsqueezed", async () => {
    const clip = await makeClip(path.join(dir, "pal-wide.mp4"), {
      size: "704x576",
      seconds: 3,
      extraArgs: ["-vf", "setsar=16/11"],
    });
    const probed = await runCli(["probe", clip, "--json"], { env: env() });
    expect(probed.code).toBe(0);
    expect(JSON.parse(probed.stdout)).toMatchObject({ width: 704, height: 576, pixelAspect: "16/11" });

    const out = path.join(dir, "out-pal-wide");
    const r = await runCli(["keyframes", clip, "--out", out, "--width", "640", "--json"], { env: env() });
    expect(r.code).toBe(0);
    const [keyframe] = (JSON.parse(r.stdout) as { keyframes: Array<{ file: string }> }).keyframes;
    // 16:9 at 640 wide is 360 high; squeezed it would be 524.
    expect(await pictureSize(path.join(out, keyframe!.file))).toEqual({ width: 640, height: 360, sar: "1:1" });
  });
});

async function pictureSize(file: string): Promise<{ width: number; height: number; sar: string }> {
  const probe = await runTool("ffprobe", [
    "-v",
    "error",
    "-show_entries",
    "stream=width,height,sample_aspect_ratio",
    "-of",
    "json",
    file,
  ]);
  const [stream] = (
    JSON.parse(probe.stdout) as { streams: Array<{ width: number; height: number; sample_aspect_ratio?: string }> }
  ).streams;
  return { width: stream!.width, height: stream!.height, sar: stream!.sample_aspect_ratio ?? "1:1" };
}

describe("variable frame rate", () => {
  // 138 frames at 24000/1001 with every other frame of 20..69 left out: 113 frames, the cut to
  // colour bars at 3.754 s (frame 90 of the nominal rate) is file frame 65. An editing application
  // counts the clip's timecode at 23.976: the cut is 00:00:03:18, not 00:00:03:05 (65 frames at the
  // 19.6 fps average).
  it(
    "counts timecodes at the stream's nominal rate in the shot table and the EDL",
    async () => {
      const clip = path.join(dir, "vfr.mp4");
      await ffmpeg([
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=320x180:rate=24000/1001:duration=4",
        "-f",
        "lavfi",
        "-i",
        "smptebars=size=320x180:rate=24000/1001:duration=3",
        "-filter_complex",
        "[0:v]trim=end_frame=90,setpts=PTS-STARTPTS[a];[1:v]trim=end_frame=48,setpts=PTS-STARTPTS[b];[a][b]concat=n=2:v=1,select='not(between(n\\,20\\,69)*mod(n\\,2))'[o]",
        "-map",
        "[o]",
        "-vsync",
        "vfr",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
        clip,
      ]);
      const shots = await runCli(["shots", clip, "--json"], { env: env() });
      expect(shots.code).toBe(0);
      const report = JSON.parse(shots.stdout) as {
        frameRate: string;
        variableFrameRate: boolean;
        shots: Array<{ startFrame: number; startTimecode: string; endTimecode: string }>;
      };
      expect(report).toMatchObject({ frameRate: "24000/1001", variableFrameRate: true });
      expect(report.shots.map((s) => [s.startFrame, s.startTimecode, s.endTimecode])).toEqual([
        [0, "00:00:00:00", "00:00:03:18"],
        [65, "00:00:03:18", "00:00:05:18"],
      ]);
      const table = await runCli(["shots", clip], { env: env() });
      expect(table.stdout).toMatch(/00:00:03:18\s+00:00:05:18\s+48\s+cut/);

      const analysed = await runCli(["analyze", clip, "--no-write"], { env: env() });
      expect(analysed.stdout).toMatch(/vfr\.mp4: 2 shots/);
      const edl = await runCli(["export", clip, "--format", "edl"], { env: env() });
      expect(edl.code).toBe(0);
      expect(edl.stdout).toContain("001  AX       V     C        00:00:00:00 00:00:05:18 00:00:00:00 00:00:05:18");
      expect(edl.stdout).toMatch(/\* LOC: 00:00:03:18 BLUE +Shot 2/);
      expect(edl.stdout).not.toContain("00:00:03:05");
    },
    ANALYSIS_TIMEOUT,
  );
});

describe("a file cut short", () => {
  // An 8 s MP4 with its index in front, cut off after 40 % of its bytes (an upload or a copy that
  // stopped): the index lists 200 frames, the data holds the first 3 s or so.
  it(
    "is analysed as far as it goes, with a warning of what is missing in the result and the catalog",
    async () => {
      const full = await makeClip(path.join(dir, "full.mp4"), {
        seconds: 8,
        codecArgs: ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart"],
      });
      const clip = path.join(dir, "cut-short.mp4");
      const bytes = fs.readFileSync(full);
      fs.writeFileSync(clip, bytes.subarray(0, Math.round(bytes.length * 0.4)));

      const r = await runCli(["analyze", clip, "--no-write", "--json"], { env: env() });
      expect(r.stderr).toMatch(/SICHTER_E_MEDIA_TRUNCATED: .*200 frames/);
      const [doc] = (
        JSON.parse(r.stdout) as {
          clips: Array<{
            clip: { frameCount: number };
            warnings: Array<{ code: string; message: string }>;
            tags: Array<{ kind: string; startFrame: number }>;
          }>;
        }
      ).clips;
      const read = doc!.clip.frameCount;
      expect(read).toBeGreaterThan(25);
      expect(read).toBeLessThan(120);
      expect(doc!.warnings).toEqual([
        { code: "SICHTER_E_MEDIA_TRUNCATED", message: expect.stringContaining(`only the first ${read}`) },
      ]);
      expect(doc!.tags).toContainEqual(expect.objectContaining({ kind: "cue.truncated", startFrame: read - 1 }));

      // The catalog keeps it: the clip's markers say where the file stops.
      const exported = await runCli(["export", clip, "--format", "csv"], { env: env() });
      expect(exported.code).toBe(0);
      expect(exported.stdout).toMatch(/cue\.truncated/);
    },
    ANALYSIS_TIMEOUT,
  );
});
