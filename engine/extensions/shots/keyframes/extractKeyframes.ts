import fs from "node:fs";
import {
  ErrorCode,
  CancellationToken,
  throwIfCancelled,
  Progress,
  SichterError,
  mediaTimecode,
  bytesPerFrame,
  type FrameGeometry,
  type FrameStoreWriter,
  FRAME_RUN_FRAMES,
  frameRunGeometry,
  type MediaInfo,
  frameSeconds,
  frameSeekSeconds,
  timeAfterSeek,
  displayHeight,
  lastStderrLine,
  runTool,
  type ToolInput,
  type Shot,
  perceptualHash,
  hammingDistance,
  NEAR_DUPLICATE_BITS,
  hashToHex,
} from "@sichter/engine/extension-api";
import { BURST, keyframePositions, type KeyframePosition } from "./keyframePositions.ts";

export interface Keyframe {
  readonly shot: number;
  readonly frame: number;
  readonly timecode: string;
  readonly seconds: number;
  /** File name inside the output folder. */
  readonly file: string;
  /** 64-bit perceptual hash, hex. */
  readonly hash: string;
}

export interface KeyframeExtraction {
  readonly keyframes: Keyframe[];
  /** Frames skipped as near-duplicates of an earlier keyframe. */
  readonly duplicates: Array<{ frame: number; duplicateOf: number; distance: number }>;
}

export interface KeyframeOptions {
  /** Folder the JPEGs are written to (a job temp folder in the pipeline). */
  readonly outDir: string;
  /** Width of the JPEGs in pixels; height follows the picture's aspect. Default 640. */
  readonly width?: number;
  /**
   * Also put each burst's frames into the job's frame store as a run of small grey pictures (see
   * storedGeometries) for analyzers: one frame more is decoded per burst, and the pictures come
   * from the frames decoded anyway.
   */
  readonly frameStore?: FrameStoreWriter;
  /** Decode at this lower CPU priority (see ToolInput.niceness). */
  readonly niceness?: number;
}

const HASH_W = 128;
const HASH_H = 72;
/**
 * Bursts decoded side by side, each ffmpeg single-threaded: a 5-frame run spends most of its time
 * filling frame threads' pipelines, two independent runs keep two cores busy instead.
 */
const PARALLEL_BURSTS = 2;

/** A decoded burst: grey hash-size frames, and JPEGs of the frames `steadiest` can pick. */
interface Burst {
  readonly first: number;
  readonly small: Uint8Array[];
  /** By index in the burst; undefined where no JPEG was written. */
  readonly jpegs: ReadonlyArray<string | undefined>;
  /** The run's file and how many whole frames it holds, when the store took one. */
  readonly run?: { readonly file: string; readonly frames: number };
}

/**
 * Representative frames per shot as JPEGs: around each position a short burst is decoded once, at
 * JPEG size and at a small grey size, and the frame that moves least against its neighbours is kept
 * (no motion blur, no half-finished pan). Near-duplicates of earlier keyframes are dropped.
 */
export async function extractKeyframes(
  media: MediaInfo,
  shots: readonly Shot[],
  options: KeyframeOptions,
  progress: Progress = Progress.None,
  token: CancellationToken = CancellationToken.None,
): Promise<KeyframeExtraction> {
  const tc = mediaTimecode(media);
  // Intra-only clips start decoding on any frame; a transport stream's seeks are too coarse to aim
  // at a keyframe (see frameSeekSeconds).
  const aimAt = media.intraOnly || media.container === "mpegts" ? undefined : media.keyframes;
  const positions = keyframePositions(shots, 1 / frameSeconds(media), aimAt);
  const width = options.width ?? 640;
  const keyframes: Keyframe[] = [];
  const hashes: Array<{ frame: number; hash: bigint }> = [];
  const duplicates: KeyframeExtraction["duplicates"] = [];
  const store = options.frameStore;
  const runGeometry = frameRunGeometry(media);
  const runs = new Set<number>();

  const tool: ToolInput = options.niceness === undefined ? {} : { niceness: options.niceness };
  const decode = (position: KeyframePosition, n: number): Promise<Burst> => {
    const first = Math.max(0, Math.min(media.frameCount - BURST, position.frame - Math.floor(BURST / 2)));
    const runFile = store?.reserve(`burst-${n}-run.gray`, runGeometry, FRAME_RUN_FRAMES);
    return decodeBurst(
      media,
      first,
      width,
      options.outDir,
      `burst-${n}-`,
      runFile ? { file: runFile, geometry: runGeometry } : undefined,
      tool,
      token,
    );
  };
  // Duplicates are decided in position order, whichever ffmpeg finished first.
  await forEachBurstInOrder(positions, decode, token, (burst, n) => {
    // A duplicate's frames are as good a run as any: the run does not depend on the pick.
    if (burst.run) {
      const kept =
        burst.run.frames > 0 &&
        !runs.has(burst.first) &&
        store!.keep(burst.run.file, runGeometry, [[burst.first, burst.run.frames]]);
      if (kept) runs.add(burst.first);
      else store!.drop(burst.run.file);
    }
    const pick = steadiest(burst.small);
    const frame = burst.first + pick;
    const hash = perceptualHash(burst.small[pick]!, HASH_W, HASH_H);
    const twin = hashes.find((h) => hammingDistance(h.hash, hash) <= NEAR_DUPLICATE_BITS);
    const file = `kf-${String(frame).padStart(7, "0")}.jpg`;
    keepOnly(burst, twin ? undefined : { index: pick, path: `${options.outDir}/${file}` });
    if (twin) {
      duplicates.push({ frame, duplicateOf: twin.frame, distance: hammingDistance(twin.hash, hash) });
    } else {
      hashes.push({ frame, hash });
      keyframes.push({
        shot: positions[n]!.shot,
        frame,
        timecode: tc.toTimecode(frame),
        seconds: Math.round((media.frameTimes[frame] ?? 0) * 1e6) / 1e6,
        file,
        hash: hashToHex(hash),
      });
    }
    progress.report({ stage: "keyframes", fraction: (n + 1) / positions.length });
  });
  return { keyframes, duplicates };
}

