import { beforeAll, describe, expect, it } from "vitest";
import { ensureSamples, sampleRecipes, type Sample, type SampleSet } from "./ensureSamples.ts";
import { readGroundTruth, type GroundTruth, type TruthRange } from "./GroundTruth.ts";
import { consecutiveDiffs, decodeThumbnails, meanAbsDiff, meanLuma, probeJson, type Thumbnails } from "./PixelProbe.ts";

/**
 * Checks every truth against the decoded pixels. Thresholds are on 64x36 luma thumbnails, 0..255:
 * measured cuts are 30 to 105, motion inside shots stays below 4.
 */
const CUT_MIN = 20;
const QUIET_MAX = 6;
/** A cut must stand out this many times above the motion around it. */
const CUT_OVER_MOTION = 4;

let set: SampleSet;
const thumbnails = new Map<string, Promise<Thumbnails>>();

beforeAll(async () => {
  // The default folder: clips generated once are reused by every later run.
  set = await ensureSamples({ log: (line) => console.log(`[samples] ${line}`) });
});

function sample(file: string): Sample {
  const found = set.samples.find((s) => s.file === file);
  if (!found) throw new Error(`no sample ${file}`);
  return found;
}

function thumbs(s: Sample): Promise<Thumbnails> {
  let pending = thumbnails.get(s.file);
  if (!pending) {
    pending = decodeThumbnails(s.path);
    thumbnails.set(s.file, pending);
  }
  return pending;
}

const files = sampleRecipes().map((r) => r.truth.file);

describe("ensureSamples", () => {
  it("returns the default set with the truth written beside each clip", async () => {
    expect(set.samples.map((s) => s.file)).toEqual(files);
    for (const s of set.samples) {
      expect(await readGroundTruth(s.truthPath)).toEqual(s.truth);
    }
  });

  it("reuses clips that are up to date", async () => {
    const again = await ensureSamples();
    expect(again.samples.map((s) => s.generated)).toEqual(files.map(() => false));
  });
});

describe.each(files)("%s", (file) => {
  it("has the frame count, size and codec of its truth", async () => {
    const { truth, path } = sample(file);
    const probe = (await probeJson([
      "-count_frames",
      "-select_streams",
      "v:0",
      "-show_entries",
      "stream=codec_name,width,height,nb_read_frames,r_frame_rate,avg_frame_rate",
      path,
    ])) as { streams: { codec_name: string; width: number; height: number; nb_read_frames: string }[] };
    const stream = probe.streams[0];
    expect(stream?.codec_name).toBe(truth.codec);
    expect(stream?.width).toBe(truth.width);
    expect(stream?.height).toBe(truth.height);
    expect(Number(stream?.nb_read_frames)).toBe(truth.frameCount);
  });

  it("changes sharply at every cut and little inside shots", async () => {
    const { truth } = sample(file);
    const frames = await thumbs(sample(file));
    expect(frames.frames.length).toBe(truth.frameCount);
    const diffs = consecutiveDiffs(frames);
    const quiet = quietFrames(truth);

    const loud = [...quiet].filter((f) => (diffs[f] ?? 0) > QUIET_MAX);
    expect(loud.map((f) => `frame ${f}: ${diffs[f]?.toFixed(1)}`)).toEqual([]);

    for (const cut of truth.transitions.filter((t) => t.type === "cut")) {
      const c = cut.startFrame;
      const around = [...quiet].filter((f) => Math.abs(f - c) <= 12).map((f) => diffs[f] ?? 0);
      const motion = Math.max(0.5, ...around);
      const jump = diffs[c] ?? 0;
      expect(jump, `cut at ${c}`).toBeGreaterThan(CUT_MIN);
      expect(jump / motion, `cut at ${c} over motion ${motion.toFixed(2)}`).toBeGreaterThan(CUT_OVER_MOTION);
    }
  });

  it("blends gradual transitions exactly where the truth says", async () => {
    const { truth } = sample(file);
    const { frames } = await thumbs(sample(file));
    for (const t of truth.transitions.filter((t) => t.type !== "cut")) {
      const what = `${t.type} ${t.startFrame}-${t.endFrame}`;
      const [early, exact, late] = [-1, 0, 1].map((shift) => transitionResidual(frames, t, shift)) as [Fit, Fit, Fit];
      expect(exact.residual, what).toBeLessThan(exact.bound);
      // Off by one frame either way must fit worse, wherever the two shots differ enough to tell.
      if (exact.discriminating) {
        expect(exact.residual, `${what} against one frame earlier`).toBeLessThan(early.residual);
        expect(exact.residual, `${what} against one frame later`).toBeLessThan(late.residual);
      }
    }
  });

  it("shows each flash as a much brighter picture than its neighbours", async () => {
    const { truth } = sample(file);
    const { frames } = await thumbs(sample(file));
    for (const flash of truth.distractors.filter((d) => d.type === "flash")) {
      const neighbours = Math.max(
        meanLuma(frames[flash.startFrame - 1] as Uint8Array),
        meanLuma(frames[flash.endFrame] as Uint8Array),
      );
      for (let f = flash.startFrame; f < flash.endFrame; f++) {
        const luma = meanLuma(frames[f] as Uint8Array);
        expect(luma, `flash frame ${f}`).toBeGreaterThan(Math.max(180, neighbours + 60));
      }
    }
  });

  it("makes its other distractors visible in the pictures", async () => {
    const { truth } = sample(file);
    const frames = await thumbs(sample(file));
    const diffs = consecutiveDiffs(frames);
    for (const d of truth.distractors) {
      const inside = diffs.slice(d.startFrame + 1, d.endFrame);
      const mean = inside.reduce((a, b) => a + b, 0) / Math.max(inside.length, 1);
      if (d.type === "pan") expect(mean, "a fast pan changes most of the picture").toBeGreaterThan(10);
      if (d.type === "zoom") expect(mean, "a fast zoom changes the picture").toBeGreaterThan(QUIET_MAX);
      if (d.type === "overlay") {
        expect(diffs[d.startFrame], "lower third pops on").toBeGreaterThan(4);
        expect(diffs[d.endFrame], "lower third pops off").toBeGreaterThan(4);
      }
      if (d.type === "blink") {
        const box = (f: number) => regionLuma(frames, f, [0.85, 0.94], [0.07, 0.11]);
        // Six frames on, six off: the first frame of the range shows the box, the seventh does not.
        expect(Math.abs(box(d.startFrame) - box(d.startFrame + 6)), "blinking box").toBeGreaterThan(40);
        expect(
          Math.abs(box(d.startFrame - 1) - box(d.startFrame)),
          "box switches on at the range start",
        ).toBeGreaterThan(40);
      }
    }
  });
});

