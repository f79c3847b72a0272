import { beforeAll, describe, expect, it } from "vitest";
import { lastStderrLine, runTool } from "@sichter/engine";
import { textBox } from "./Captions.ts";
import { ensureSamples, sampleRecipes, type Sample } from "./ensureSamples.ts";
import type { GroundTruth, TruthText } from "./GroundTruth.ts";
import { decodeThumbnails, meanAbsDiff, meanLuma, type Thumbnails } from "./PixelProbe.ts";

/**
 * Checks the truth of the analysis clips (texts, technical cues, camera motion) against decoded
 * pixels and sound. Cuts and distractors of these clips are checked by samples.test.ts like any
 * other clip's. Luma thumbnails of 192x108, 0..255 (black decodes to about 1).
 */
const WIDTH = 192;
const HEIGHT = 108;

const files = sampleRecipes()
  .filter((r) => r.truth.texts !== undefined)
  .map((r) => r.truth.file);

let samples: readonly Sample[];
const decoded = new Map<string, Promise<Thumbnails>>();

beforeAll(async () => {
  samples = (await ensureSamples({ only: files })).samples;
});

function sample(file: string): Sample {
  const found = samples.find((s) => s.file === file);
  if (!found) throw new Error(`no sample ${file}`);
  return found;
}

function frames(s: Sample): Promise<Thumbnails> {
  let pending = decoded.get(s.file);
  if (!pending) {
    pending = decodeThumbnails(s.path, WIDTH, HEIGHT);
    decoded.set(s.file, pending);
  }
  return pending;
}

it("has analysis clips in the default set", () => {
  expect(files).toContain("h264-news-1080p25.mp4");
});

