import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ErrorCode,
  Tag,
  CancellationTokenSource,
  isSichterError,
  Progress,
  liveToolProcessCount,
  probeMedia,
  FrameStoreReader,
  type FrameStoreIndex,
} from "@sichter/engine/extension-api";
import { ffmpeg, makeTempDir } from "../../test/fixtures.ts";
import { CueAnalyzer } from "./CueAnalyzer.ts";
import { findPictureCues } from "./findPictureCues.ts";
import {
  analysisInput,
  concatClip,
  detectShotsWithStore,
  keyframePicturesOf,
  X264,
} from "../../test/support/cueTestClips.ts";
import { isBars, isBlack } from "./pictureChecks.ts";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("sichter-cues-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const S = "size=320x180:rate=25";
const ranges = (tags: readonly Tag[], kind: string): Array<[number, number]> =>
  tags.filter((t) => t.kind === kind).map((t) => [t.startFrame, t.endFrame]);

async function cues(file: string, language: "de" | "en" = "en"): Promise<Tag[]> {
  const { tags } = await new CueAnalyzer().analyze(await analysisInput(file, language), Progress.None);
  for (const tag of tags) Tag.parse(tag);
  return tags;
}

/** 2 s black, 3 s content, 1 s black, 2 s content. */
const BLACK_CLIP = [
  { video: `color=black:${S}`, frames: 50 },
  { video: `testsrc2=${S}`, frames: 75 },
  { video: `color=black:${S}`, frames: 25 },
  { video: `mandelbrot=${S}`, frames: 50 },
];

/** 2 s of content, a card (`card`, `cardFrames` long), 1 s of black, 2 s of content; x264 with scene-cut keyframes. */
function cardThenBlack(name: string, card: string, cardFrames: number): Promise<string> {
  return concatClip(
    dir,
    name,
    [
      { video: `testsrc2=${S}`, frames: 50 },
      { video: card, frames: cardFrames },
      { video: `color=black:${S}`, frames: 25 },
      { video: `testsrc2=${S}`, frames: 50 },
    ],
    ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"],
  );
}

/** Runs `use` with a reader of `index`, closed afterwards. */
async function withStore<T>(
  index: FrameStoreIndex | undefined,
  use: (store: FrameStoreReader) => Promise<T>,
): Promise<T> {
  const store = new FrameStoreReader(index);
  try {
    return await use(store);
  } finally {
    await store.dispose();
  }
}
describe("picture tests", () => {
  async function picture(source: string): Promise<{ width: number; height: number; data: Uint8Array }> {
    const file = path.join(dir, `${source.replace(/\W/g, "_")}.rgb`);
    await ffmpeg([
      "-f",
      "lavfi",
      "-i",
      `${source}${source.includes("=") ? ":" : "="}size=640x360:rate=25`,
      "-frames:v",
      "1",
      "-vf",
      "scale=64:36:flags=area,format=rgb24",
      "-f",
      "rawvideo",
      file,
    ]);
    return { width: 64, height: 36, data: new Uint8Array(fs.readFileSync(file)) };
  }

  it.each(["smptebars", "smptehdbars", "pal75bars", "pal100bars"])("%s are colour bars", async (source) => {
    expect(isBars(await picture(source))).toBe(true);
  });

  it.each(["testsrc", "testsrc2", "rgbtestsrc", "mandelbrot", "color=c=yellow"])(
    "%s is not colour bars",
    async (source) => {
      expect(isBars(await picture(source))).toBe(false);
    },
  );

  it("black is black, dark grey with a lit window is not", async () => {
    expect(isBlack(await picture("color=c=black"))).toBe(true);
    expect(isBlack(await picture("color=c=0x101010"))).toBe(true);
    const window = await picture("color=c=black");
    for (let y = 10; y < 16; y++)
      for (let x = 20; x < 30; x++) window.data.fill(230, 3 * (y * 64 + x), 3 * (y * 64 + x) + 3);
    expect(isBlack(window)).toBe(false);
    expect(isBlack(await picture("color=c=0x303030"))).toBe(false);
  });
});

describe("CueAnalyzer on real encodes", () => {
  it("black: both ranges exact to the frame, x264 with scene-cut keyframes", async () => {
    const tags = await cues(await concatClip(dir, "black.mp4", BLACK_CLIP));
    expect(ranges(tags, "cue.black")).toEqual([
      [0, 50],
      [125, 150],
    ]);
    expect(tags.filter((t) => t.kind !== "cue.black")).toEqual([]);
    expect(tags[0]).toMatchObject({ label: "Black", language: "en", source: "technical", status: "suggested" });
    expect(tags[0]!.provenance[0]!.producer).toBe("sichter.cues");
  });

  it("black: exact with a fixed GOP whose keyframes miss the edges, and with B-frames", async () => {
    const file = await concatClip(dir, "black-gop.mp4", BLACK_CLIP, [
      "-c:v",
      "libx264",
      "-preset",
      "veryfast",
      "-g",
      "24",
      "-sc_threshold",
      "0",
      "-bf",
      "2",
      "-pix_fmt",
      "yuv420p",
    ]);
    const tags = await cues(file, "de");
    expect(ranges(tags, "cue.black")).toEqual([
      [0, 50],
      [125, 150],
    ]);
    expect(tags[0]!.label).toBe("Schwarzbild");
  });

  it("black: MPEG-2 in a transport stream", async () => {
    const file = await concatClip(dir, "black.ts", BLACK_CLIP, [
      "-c:v",
      "mpeg2video",
      "-q:v",
      "4",
      "-g",
      "15",
      "-bf",
      "2",
    ]);
    expect(ranges(await cues(file), "cue.black")).toEqual([
      [0, 50],
      [125, 150],
    ]);
  });

  it("black: intra-only codec (every frame decoded small)", async () => {
    const file = await concatClip(dir, "black-intra.mov", BLACK_CLIP, [
      "-c:v",
      "mjpeg",
      "-q:v",
      "3",
      "-pix_fmt",
      "yuvj420p",
    ]);
    expect(ranges(await cues(file), "cue.black")).toEqual([
      [0, 50],
      [125, 150],
    ]);
  });

  it("bars with a 1 kHz tone: bars range found, the tone is not silence", async () => {
    const file = await concatClip(dir, "bars.mp4", [
      { video: `smptebars=${S}`, frames: 75, audio: "sine=frequency=1000:sample_rate=48000" },
      { video: `testsrc2=${S}`, frames: 75, audio: "sine=frequency=440:sample_rate=48000" },
    ]);
    const tags = await cues(file);
    expect(ranges(tags, "cue.bars")).toEqual([[0, 75]]);
    expect(ranges(tags, "cue.silence")).toEqual([]);
    expect(ranges(tags, "cue.freeze")).toEqual([]);
  });

  it("freeze: content, the last frame held for 2 s, content again", async () => {
    const file = await concatClip(dir, "freeze.mp4", [
      { video: `testsrc2=${S}:duration=2`, frames: 100, filter: "tpad=stop_mode=clone:stop_duration=2" },
      { video: `testsrc2=${S}:duration=10`, frames: 50, filter: "trim=start_frame=150,setpts=PTS-STARTPTS" },
    ]);
    const tags = await cues(file);
    // Frame 49 is the last moving frame and the one that is held: the freeze shows it from 49 to 99.
    expect(ranges(tags, "cue.freeze")).toEqual([[49, 100]]);
    expect(ranges(tags, "cue.black")).toEqual([]);
  });

  it("with the shot step's keyframe pictures: the same cues, and no keyframe pass of its own", async () => {
    const file = await concatClip(
      dir,
      "shared-pictures.mp4",
      [
        { video: `testsrc2=${S}:duration=2`, frames: 100, filter: "tpad=stop_mode=clone:stop_duration=2" },
        { video: `color=black:${S}`, frames: 25 },
        { video: `mandelbrot=${S}`, frames: 50 },
      ],
      ["-c:v", "libx264", "-preset", "veryfast", "-g", "25", "-pix_fmt", "yuv420p"],
    );
    const input = await analysisInput(file);
    expect(input.frameStore!.pictures.flatMap((p) => p.spans)).toHaveLength(input.media.keyframes.length);
    const shared = await withStore(input.frameStore, (frameStore) => findPictureCues(input.media, { frameStore }));
    const own = await findPictureCues(input.media);
    expect(shared.cues).toEqual(own.cues);
    expect(shared.cues.map((c) => c.kind)).toEqual(["cue.freeze", "cue.black"]);
    expect(own.decodedFrames - shared.decodedFrames).toBe(input.media.keyframes.length);
    // Pictures of another size are not used: the analyzer decodes its own.
    const wrong = { pictures: input.frameStore!.pictures.map((p) => ({ ...p, width: 32 })) };
    expect((await withStore(wrong, (frameStore) => findPictureCues(input.media, { frameStore }))).decodedFrames).toBe(
      own.decodedFrames,
    );
  });

  it("with the shot step's window pictures: the same cues, and no decode of a stretch a window holds", async () => {
    const file = await concatClip(
      dir,
      "window-pictures.mp4",
      [
        { video: `testsrc2=${S}`, frames: 60 },
        { video: `color=black:${S}`, frames: 20 },
        { video: `mandelbrot=${S}`, frames: 60 },
      ],
      ["-c:v", "libx264", "-preset", "veryfast", "-g", "25", "-sc_threshold", "0", "-pix_fmt", "yuv420p"],
    );
    const media = await probeMedia(file);
    const { frameStore } = await detectShotsWithStore(media);
    const keyframesOnly = keyframePicturesOf(frameStore, media);
    const windows = frameStore.pictures.filter(
      (p) => p.pixelFormat === "rgb24" && p.width === 64 && !keyframesOnly.pictures.includes(p),
    );
    expect(windows.length).toBeGreaterThan(0);
    const own = await withStore(keyframesOnly, (store) => findPictureCues(media, { frameStore: store }));
    const shared = await withStore(frameStore, (store) => findPictureCues(media, { frameStore: store }));
    expect(own.cues.map((c) => c.kind)).toEqual(["cue.black"]);
    expect(shared.cues).toEqual(own.cues);
    expect(shared.decodedFrames).toBeLessThan(own.decodedFrames);
    // Files that do not hold what they claim are not read: the stretch is decoded as before.
    for (const w of windows) fs.truncateSync(w.file, 100);
    expect(await withStore(frameStore, (store) => findPictureCues(media, { frameStore: store }))).toEqual(own);
  });

  it("freeze: fixed GOP with B-frames", async () => {
    const file = await concatClip(
      dir,
      "freeze-gop.mp4",
      [
        { video: `testsrc2=${S}:duration=2`, frames: 100, filter: "tpad=stop_mode=clone:stop_duration=2" },
        { video: `mandelbrot=${S}`, frames: 50 },
      ],
      ["-c:v", "libx264", "-preset", "veryfast", "-g", "30", "-sc_threshold", "0", "-bf", "3", "-pix_fmt", "yuv420p"],
    );
    expect(ranges(await cues(file), "cue.freeze")).toEqual([[49, 100]]);
  });

  it("a still card cut in as its own shot is not a freeze frame", async () => {
    const file = await concatClip(dir, "card.mp4", [
      { video: `testsrc2=${S}`, frames: 50 },
      { video: `smptebars=${S},drawbox=x=0:y=0:w=320:h=120:color=0x335577:t=fill`, frames: 50 },
      { video: `mandelbrot=${S}`, frames: 50 },
    ]);
    expect(ranges(await cues(file), "cue.freeze")).toEqual([]);
  });

  it("freeze: intra-only codec", async () => {
    const file = await concatClip(
      dir,
      "freeze-intra.mov",
      [
        { video: `testsrc2=${S}:duration=2`, frames: 100, filter: "tpad=stop_mode=clone:stop_duration=2" },
        { video: `mandelbrot=${S}`, frames: 50 },
      ],
      ["-c:v", "mjpeg", "-q:v", "3", "-pix_fmt", "yuvj420p"],
    );
    expect(ranges(await cues(file), "cue.freeze")).toEqual([[49, 100]]);
  });

  it("black after a still card, in one run of quiet packets with it, is found", async () => {
    // The card starts its shot and its keyframe shows no black, but the black after it has no
    // keyframe of its own: the shot detector's fade points at it.
    const card = `color=c=0x102040:${S}[bg];color=c=0x304868:size=40x40:rate=25[box];[bg][box]overlay=x='20+t*16':y=70[out0]`;
    const tags = await cues(await cardThenBlack("card-black.mp4", card, 60));
    expect(ranges(tags, "cue.black")).toEqual([[110, 135]]);
    expect(ranges(tags, "cue.freeze")).toEqual([]);
  });

  it("a slowly moving graphic under noise is no freeze, though its pictures stay alike, next to black", async () => {
    // At 64 px the noise averages out and the box drifts under the picture tolerance for over 0.5 s,
    // but the encoder codes every frame: nothing is held.
    const card = `color=c=0x102040:${S}[bg];color=c=0x6080a0:size=120x120:rate=25[box];[bg][box]overlay=x='20+t*10':y=30,noise=alls=4:allf=t[out0]`;
    const tags = await cues(await cardThenBlack("noisy-card.mp4", card, 75));
    expect(ranges(tags, "cue.black")).toEqual([[125, 150]]);
    expect(ranges(tags, "cue.freeze")).toEqual([]);
  });

  it("a long bars leader cut straight to black: exact, and only the GOP of the cut is decoded", async () => {
    const file = await concatClip(
      dir,
      "leader.mp4",
      [
        { video: `smptebars=${S}`, frames: 250 },
        { video: `color=black:${S}`, frames: 25 },
        { video: `testsrc2=${S}`, frames: 50 },
      ],
      ["-c:v", "libx264", "-preset", "veryfast", "-g", "25", "-sc_threshold", "0", "-pix_fmt", "yuv420p"],
    );
    const { media } = await analysisInput(file);
    const { cues: found, decodedFrames } = await findPictureCues(media);
    expect(found).toEqual([
      { kind: "cue.bars", startFrame: 0, endFrame: 250 },
      { kind: "cue.black", startFrame: 250, endFrame: 275 },
    ]);
    // 13 keyframes, both ends of the held run and the GOP in which bars turn black.
    expect(decodedFrames).toBeLessThan(media.frameCount / 3);
  });

  it("moving content with a static camera is not a freeze", async () => {
    const file = await concatClip(dir, "moving.mp4", [{ video: `testsrc2=${S}`, frames: 100 }]);
    expect(await cues(file)).toEqual([]);
  });

  it("silence: 2 s of digital silence between tones, in frames", async () => {
    const file = await concatClip(dir, "silence.mp4", [
      { video: `testsrc2=${S}`, frames: 50, audio: "sine=frequency=1000:sample_rate=48000" },
      { video: `mandelbrot=${S}`, frames: 50, audio: "anullsrc=r=48000:cl=mono" },
      { video: `testsrc2=${S}`, frames: 50, audio: "sine=frequency=500:sample_rate=48000" },
    ]);
    const tags = await cues(file, "de");
    expect(ranges(tags, "cue.silence")).toEqual([[50, 100]]);
    expect(tags.find((t) => t.kind === "cue.silence")!.label).toBe("Stille");
  });

  it("no audio stream: no silence tags and no error", async () => {
    const file = await concatClip(dir, "mute.mp4", [{ video: `testsrc2=${S}`, frames: 50 }]);
    const input = await analysisInput(file);
    expect(input.media.audioStreams).toBe(0);
    expect(ranges((await new CueAnalyzer().analyze(input, Progress.None)).tags, "cue.silence")).toEqual([]);
  });

  it("cancellation rejects with CANCELLED and kills ffmpeg", async () => {
    const file = path.join(dir, "long.mp4");
    await ffmpeg([
      "-f",
      "lavfi",
      "-i",
      "testsrc2=size=640x360:rate=25:duration=10",
      "-f",
      "lavfi",
      "-i",
      "sine=duration=10",
      ...X264,
      "-g",
      "25",
      "-c:a",
      "aac",
      file,
    ]);
    const input = await analysisInput(file);
    const source = new CancellationTokenSource();
    const running = new CueAnalyzer().analyze(input, Progress.None, source.token);
    // Both passes (keyframe pictures, audio) start their ffmpeg at once; cancel while they run.
    while (liveToolProcessCount() === 0) await new Promise((r) => setImmediate(r));
    expect(liveToolProcessCount()).toBeGreaterThan(0);
    source.cancel();
    const error = await running.catch((e: unknown) => e);
    expect(isSichterError(error) && error.code === ErrorCode.CANCELLED).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(liveToolProcessCount()).toBe(0);
  });
});