/**
 * Decodes bursts PARALLEL_BURSTS at a time and hands them to `use` in position order. When a burst
 * fails or the job is cancelled, the bursts still under way are awaited and their JPEGs removed.
 */
async function forEachBurstInOrder(
  positions: readonly KeyframePosition[],
  decode: (position: KeyframePosition, n: number) => Promise<Burst>,
  token: CancellationToken,
  use: (burst: Burst, n: number) => void,
): Promise<void> {
  const pending: Array<Promise<Burst>> = [];
  let started = 0;
  try {
    for (let n = 0; n < positions.length; n++) {
      while (started < positions.length && pending.length < PARALLEL_BURSTS) {
        throwIfCancelled(token);
        const run = decode(positions[started]!, started);
        // Awaited in turn below; failing before its turn must not count as an unhandled rejection.
        run.catch(() => {});
        pending.push(run);
        started++;
      }
      use(await pending.shift()!, n);
    }
  } finally {
    for (const run of pending) {
      const burst = await run.catch(() => undefined);
      if (burst) keepOnly(burst, undefined);
      if (burst?.run) fs.rmSync(burst.run.file, { force: true });
    }
  }
}

/** Moves the JPEG of the chosen frame to its final name and deletes the others. */
function keepOnly(burst: Burst, keep: { index: number; path: string } | undefined): void {
  try {
    if (keep) fs.renameSync(burst.jpegs[keep.index]!, keep.path);
  } finally {
    for (const jpeg of burst.jpegs) if (jpeg) fs.rmSync(jpeg, { force: true });
  }
}

/**
 * Decodes `BURST` frames from `first` on, JPEGs only for the frames `steadiest` can pick (scaling
 * and encoding the others would be thrown away). A burst cut short by a damaged end of file can
 * make other frames pickable: it is decoded again with a JPEG of every frame.
 */
async function decodeBurst(
  media: MediaInfo,
  first: number,
  width: number,
  dir: string,
  prefix: string,
  run: { file: string; geometry: FrameGeometry } | undefined,
  tool: ToolInput,
  token: CancellationToken,
): Promise<Burst> {
  const expected = pickable(Math.min(BURST, media.frameCount - first));
  const burst = await runBurst(media, first, width, `${dir}/${prefix}`, expected, run, tool, token);
  const needed = pickable(burst.small.length);
  if (needed.from >= expected.from && needed.to <= expected.to) return burst;
  keepOnly(burst, undefined);
  return runBurst(media, first, width, `${dir}/${prefix}`, { from: 0, to: BURST - 1 }, run, tool, token);
}

async function runBurst(
  media: MediaInfo,
  first: number,
  width: number,
  jpegPrefix: string,
  jpegRange: { from: number; to: number },
  run: { file: string; geometry: FrameGeometry } | undefined,
  tool: ToolInput,
  token: CancellationToken,
): Promise<Burst> {
  const all = Array.from({ length: BURST }, (_, i) => `${jpegPrefix}${i}.jpg`);
  try {
    const exit = await runTool("ffmpeg", burstArgs(media, first, width, jpegPrefix, jpegRange, run), token, tool);
    const raw = exit.output;
    const size = HASH_W * HASH_H;
    const count = Math.floor(raw.length / size);
    if (exit.code !== 0 || count === 0) {
      throw new SichterError(ErrorCode.TOOL_FAILED, {
        tool: "ffmpeg",
        path: media.path,
        detail: lastStderrLine(exit.stderr),
      });
    }
    const small = Array.from({ length: count }, (_, i) => new Uint8Array(raw.subarray(i * size, (i + 1) * size)));
    const jpegs = all.map((jpeg, i) =>
      i >= jpegRange.from && i <= Math.min(jpegRange.to, count - 1) ? jpeg : undefined,
    );
    return {
      first,
      small,
      jpegs,
      ...(run && { run: { file: run.file, frames: wholeFrames(run.file, bytesPerFrame(run.geometry)) } }),
    };
  } catch (error) {
    // A failed or killed ffmpeg may have written some of the burst already.
    for (const jpeg of all) fs.rmSync(jpeg, { force: true });
    if (run) fs.rmSync(run.file, { force: true });
    throw error;
  }
}

