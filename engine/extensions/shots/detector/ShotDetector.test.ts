import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ErrorCode,
  CancellationTokenSource,
  isSichterError,
  probeMedia,
  liveToolProcessCount,
  runTool,
  keyframePictureGeometry,
  decodeRun,
  bytesPerFrame,
  readFrames,
  keyframeFrameGeometry,
  sichterDirs,
  FRAME_RUN_FRAMES,
  frameRunGeometry,
  FrameStoreReader,
  FrameStoreWriter,
  type StoredPictures,
} from "@sichter/engine/extension-api";
import { decodeAllGrey, makeCutClip, makeTempDir } from "../../../test/fixtures.ts";
import { detectShots } from "./ShotDetector.ts";

let dir: string;
const lengths = [37, 53, 61, 29, 70];
let cuts: number[];

beforeAll(async () => {
  dir = makeTempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const starts = (shots: ReadonlyArray<{ startFrame: number }>): number[] => shots.map((s) => s.startFrame);

type Stored = {
  result: Awaited<ReturnType<typeof detectShots>>;
  folder: string;
  pictures: StoredPictures[];
  reader: FrameStoreReader;
};

/** Shots found with a frame store of its own in a fresh folder: what it kept (full paths), and a reader of it. */
async function detectWithStore(
  media: Awaited<ReturnType<typeof probeMedia>>,
  mode: "fast" | "exact",
  budget?: number,
): Promise<Stored> {
  const folder = fs.mkdtempSync(path.join(dir, "store-"));
  const writer = new FrameStoreWriter(folder, budget);
  try {
    const result = await detectShots(media, { mode, frameStore: writer });
    const pictures = writer.index().pictures.map((p) => ({ ...p, file: path.join(folder, p.file) }));
    return { result, folder, pictures, reader: new FrameStoreReader({ pictures }) };
  } finally {
    writer.dispose();
  }
}

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
    await makeCutClip(file, lengths, {
      codecArgs: ["-c:v", "libx264", "-preset", "veryfast", "-g", "250", "-pix_fmt", "yuv420p"],
    });
    const media = await probeMedia(file);
    const fast = await detectShots(media, { mode: "fast" });
    expect(fast.mode).toBe("fast");
    expect(starts(fast.shots)).toEqual([0, ...cuts]);
  });

  it("puts a 64-px picture of every keyframe from the keyframe pass into the frame store, and makes no job folder of its own", async () => {
    const media = await probeMedia(path.join(dir, "scenecut.mp4"));
    // A home of its own: other test files run beside this one and make job folders of their own.
    const home = process.env.SICHTER_HOME;
    process.env.SICHTER_HOME = path.join(dir, "home");
    const jobFolders = (): string[] => (fs.existsSync(sichterDirs().temp) ? fs.readdirSync(sichterDirs().temp) : []);
    let fast: Stored;
    try {
      fast = await detectWithStore(media, "fast");
      expect(jobFolders()).toEqual([]);
    } finally {
      if (home === undefined) delete process.env.SICHTER_HOME;
      else process.env.SICHTER_HOME = home;
    }
    const geometry = keyframePictureGeometry(media);
    expect(geometry).toEqual({ width: 64, height: 36, pixelFormat: "rgb24" });
    const pictures = await Promise.all(media.keyframes.map((k) => fast.reader.frame(k, geometry)));
    expect(pictures.every((p) => p?.length === 64 * 36 * 3)).toBe(true);
    // Not all one colour: the cut clip's sources differ.
    expect(new Set(pictures.map((p) => p!.slice(0, 300).join())).size).toBeGreaterThan(1);
    expect(starts(fast.result.shots)).toEqual([0, ...cuts]);
    await fast.reader.dispose();
    const exact = await detectWithStore(media, "exact");
    expect(exact.pictures).toEqual([]);
    expect(fs.readdirSync(exact.folder)).toEqual([]);
  });

  it("puts the keyframes at OCR's width into the frame store as OCR's own decode makes them, within the budget", async () => {
    const media = await probeMedia(path.join(dir, "fixed-gop.mp4"));
    const geometry = keyframeFrameGeometry(media);
    const size = bytesPerFrame(geometry);
    const chunks: Buffer[] = [];
    for await (const frame of readFrames({ file: media.path, keyframesOnly: true, geometry }))
      chunks.push(Buffer.from(frame));
    const reference = Buffer.concat(chunks);
    expect(media.keyframes.length).toBeGreaterThan(3);
    const eachKeyframe = (n: number) => media.keyframes.slice(0, n).map((k) => [k, 1]);

    const fast = await detectWithStore(media, "fast");
    const keyframes = fast.pictures.find((p) => path.basename(p.file) === "keyframes.rgb")!;
    expect(keyframes).toEqual({
      file: path.join(fast.folder, "keyframes.rgb"),
      ...geometry,
      spans: eachKeyframe(media.keyframes.length),
    });
    expect(fs.readFileSync(keyframes.file).equals(reference)).toBe(true);
    // The pass keeps deblocking for these; the verdicts stay those of the plain pass.
    expect(starts(fast.result.shots)).toEqual([0, ...cuts]);

    // Pictures at OCR's width take at most their share of the budget (8/9), the leading keyframes first.
    const partial = await detectWithStore(media, "fast", Math.ceil(((2 * size + 1) * 9) / 8));
    const large = partial.pictures.filter((p) => p.width === geometry.width);
    // Frames besides the keyframes only once every keyframe is stored.
    expect(large.map((p) => p.spans)).toEqual([eachKeyframe(2)]);
    expect(fs.readFileSync(large[0]!.file).equals(reference.subarray(0, 2 * size))).toBe(true);

    expect((await detectWithStore(media, "fast", size - 1)).pictures.filter((p) => p.width === geometry.width)).toEqual(
      [],
    );
    const exact = await detectWithStore(media, "exact");
    expect(fs.readdirSync(exact.folder)).toEqual([]);
  });

  it("puts the frame a second before each refined gap's closing keyframe at OCR's width into the store, as a decode without deblocking on B-frames makes it", async () => {
    const media = await probeMedia(path.join(dir, "scenecut.mp4"));
    const geometry = keyframeFrameGeometry(media);
    const size = bytesPerFrame(geometry);
    const fast = await detectWithStore(media, "fast");
    expect(starts(fast.result.shots)).toEqual([0, ...cuts]);
    const others = fast.pictures.filter((p) => p.width === geometry.width && path.basename(p.file) !== "keyframes.rgb");
    const frames = others.flatMap((o) => o.spans.map(([first]) => first));
    // x264 put a keyframe on every cut; the shot before each ends on it. The last GOP, always
    // refined, is closed by the clip's end.
    expect(frames.sort((a, b) => a - b)).toEqual([...cuts, media.frameCount].map((c) => c - 25));
    const all = await runTool("ffmpeg", [
      "-v",
      "error",
      "-nostdin",
      "-skip_loop_filter",
      "bidir",
      "-i",
      media.path,
      "-map",
      "0:v:0",
      "-vf",
      `scale=${geometry.width}:${geometry.height}:flags=area,format=rgb24`,
      "-vsync",
      "passthrough",
      "-f",
      "rawvideo",
      "pipe:1",
    ]);
    for (const frame of frames) {
      const data = await fast.reader.frame(frame, geometry);
      expect(Buffer.from(data!).equals(all.output.subarray(frame * size, (frame + 1) * size)), `frame ${frame}`).toBe(
        true,
      );
    }
    expect(await fast.reader.frame(1, geometry)).toBeUndefined();
    await fast.reader.dispose();

    // No room beside the keyframes: none kept, none left on disk.
    const full = await detectWithStore(media, "fast", Math.ceil((media.keyframes.length * size * 9) / 8));
    expect(full.pictures.filter((p) => p.width === geometry.width).map((p) => path.basename(p.file))).toEqual([
      "keyframes.rgb",
    ]);
    expect(fs.readdirSync(full.folder).sort()).toEqual(full.pictures.map((p) => path.basename(p.file)).sort());
  });

  it("puts every refine window's frames at the keyframe pictures' size into the store, as a short decode from the window's keyframe makes them", async () => {
    const media = await probeMedia(path.join(dir, "fixed-gop.mp4"));
    const geometry = keyframePictureGeometry(media);
    const size = bytesPerFrame(geometry);
    const fast = await detectWithStore(media, "fast");
    expect(starts(fast.result.shots)).toEqual([0, ...cuts]);
    const windows = fast.pictures
      .filter(
        (p) =>
          p.width === geometry.width && p.pixelFormat === "rgb24" && path.basename(p.file) !== "keyframes.small.rgb",
      )
      .map((p) => ({ first: p.spans[0]![0], count: p.spans[0]![1], spans: p.spans.length }));
    expect(windows.every((w) => w.spans === 1)).toBe(true);
    // A window per cut: every cut lies inside one, which starts on a keyframe.
    for (const cut of cuts) expect(windows.some((w) => w.first < cut && cut < w.first + w.count)).toBe(true);
    for (const w of windows) {
      expect(media.keyframes).toContain(w.first);
      const own = await decodeRun(media, w.first, w.count, geometry);
      const stored = await fast.reader.frames(w.first, w.count, geometry);
      expect(Buffer.concat(stored!).equals(Buffer.concat(own.frames)), `window at ${w.first}`).toBe(true);
    }
    await fast.reader.dispose();
    // Within the budget only: room for the keyframe pictures and one picture more holds no window,
    // and no run; nothing but what was kept is left on disk.
    const tight = await detectWithStore(media, "fast", (media.keyframes.length + 1) * size);
    expect(tight.pictures.map((p) => path.basename(p.file))).toEqual(["keyframes.small.rgb"]);
    expect(fs.readdirSync(tight.folder)).toEqual(["keyframes.small.rgb"]);
    expect(starts(tight.result.shots)).toEqual([0, ...cuts]);
  });

  it.each(["fixed-gop.mp4", "scenecut.mp4"])(
    "%s: puts a run of exact frames after every keyframe it refines from into the store",
    async (name) => {
      const media = await probeMedia(path.join(dir, name));
      const fast = await detectWithStore(media, "fast");
      expect(starts(fast.result.shots)).toEqual([0, ...cuts]);
      const geometry = frameRunGeometry(media);
      expect(geometry).toEqual({ width: 160, height: 90, pixelFormat: "gray" });
      const runs = fast.pictures.filter((p) => p.pixelFormat === "gray").flatMap((p) => p.spans);
      expect(runs.length).toBeGreaterThan(0);
      expect(runs.every(([first, count]) => media.keyframes.includes(first) && count === FRAME_RUN_FRAMES)).toBe(true);
      // The same bytes as a full decode from the start without deblocking, as the windows decode.
      const size = 160 * 90;
      const all = await decodeAllGrey(media.path, 160, 90, { deblock: false });
      const exact = await decodeAllGrey(media.path, 160, 90);
      let sum = 0;
      let count = 0;
      for (const [first] of runs) {
        const data = Buffer.concat((await fast.reader.frames(first, FRAME_RUN_FRAMES, geometry))!);
        expect(data.equals(all.subarray(first * size, (first + 6) * size)), `run at ${first}`).toBe(true);
        // What the frame store promises of the skipped deblocking: under a grey level off exact frames on average.
        for (let i = 0; i < data.length; i++, count++) sum += Math.abs(data[i]! - exact[first * size + i]!);
      }
      expect(sum / count).toBeLessThan(1);
      await fast.reader.dispose();
      expect((await detectWithStore(media, "exact")).pictures).toEqual([]);
    },
  );

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

  it("an intra-only file's exact decode keeps every frame's small picture, the bytes a keyframes-only decode gives", async () => {
    const media = await probeMedia(path.join(dir, "intra.mov"));
    const geometry = keyframePictureGeometry(media);
    const size = bytesPerFrame(geometry);
    const exact = await detectWithStore(media, "exact");
    expect(exact.result.mode).toBe("exact");
    expect(exact.pictures.map((p) => p.spans)).toEqual([[[0, media.frameCount]]]);
    const own: Buffer[] = [];
    for await (const data of readFrames({ file: media.path, keyframesOnly: true, fastDecode: true, geometry })) {
      own.push(Buffer.from(data));
    }
    expect(own).toHaveLength(media.frameCount);
    const kept = await exact.reader.frames(0, media.frameCount, geometry);
    expect(Buffer.concat(kept!).equals(Buffer.concat(own))).toBe(true);
    expect(Buffer.concat(own).length).toBe(media.frameCount * size);
    await exact.reader.dispose();
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
    const run = detectShots(
      media,
      { mode: "exact" },
      { report: () => void (++reports === 1 && cts.cancel()) },
      cts.token,
    );
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isSichterError(error, ErrorCode.CANCELLED)).toBe(true);
    expect(liveToolProcessCount()).toBe(0);
  });
});