describe.each(files)("%s", (file) => {
  it("shows every text box with text on exactly the truth's frames", async () => {
    const { truth } = sample(file);
    const t = await frames(sample(file));
    const texts = truth.texts ?? [];
    expect(texts.length).toBeGreaterThan(0);
    for (const group of textGroups(texts)) {
      const what = `${group.region} "${group.lines.join(" / ")}" ${group.startFrame}-${group.endFrame}`;
      const box = textBox(group.region);
      for (let f = group.startFrame; f < group.endFrame; f++) {
        const pixels = boxPixels(t, f, box);
        // Under the box the picture is darkened to at most ~80; anything brighter is the text.
        expect(median(pixels), `${what}: box at frame ${f}`).toBeLessThan(90);
        expect(
          share(pixels, (v) => v > 160),
          `${what}: text at frame ${f}`,
        ).toBeGreaterThan(0.005);
      }
      // Pops on and off on exactly these frames: the change into the first frame and out of the last
      // dwarfs the change between the frames next to them.
      const change = (f: number) => meanAbsDiff(boxPixels(t, f - 1, box), boxPixels(t, f, box));
      const start = group.startFrame;
      expect(change(start), `${what} pops on`).toBeGreaterThan(3 * Math.max(1, change(start + 1)));
      const end = group.endFrame;
      if (end < truth.frameCount) {
        expect(change(end), `${what} pops off`).toBeGreaterThan(3 * Math.max(1, change(end - 1)));
      }
    }
  });

  it("starts with SMPTE bars exactly where the bars cue says", async () => {
    const { truth } = sample(file);
    const t = await frames(sample(file));
    const reference = await barsReference();
    const bars = cues(truth, "bars");
    expect(bars.length).toBeGreaterThan(0);
    for (const cue of bars) {
      for (let f = cue.startFrame; f < cue.endFrame; f++) {
        expect(meanAbsDiff(t.frames[f] as Uint8Array, reference), `bars frame ${f}`).toBeLessThan(3);
      }
      if (cue.endFrame < truth.frameCount) {
        expect(meanAbsDiff(t.frames[cue.endFrame] as Uint8Array, reference), "after the bars").toBeGreaterThan(20);
      }
    }
  });

  it("is black on every frame of a black cue and not next to it", async () => {
    const { truth } = sample(file);
    const t = await frames(sample(file));
    const black = cues(truth, "black");
    expect(black.length).toBeGreaterThan(0);
    // Black decodes to about 1; the darkest shots of the long clip average about 25.
    const luma = (f: number) => meanLuma(t.frames[f] as Uint8Array);
    for (const cue of black) {
      for (let f = cue.startFrame; f < cue.endFrame; f++) expect(luma(f), `black frame ${f}`).toBeLessThan(5);
      expect(luma(cue.startFrame - 1), `frame before black at ${cue.startFrame}`).toBeGreaterThan(15);
      if (cue.endFrame < truth.frameCount)
        expect(luma(cue.endFrame), `frame after black at ${cue.endFrame}`).toBeGreaterThan(15);
    }
  });

  it("repeats one picture over every freeze cue, and only there", async () => {
    const { truth } = sample(file);
    const t = await frames(sample(file));
    const freezes = cues(truth, "freeze");
    expect(freezes.length).toBeGreaterThan(0);
    for (const cue of freezes) {
      const held = t.frames[cue.startFrame] as Uint8Array;
      for (let f = cue.startFrame + 1; f < cue.endFrame; f++) {
        // Not 0: x264 re-codes the picture at each keyframe.
        expect(meanAbsDiff(t.frames[f] as Uint8Array, held), `freeze frame ${f}`).toBeLessThan(0.5);
      }
      expect(meanAbsDiff(t.frames[cue.startFrame - 1] as Uint8Array, held), "moving into the freeze").toBeGreaterThan(
        1,
      );
      expect(meanAbsDiff(t.frames[cue.endFrame] as Uint8Array, held), "moving again after it").toBeGreaterThan(1);
    }
  });

  it("is silent exactly where the silence cues say, with tone under the bars", async () => {
    const { truth, path } = sample(file);
    const rate = frameRate(truth);
    const silences = await detectSilences(path);
    const expected = cues(truth, "silence").map((c) => [c.startFrame / rate, c.endFrame / rate] as const);
    expect(expected.length).toBeGreaterThan(0);
    // One frame of slack: AAC codes the sound in blocks of 1024 samples.
    const slack = 1 / rate;
    expect(silences.length, `detected ${JSON.stringify(silences)}`).toBe(expected.length);
    silences.forEach(([start, end], i) => {
      const [s, e] = expected[i] as readonly [number, number];
      expect(Math.abs(start - s), `silence ${i} start`).toBeLessThanOrEqual(slack);
      expect(Math.abs(end - e), `silence ${i} end`).toBeLessThanOrEqual(slack);
    });
    for (const bars of cues(truth, "bars")) {
      const level = await meanVolume(path, bars.startFrame / rate, (bars.endFrame - bars.startFrame) / rate);
      expect(level, "line-up tone under the bars").toBeGreaterThan(-25);
    }
  });

  it("moves the picture the way each shot's camera motion says", async () => {
    const { truth } = sample(file);
    const t = await frames(sample(file));
    const expected: Record<string, (dx: number, dy: number) => boolean> = {
      // Content moves against the camera: a camera panning right sees the picture slide left.
      "pan-right": (dx, dy) => dx <= -2 && Math.abs(dy) <= 1,
      "pan-left": (dx, dy) => dx >= 2 && Math.abs(dy) <= 1,
      "tilt-down": (dx, dy) => dy <= -2 && Math.abs(dx) <= 1,
      "tilt-up": (dx, dy) => dy >= 2 && Math.abs(dx) <= 1,
      static: (dx, dy) => dx === 0 && dy === 0,
    };
    const motion = truth.motion ?? [];
    expect(motion.length).toBe(truth.shots.length);
    let checked = 0;
    for (const { shot, type } of motion) {
      const check = expected[type];
      if (!check) continue;
      const pair = quietPair(truth, shot, 10);
      if (!pair) continue;
      const [dx, dy] = bestShift(t, pair[0], pair[1], 8);
      expect(check(dx, dy), `shot ${shot} (${type}) frames ${pair[0]}->${pair[1]}: content moved ${dx},${dy}`).toBe(
        true,
      );
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });
});

interface TextGroup {
  readonly region: TruthText["region"];
  readonly startFrame: number;
  readonly endFrame: number;
  readonly lines: string[];
}

/** The lines of one caption share a box and its frames. */
function textGroups(texts: readonly TruthText[]): TextGroup[] {
  const groups = new Map<string, TextGroup>();
  for (const t of texts) {
    const key = `${t.region} ${t.startFrame} ${t.endFrame}`;
    const group = groups.get(key) ?? { region: t.region, startFrame: t.startFrame, endFrame: t.endFrame, lines: [] };
    group.lines.push(t.text);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function cues(truth: GroundTruth, type: string) {
  return (truth.cues ?? []).filter((c) => c.type === type);
}

function frameRate(truth: GroundTruth): number {
  const [num, den] = truth.frameRate.split("/").map(Number) as [number, number];
  return num / den;
}

/** Pixels of a box, two thumbnail pixels in from its edges (the box edges blur in the thumbnail). */
function boxPixels(t: Thumbnails, f: number, box: { x: number; y: number; w: number; h: number }): Uint8Array {
  const frame = t.frames[f] as Uint8Array;
  const values: number[] = [];
  for (let y = Math.ceil(box.y * t.height) + 2; y < Math.floor((box.y + box.h) * t.height) - 2; y++) {
    for (let x = Math.ceil(box.x * t.width) + 2; x < Math.floor((box.x + box.w) * t.width) - 2; x++) {
      values.push(frame[y * t.width + x] ?? 0);
    }
  }
  return Uint8Array.from(values);
}

function median(values: Uint8Array): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
}

function share(values: Uint8Array, test: (v: number) => boolean): number {
  return values.filter(test).length / values.length;
}

/**
 * Two frames `gap` apart inside the shot, with no freeze or transition between them. Text may be on
 * screen: bestShift compares only the band between the top banner and the lower third, and a
 * full-screen card stands still like a static camera.
 */
function quietPair(truth: GroundTruth, shot: number, gap: number): [number, number] | undefined {
  const span = truth.shots[shot];
  if (!span) return undefined;
  const busy = [...cues(truth, "freeze"), ...truth.transitions];
  const free = (f: number) => !busy.some((r) => f >= r.startFrame && f <= r.endFrame);
  for (let a = span.startFrame + 1; a + gap < span.endFrame - 1; a++) {
    let ok = true;
    for (let f = a; f <= a + gap && ok; f++) ok = free(f);
    if (ok) return [a, a + gap];
  }
  return undefined;
}

/**
 * The whole-pixel shift (dx, dy) that best maps frame a onto frame b: b(x + dx, y + dy) ≈ a(x, y),
 * so dx < 0 means the content moved left. Compared over the band between the top banner and the
 * lower third (see Captions.ts), away from the left and right edges.
 */
function bestShift(t: Thumbnails, a: number, b: number, range: number): [number, number] {
  const fa = t.frames[a] as Uint8Array;
  const fb = t.frames[b] as Uint8Array;
  let best: [number, number] = [0, 0];
  let bestCost = Number.POSITIVE_INFINITY;
  for (let dy = -range; dy <= range; dy++) {
    for (let dx = -range; dx <= range; dx++) {
      let cost = 0;
      for (let y = Math.ceil(0.12 * t.height) + range; y < Math.floor(0.72 * t.height) - range; y++) {
        for (let x = range; x < t.width - range; x++) {
          cost += Math.abs((fa[y * t.width + x] ?? 0) - (fb[(y + dy) * t.width + x + dx] ?? 0));
        }
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = [dx, dy];
      }
    }
  }
  return best;
}

/** ffmpeg's own smptehdbars through the same thumbnail path as the clips. */
async function barsReference(): Promise<Uint8Array> {
  const exit = await runTool("ffmpeg", [
    "-hide_banner",
    "-nostdin",
    "-v",
    "error",
    "-filter_complex",
    `smptehdbars=s=1920x1080:r=25,format=yuv420p,scale=${WIDTH}:${HEIGHT}:flags=area,format=gray`,
    "-frames:v",
    "1",
    "-f",
    "rawvideo",
    "-",
  ]);
  if (exit.code !== 0) throw new Error(`bars reference failed: ${lastStderrLine(exit.stderr)}`);
  return Uint8Array.from(exit.output);
}

/** [start, end] seconds of every stretch below -60 dBFS lasting at least 0.2 s. */
async function detectSilences(path: string): Promise<[number, number][]> {
  const result = await runTool("ffmpeg", [
    "-hide_banner",
    "-nostdin",
    "-i",
    path,
    "-map",
    "0:a:0",
    "-af",
    "silencedetect=n=-60dB:d=0.2",
    "-f",
    "null",
    "-",
  ]);
  if (result.code !== 0) throw new Error(`silencedetect failed: ${lastStderrLine(result.stderr)}`);
  const starts = [...result.stderr.matchAll(/silence_start: (-?[\d.]+)/g)].map((m) => Number(m[1]));
  const ends = [...result.stderr.matchAll(/silence_end: (-?[\d.]+)/g)].map((m) => Number(m[1]));
  return starts.map((start, i) => [start, ends[i] ?? Number.NaN]);
}

async function meanVolume(path: string, start: number, duration: number): Promise<number> {
  const result = await runTool("ffmpeg", [
    "-hide_banner",
    "-nostdin",
    "-i",
    path,
    "-map",
    "0:a:0",
    "-af",
    `atrim=start=${start}:duration=${duration},volumedetect`,
    "-f",
    "null",
    "-",
  ]);
  if (result.code !== 0) throw new Error(`volumedetect failed: ${lastStderrLine(result.stderr)}`);
  const match = /mean_volume: (-?[\d.]+) dB/.exec(result.stderr);
  return match ? Number(match[1]) : Number.NEGATIVE_INFINITY;
}