/**
 * The whole frames of a run's raw file, the file cut to them: a run cut short by the clip's end
 * keeps what it has.
 */
function wholeFrames(file: string, frameBytes: number): number {
  if (!fs.existsSync(file)) return 0;
  const frames = Math.floor(fs.statSync(file).size / frameBytes);
  fs.truncateSync(file, frames * frameBytes);
  return frames;
}

/**
 * One decode, two or three outputs: every burst frame small and grey on stdout, the frames in
 * `jpegRange` as JPEGs named by their index in the burst, and, when asked, a run of
 * FRAME_RUN_FRAMES frames to a raw file. Decoder and encoder run single-threaded, see PARALLEL_BURSTS.
 */
function burstArgs(
  media: MediaInfo,
  first: number,
  width: number,
  jpegPrefix: string,
  jpegRange: { from: number; to: number },
  run: { file: string; geometry: FrameGeometry } | undefined,
): string[] {
  const seek = frameSeekSeconds(media, first);
  // ffmpeg's output time counts from the seek: frames decoded before the burst have earlier times.
  const from = timeAfterSeek(media, first, seek);
  const [num, den] = media.frameRate.split("/").map(Number) as [number, number];
  const graph = [
    // The outputs count frames one frame apart: a stream's own times, rounded to a millisecond
    // time base (WebM) and measured from the seek, can put two frames on one tick of the picture
    // encoder's 1/rate clock, which then refuses the second ("Invalid pts").
    `[0:v:0]select='gte(t,${from.toFixed(6)})',setpts=N*${den}/${num}/TB,split=${run ? 3 : 2}[a][b]${run ? "[c]" : ""}`,
    `[a]scale=${HASH_W}:${HASH_H}:flags=area,format=gray[s]`,
    // Square pixels at the display aspect: a PAL 16:9 keyframe (704x576, 16:11 pixels) is not squeezed.
    `[b]select='between(n,${jpegRange.from},${jpegRange.to})',scale=${width}:${displayHeight(media, width)}:flags=lanczos,setsar=1,format=yuvj420p[j]`,
    // Area averaging, as FrameReader scales: the same pictures an analyzer's own decode would give.
    ...(run ? [`[c]scale=${run.geometry.width}:${run.geometry.height}:flags=area,format=gray[r]`] : []),
  ].join(";");
  return [
    "-v",
    "error",
    "-nostdin",
    "-threads",
    "1",
    "-noaccurate_seek",
    "-ss",
    seek.toFixed(6),
    "-i",
    media.path,
    "-filter_complex",
    graph,
    "-map",
    "[s]",
    "-vsync",
    "passthrough",
    "-frames:v",
    String(BURST),
    "-f",
    "rawvideo",
    "pipe:1",
    "-map",
    "[j]",
    "-vsync",
    "passthrough",
    "-frames:v",
    String(jpegRange.to - jpegRange.from + 1),
    "-q:v",
    "3",
    "-threads",
    "1",
    "-start_number",
    String(jpegRange.from),
    `${jpegPrefix}%d.jpg`,
    ...(run
      ? [
          "-map",
          "[r]",
          "-vsync",
          "passthrough",
          "-frames:v",
          String(FRAME_RUN_FRAMES),
          "-f",
          "rawvideo",
          "-y",
          run.file,
        ]
      : []),
  ];
}

/** Burst indices `steadiest` chooses from: those with a neighbour on each side, if there are any. */
function pickable(count: number): { from: number; to: number } {
  return count >= 3 ? { from: 1, to: count - 2 } : { from: 0, to: Math.max(0, count - 1) };
}

/** Index of the frame with the least change to its neighbours. */
function steadiest(frames: readonly Uint8Array[]): number {
  const { from, to } = pickable(frames.length);
  if (from === 0) return 0;
  const diff = (a: Uint8Array, b: Uint8Array): number => {
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
    return sum;
  };
  let best = from;
  let bestScore = Infinity;
  for (let i = from; i <= to; i++) {
    const score = diff(frames[i - 1]!, frames[i]!) + diff(frames[i]!, frames[i + 1]!);
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}