describe("container specifics", () => {
  it("gives the MPEG-2 clip 29.97 fps, drop-frame timecode 01:00:00;00 and top-field-first interlace", async () => {
    const { path, truth } = sample("mpeg2-2997df.mxf");
    const probe = (await probeJson([
      "-show_entries",
      "stream=codec_type,codec_name,r_frame_rate,field_order:stream_tags=timecode:format_tags=timecode",
      path,
    ])) as {
      streams: { codec_type: string; r_frame_rate: string; field_order?: string; tags?: { timecode?: string } }[];
      format: { tags?: { timecode?: string } };
    };
    const video = probe.streams.find((s) => s.codec_type === "video");
    expect(video?.r_frame_rate).toBe("30000/1001");
    expect(video?.field_order).toBe("tt");
    const timecode = probe.format.tags?.timecode ?? video?.tags?.timecode;
    expect(timecode).toBe("01:00:00;00");
    expect(truth.startTimecode).toBe("01:00:00;00");
    expect(truth.dropFrame).toBe(true);
    expect(probe.streams.some((s) => s.codec_type === "audio")).toBe(truth.hasAudio);

    const frames = (await probeJson([
      "-select_streams",
      "v:0",
      "-show_entries",
      "frame=key_frame,pict_type,interlaced_frame,top_field_first",
      path,
    ])) as { frames: { key_frame: number; pict_type: string; interlaced_frame: number; top_field_first: number }[] };
    expect(frames.frames.length).toBe(truth.frameCount);
    expect(frames.frames.every((f) => f.interlaced_frame === 1 && f.top_field_first === 1)).toBe(true);
    const keys = frames.frames.flatMap((f, i) => (f.key_frame === 1 ? [i] : []));
    const gops = Array.from({ length: Math.ceil(truth.frameCount / 15) }, (_, i) => i * 15);
    // An I-frame every 15 frames; the encoder codes the very last frame as one too, having no
    // later anchor for it.
    expect(keys.filter((k) => k !== truth.frameCount - 1)).toEqual(gops);
    expect(frames.frames.some((f) => f.pict_type === "B")).toBe(true);
  });

  it("makes every ProRes frame a keyframe and keeps its start timecode", async () => {
    const { path, truth } = sample("prores-intra-720p25.mov");
    const packets = (await probeJson(["-select_streams", "v:0", "-show_entries", "packet=flags", path])) as {
      packets: { flags: string }[];
    };
    expect(packets.packets.length).toBe(truth.frameCount);
    expect(packets.packets.every((p) => p.flags.startsWith("K"))).toBe(true);
    const probe = (await probeJson([
      "-show_entries",
      "stream=codec_name,codec_tag_string:stream_tags=timecode",
      path,
    ])) as { streams: { codec_name: string; codec_tag_string: string; tags?: { timecode?: string } }[] };
    // apco is ProRes 422 Proxy.
    expect(probe.streams.find((s) => s.codec_name === "prores")?.codec_tag_string).toBe("apco");
    expect(probe.streams.some((s) => s.tags?.timecode === truth.startTimecode)).toBe(true);
  });

  it("gives the H.264 clips a constant 25 fps", async () => {
    for (const file of ["h264-cuts-1080p25.mp4", "h264-gradual-1080p25.mp4", "h264-distractors-1080p25.mp4"]) {
      const times = await frameTimes(sample(file).path);
      const durations = new Set(times.slice(1).map((t, i) => Math.round((t - (times[i] ?? 0)) * 1e4)));
      expect([...durations], file).toEqual([400]);
    }
  });

  it("gives the VFR clip irregular frame durations, with boundaries at the truth's times", async () => {
    const { path, truth } = sample("h264-vfr.mp4");
    const times = await frameTimes(path);
    expect(times.length).toBe(truth.frameCount);
    const durations = new Set(times.slice(1).map((t, i) => Math.round((t - (times[i] ?? 0)) * 1e4)));
    expect([...durations].sort()).toEqual([200, 333, 400]);
    const ranges: TruthRange[] = [...truth.shots, ...truth.transitions];
    for (const r of ranges) expect(times[r.startFrame], `frame ${r.startFrame}`).toBeCloseTo(r.startTime, 3);
  });
});

