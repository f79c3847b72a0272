import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/errors";
import { decodeAllGrey, makeCutClip, makeTempDir } from "../../../test/fixtures.ts";
import { CancellationTokenSource } from "../../core/Cancellation.ts";
import { isSichterError } from "../../core/SichterError.ts";
import { probeMedia } from "../../media/probeMedia.ts";
import { liveToolProcessCount, runTool } from "../../media/ToolProcess.ts";
import { keyframePictureGeometry, keyframePictureList } from "../../media/KeyframePictures.ts";
import { decodeRun } from "../../media/keyframeSeek.ts";
import { bytesPerFrame, readFrames } from "../../media/FrameReader.ts";
import { keyframeFrameGeometry, readOtherFrame } from "../../media/KeyframeFrames.ts";
import { sichterDirs } from "../../core/SichterHome.ts";
import { detectShots } from "./ShotDetector.ts";

let dir: string;
const lengths = [37, 53, 61, 29, 70];
let cuts: number[];

beforeAll(async () => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const starts = (shots: ReadonlyArray<{ startFrame: number }>): number[] => shots.map((s) => s.startFrame);

describe("detectShots on real encodes", () => {
  it("fixed GOP without scene-cut keyframes: fast finds mid-GOP cuts exactly and decodes less", async () => {
    const file = path.join(dir, "fixed-gop.mp4");
    cuts = await makeCutClip(file, lengths, {
      codecArgs: ["-c:v", "libx264", "-preset", "ultrafast", "-g", "24", "-sc_threshold", "0", "-pix_fmt", "yuv420p"],
    });
    const media = await probeMedia(file);
    expect(media.keyframes.filter((k) => cuts.includes(k))).toEqual([]);
    const fast = await detectShots(media, { mode: "fast" });
    const exact = await detectShots(media, { mode: "exact" });
    expect(fast.mode).toBe("fast");
    expect(fast.fallbackReason).toBeNull();
    expect(starts(fast.shots)).toEqual([0, ...cuts]);
    expect(starts(exact.shots)).toEqual([0, ...cuts]);
    expect(fast.decodedFrames).toBeLessThan(media.frameCount);
    expect(exact.decodedFrames).toBe(media.frameCount);
    expect(fast.shots.at(-1)!.endFrame).toBe(media.frameCount);
  });

  it("x264 scene-cut keyframes: the cut frame is the keyframe the encoder placed", async () => {
    const file = path.join(dir, "scenecut.mp4");
    await makeCutClip(file, lengths, { codecArgs: ["-c:v", "libx264", "-preset", "veryfast", "-g", "250", "-pix_fmt", "yuv420p"] });
    const media = await probeMedia(file);
    const fast = await detectShots(media, { mode: "fast" });
    expect(fast.mode).toBe("fast");
    expect(starts(fast.shots)).toEqual([0, ...cuts]);
  });

  it("keeps a 64-px picture of every keyframe from the keyframe pass when asked, and no frame on disk", async () => {
    const media = await probeMedia(path.join(dir, "scenecut.mp4"));
    // A home of its own: other test files run beside this one and make job folders of their own.
    const home = process.env.SICHTER_HOME;
    process.env.SICHTER_HOME = path.join(dir, "home");
    const jobFolders = (): string[] => (fs.existsSync(sichterDirs().temp) ? fs.readdirSync(sichterDirs().temp) : []);
    let fast: Awaited<ReturnType<typeof detectShots>>;
    try {
      fast = await detectShots(media, { mode: "fast", keyframePictures: true });
      expect(jobFolders()).toEqual([]);
    } finally {
      if (home === undefined) delete process.env.SICHTER_HOME;
      else process.env.SICHTER_HOME = home;
    }
    const pictures = keyframePictureList(fast.keyframePictures, media);
    expect(pictures).toHaveLength(media.keyframes.length);
    expect(pictures!.every((p) => p.width === 64 && p.height === 36 && p.data.length === 64 * 36 * 3)).toBe(true);
    // Not all one colour: the cut clip's sources differ.
    expect(new Set(pictures!.map((p) => p.data.slice(0, 300).join())).size).toBeGreaterThan(1);
    expect(starts(fast.shots)).toEqual([0, ...cuts]);
    expect((await detectShots(media, { mode: "exact", keyframePictures: true })).keyframePictures).toBeUndefined();
    expect((await detectShots(media, { mode: "fast" })).keyframePictures).toBeUndefined();
  });

  it("writes the keyframes at OCR's width as OCR's own decode makes them, within the budget", async () => {
    const media = await probeMedia(path.join(dir, "fixed-gop.mp4"));
    const folder = path.join(dir, "keyframe-frames");
    fs.mkdirSync(folder);
    const geometry = keyframeFrameGeometry(media);
    const size = bytesPerFrame(geometry);
    const chunks: Buffer[] = [];
    for await (const frame of readFrames({ file: media.path, keyframesOnly: true, geometry })) chunks.push(Buffer.from(frame));
    const reference = Buffer.concat(chunks);
    expect(media.keyframes.length).toBeGreaterThan(3);

    const fast = await detectShots(media, { mode: "fast", keyframeFrames: { folder } });
    expect(fast.keyframeFrames).toMatchObject({ ...geometry, file: path.join(folder, "keyframes.rgb"), count: media.keyframes.length });
    for (const other of fast.keyframeFrames!.others ?? []) fs.rmSync(other.file);
    expect(fs.readFileSync(fast.keyframeFrames!.file).equals(reference)).toBe(true);
    // The pass keeps deblocking for these; the verdicts stay those of the plain pass.
    expect(starts(fast.shots)).toEqual([0, ...cuts]);

    const partial = await detectShots(media, { mode: "fast", keyframeFrames: { folder, budget: 2 * size + 1 } });
    expect(partial.keyframeFrames?.count).toBe(2);
    // Frames besides the keyframes only once every keyframe is written.
    expect(partial.keyframeFrames?.others).toBeUndefined();
    expect(fs.readFileSync(partial.keyframeFrames!.file).equals(reference.subarray(0, 2 * size))).toBe(true);
    fs.rmSync(partial.keyframeFrames!.file);

    expect((await detectShots(media, { mode: "fast", keyframeFrames: { folder, budget: size - 1 } })).keyframeFrames).toBeUndefined();
    expect((await detectShots(media, { mode: "exact", keyframeFrames: { folder } })).keyframeFrames).toBeUndefined();
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it("keeps the frame a second before each refined gap's closing keyframe at OCR's width, as a decode without deblocking makes it", async () => {
    const media = await probeMedia(path.join(dir, "scenecut.mp4"));
    const folder = path.join(dir, "lead-in-frames");
    fs.mkdirSync(folder);
    const geometry = keyframeFrameGeometry(media);
    const size = bytesPerFrame(geometry);
    const fast = await detectShots(media, { mode: "fast", keyframeFrames: { folder } });
    expect(starts(fast.shots)).toEqual([0, ...cuts]);
    const others = fast.keyframeFrames!.others!;
    // x264 put a keyframe on every cut; the shot before each ends on it. The last GOP, always
    // refined, is closed by the clip's end.
    expect(others.flatMap((o) => o.frames)).toEqual([...cuts, media.frameCount].map((c) => c - 25));
    const all = await runTool("ffmpeg", [
      "-v", "error", "-nostdin", "-skip_loop_filter", "all", "-i", media.path, "-map", "0:v:0",
      "-vf", `scale=${geometry.width}:${geometry.height}:flags=area,format=rgb24`, "-vsync", "passthrough", "-f", "rawvideo", "pipe:1",
    ]);
    for (const other of others) {
      expect(path.dirname(other.file)).toBe(folder);
      const data = fs.readFileSync(other.file);
      expect(data.length).toBe(other.frames.length * size);
      other.frames.forEach((frame, i) => expect(data.subarray(i * size, (i + 1) * size).equals(all.output.subarray(frame * size, (frame + 1) * size)), `frame ${frame}`).toBe(true));
      expect(await readOtherFrame(fast.keyframeFrames!, other.frames[0]!)).toEqual({ width: geometry.width, height: geometry.height, data: new Uint8Array(data.subarray(0, size)) });
    }
    expect(await readOtherFrame(fast.keyframeFrames!, 1)).toBeUndefined();
    for (const file of [fast.keyframeFrames!.file, ...others.map((o) => o.file)]) fs.rmSync(file);

    // No room beside the keyframes, or no keyframe frames at all: none kept, none left on disk.
    expect((await detectShots(media, { mode: "fast", keyframeFrames: { folder, budget: media.keyframes.length * size } })).keyframeFrames?.others).toBeUndefined();
    fs.rmSync(path.join(folder, "keyframes.rgb"));
    expect((await detectShots(media, { mode: "exact", keyframeFrames: { folder } })).keyframeFrames).toBeUndefined();
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it("writes every refine window's frames at the keyframe pictures' size, as a short decode from the window's keyframe makes them", async () => {
    const media = await probeMedia(path.join(dir, "fixed-gop.mp4"));
    const folder = path.join(dir, "window-pictures");
    fs.mkdirSync(folder);
    const geometry = keyframePictureGeometry(media);
    const size = bytesPerFrame(geometry);
    const fast = await detectShots(media, { mode: "fast", windowPictures: { folder } });
    expect(starts(fast.shots)).toEqual([0, ...cuts]);
    const { windows, ...pictures } = fast.windowPictures!;
    expect(pictures).toEqual(geometry);
    // A window per cut: every cut lies inside one, which starts on a keyframe.
    for (const cut of cuts) expect(windows.some((w) => w.first < cut && cut < w.first + w.count)).toBe(true);
    for (const w of windows) {
      expect(media.keyframes).toContain(w.first);
      const own = await decodeRun(media, w.first, w.count, geometry);
      expect(fs.readFileSync(w.file).equals(Buffer.concat(own.frames)), `window at ${w.first}`).toBe(true);
      fs.rmSync(w.file);
    }
    expect(windows.reduce((n, w) => n + w.count, 0) * size).toBeGreaterThan(0);
    // Within the budget only, and none from exact mode; nothing left on disk either way.
    const one = await detectShots(media, { mode: "fast", windowPictures: { folder, budget: (windows[0]!.count + 1) * size } });
    expect(one.windowPictures!.windows).toHaveLength(1);
    fs.rmSync(one.windowPictures!.windows[0]!.file);
    expect((await detectShots(media, { mode: "fast", windowPictures: { folder, budget: size } })).windowPictures).toBeUndefined();
    expect((await detectShots(media, { mode: "exact", windowPictures: { folder } })).windowPictures).toBeUndefined();
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it.each(["fixed-gop.mp4", "scenecut.mp4"])("%s: keeps a run of exact frames after every keyframe it refines from, and no frame on disk", async (name) => {
    const media = await probeMedia(path.join(dir, name));
    const home = process.env.SICHTER_HOME;
    process.env.SICHTER_HOME = path.join(dir, `home-${name}`);
    let fast: Awaited<ReturnType<typeof detectShots>>;
    try {
      fast = await detectShots(media, { mode: "fast", frameRuns: true });
      expect(fs.existsSync(sichterDirs().temp) ? fs.readdirSync(sichterDirs().temp) : []).toEqual([]);
    } finally {
      if (home === undefined) delete process.env.SICHTER_HOME;
      else process.env.SICHTER_HOME = home;
    }
    expect(starts(fast.shots)).toEqual([0, ...cuts]);
    const runs = fast.frameRuns!;
    expect(runs).toMatchObject({ width: 160, height: 90, pixelFormat: "gray" });
    expect(runs.runs.length).toBeGreaterThan(0);
    expect(runs.runs.every((r) => media.keyframes.includes(r.first))).toBe(true);
    // The same bytes as a full decode from the start without deblocking, as the windows decode.
    const size = 160 * 90;
    const all = await decodeAllGrey(media.path, 160, 90, { deblock: false });
    for (const { first, data } of runs.runs) expect(Buffer.from(data).equals(all.subarray(first * size, (first + 6) * size)), `run at ${first}`).toBe(true);
    // What FrameRuns promises of the skipped deblocking: under a grey level off exact frames on average.
    const exact = await decodeAllGrey(media.path, 160, 90);
    let sum = 0;
    let count = 0;
    for (const { first, data } of runs.runs) {
      for (let i = 0; i < data.length; i++, count++) sum += Math.abs(data[i]! - exact[first * size + i]!);
    }
    expect(sum / count).toBeLessThan(1);
    expect((await detectShots(media, { mode: "exact", frameRuns: true })).frameRuns).toBeUndefined();
  });

  it("MPEG-2 in a transport stream: exact frames whether or not seeking is frame-exact", async () => {
    const file = path.join(dir, "broadcast.ts");
    await makeCutClip(file, lengths, { codecArgs: ["-c:v", "mpeg2video", "-q:v", "4", "-g", "15", "-bf", "2"] });
    const media = await probeMedia(file);
    const result = await detectShots(media, { mode: "fast" });
    expect(starts(result.shots)).toEqual([0, ...cuts]);
  });

  it("intra-only codec goes straight to exact mode", async () => {
    const file = path.join(dir, "intra.mov");
    await makeCutClip(file, lengths, { codecArgs: ["-c:v", "mjpeg", "-q:v", "6"] });
    const media = await probeMedia(file);
    const result = await detectShots(media);
    expect(result.mode).toBe("exact");
    expect(starts(result.shots)).toEqual([0, ...cuts]);
  });

  it("minimum shot length merges boundaries closer than it", async () => {
    const file = path.join(dir, "fixed-gop.mp4");
    const media = await probeMedia(file);
    const result = await detectShots(media, { mode: "exact", minShotFrames: 40 });
    // 90 -> 151 is 61 frames, 151 -> 180 only 29: one of the last pair must go.
    const s = starts(result.shots);
    expect(s).toContain(37);
    expect(s.filter((f) => f === 151 || f === 180)).toHaveLength(1);
  });

  it("cancellation stops at once and leaves no ffmpeg running", async () => {
    const media = await probeMedia(path.join(dir, "fixed-gop.mp4"));
    const cts = new CancellationTokenSource();
    let reports = 0;
    const run = detectShots(media, { mode: "exact" }, { report: () => void (++reports === 1 && cts.cancel()) }, cts.token);
    const error = await run.then(() => null, (e: unknown) => e);
    expect(isSichterError(error, ErrorCode.CANCELLED)).toBe(true);
    expect(liveToolProcessCount()).toBe(0);
  });
});