/** Frames whose difference to the previous frame should be camera motion only. */
function quietFrames(truth: GroundTruth): Set<number> {
  const excluded = new Set<number>([0]);
  const exclude = (start: number, end: number) => {
    // The difference into the first affected frame and out of the last one belongs to the event.
    for (let f = start; f <= end; f++) excluded.add(f);
  };
  for (const t of truth.transitions) exclude(t.startFrame, t.endFrame);
  for (const d of truth.distractors) exclude(d.startFrame, d.endFrame);
  const quiet = new Set<number>();
  for (let f = 0; f < truth.frameCount; f++) if (!excluded.has(f)) quiet.add(f);
  return quiet;
}

interface Fit {
  /** Worst deviation of a transition frame from the model. */
  readonly residual: number;
  readonly bound: number;
  /** Whether the shots differ enough for a one-frame shift to show. */
  readonly discriminating: boolean;
}

/**
 * How well the frames fit the transition moved by `shift` frames. Blends ramp as (k+1)/(n+1) from
 * the last plain frame before to the first plain frame after, fades pass through flat black (0)
 * or white (255). Dissolves are compared by mean luma: both shots keep moving while they blend, so
 * a per-pixel model of two still frames would mostly measure that motion.
 */
function transitionResidual(frames: readonly Uint8Array[], t: GroundTruth["transitions"][number], shift: number): Fit {
  const start = t.startFrame + shift;
  const end = t.endFrame + shift;
  const before = frames[start - 1] as Uint8Array;
  const after = frames[end] as Uint8Array;
  if (t.type !== "fade") {
    const a = meanLuma(before);
    const b = meanLuma(after);
    let residual = 0;
    for (let f = start; f < end; f++) {
      const w = (f - start + 1) / (end - start + 1);
      residual = Math.max(residual, Math.abs(meanLuma(frames[f] as Uint8Array) - ((1 - w) * a + w * b)));
    }
    return { residual, bound: 2.5, discriminating: Math.abs(a - b) >= 20 };
  }
  const color = t.color === "white" ? 255 : 0;
  const mix = (x: Uint8Array | number, y: Uint8Array | number, w: number) =>
    Uint8Array.from(before, (_, i) => {
      const p = typeof x === "number" ? x : (x[i] ?? 0);
      const q = typeof y === "number" ? y : (y[i] ?? 0);
      return Math.round((1 - w) * p + w * q);
    });
  let residual = 0;
  for (let f = start; f < end; f++) {
    const k = f - start;
    const j = k - t.outFrames - t.holdFrames;
    const expected =
      k < t.outFrames
        ? mix(before, color, (k + 1) / (t.outFrames + 1))
        : j < 0
          ? mix(color, color, 0)
          : mix(color, after, (j + 1) / (t.inFrames + 1));
    residual = Math.max(residual, meanAbsDiff(frames[f] as Uint8Array, expected));
  }
  return { residual, bound: Math.max(6, 0.15 * meanAbsDiff(before, after)), discriminating: true };
}

function regionLuma(frames: Thumbnails, f: number, xs: [number, number], ys: [number, number]): number {
  const frame = frames.frames[f] as Uint8Array;
  let sum = 0;
  let count = 0;
  for (let y = Math.floor(ys[0] * frames.height); y <= Math.floor(ys[1] * frames.height); y++) {
    for (let x = Math.floor(xs[0] * frames.width); x <= Math.floor(xs[1] * frames.width); x++) {
      sum += frame[y * frames.width + x] ?? 0;
      count++;
    }
  }
  return sum / count;
}

/** Presentation time of every frame, in decode order sorted into presentation order. */
async function frameTimes(path: string): Promise<number[]> {
  const probe = (await probeJson([
    "-select_streams",
    "v:0",
    "-show_entries",
    "frame=best_effort_timestamp_time",
    path,
  ])) as {
    frames: { best_effort_timestamp_time: string }[];
  };
  return probe.frames.map((f) => Number(f.best_effort_timestamp_time)).sort((a, b) => a - b);
}
